import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, type Worker } from '@temporalio/worker';
import { createPrismaClient, createScratchDatabase, type Db, type ScratchDatabase } from '@ntm/db';
import { searchAttributeDefinitions } from '@ntm/contracts';
import { testConfig } from '@ntm/testing';
import { createStorage } from '@ntm/storage';
import { createWorker } from './worker.js';
import { pingWorkflow } from './workflows/index.js';

const config = testConfig();
const taskQueue = `ping-test-${randomUUID()}`;

describe('Temporal dev server (real)', () => {
  let scratch: ScratchDatabase;
  let db: Db;
  let nativeConnection: NativeConnection;
  let connection: Connection;
  let worker: Worker;

  beforeAll(async () => {
    scratch = await createScratchDatabase(config.postgres.url);
    db = createPrismaClient(scratch.url);
    nativeConnection = await NativeConnection.connect({ address: config.temporal.address });
    connection = await Connection.connect({ address: config.temporal.address });
    worker = await createWorker(config, { db, storage: createStorage(config.s3), publicBaseUrl: config.publicBaseUrl }, { connection: nativeConnection, taskQueue });
  });
  afterAll(async () => {
    await connection.close();
    await nativeConnection.close();
    await db.$disconnect();
    await scratch.drop();
  });

  it('runs the ping workflow to completion; its activity writes to PostgreSQL once', async () => {
    const client = new Client({ connection, namespace: config.temporal.namespace });
    const pingId = randomUUID();
    const result = await worker.runUntil(
      client.workflow.execute(pingWorkflow, { taskQueue, workflowId: `ping/${pingId}`, args: [{ pingId, message: 'xin chào' }] }),
    );
    expect(result).toMatchObject({ pingId, message: 'xin chào' });
    const rows = await db.pingRecord.findMany({ where: { id: pingId } });
    expect(rows).toHaveLength(1);
    const described = await client.workflow.getHandle(`ping/${pingId}`).describe();
    expect(described.status.name).toBe('COMPLETED');
  });

  it('has the dossier search attributes registered', async () => {
    const { customAttributes } = await connection.operatorService.listSearchAttributes({ namespace: config.temporal.namespace });
    expect(Object.keys(customAttributes ?? {})).toEqual(expect.arrayContaining(Object.keys(searchAttributeDefinitions)));
  });
});
