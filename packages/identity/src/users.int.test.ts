import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient, createScratchDatabase, type Db, type ScratchDatabase } from '@ntm/db';
import { testConfig } from '@ntm/testing';
import { upsertLocalUser } from './users.js';

const grant = { role: 'commune_officer', unitCode: '110-03628', departmentCode: null } as const;

let scratch: ScratchDatabase;
let db: Db;

beforeAll(async () => {
  scratch = await createScratchDatabase(testConfig().postgres.url, { prefix: 'ntm_identity_users' });
  db = createPrismaClient(scratch.url, { max: 2 });
});

afterAll(async () => {
  await db.$disconnect();
  await scratch.drop();
});

describe('upsertLocalUser', () => {
  it("writes inside the caller's transaction, so a rollback leaves nothing behind", async () => {
    const rolledBack = db.$transaction(async (tx) => {
      await upsertLocalUser(tx, { username: 'tam.thoi', displayName: 'Tạm thời', oidcSubject: 'sub-tam', grants: [grant] });
      expect(await tx.user.count({ where: { username: 'tam.thoi' } })).toBe(1);
      throw new Error('the caller gives up');
    });
    await expect(rolledBack).rejects.toThrow('the caller gives up');
    expect(await db.user.count({ where: { username: 'tam.thoi' } })).toBe(0);
  });

  it('keeps oidcSubject and disabled when left out, and revokes refresh tokens on disabling', async () => {
    const id = await upsertLocalUser(db, { username: 'xa.phamu', displayName: 'Pha Mu', oidcSubject: 'sub-phamu', grants: [grant] });
    await db.refreshToken.create({ data: { id: crypto.randomUUID(), userId: id, expiresAt: new Date(Date.now() + 60_000) } });
    await upsertLocalUser(db, { username: 'xa.phamu', displayName: 'Pha Mu (mới)', grants: [] });
    expect(await db.user.findUniqueOrThrow({ where: { id }, select: { oidcSubject: true, disabled: true } })).toEqual({ oidcSubject: 'sub-phamu', disabled: false });
    expect(await db.refreshToken.count({ where: { userId: id } })).toBe(1);

    await upsertLocalUser(db, { username: 'xa.phamu', displayName: 'Pha Mu (mới)', oidcSubject: null, disabled: true, grants: [grant] });
    expect(await db.user.findUniqueOrThrow({ where: { id }, select: { oidcSubject: true, disabled: true } })).toEqual({ oidcSubject: null, disabled: true });
    expect(await db.refreshToken.count({ where: { userId: id } })).toBe(0);
  });
});
