// One-shot deployment step: apply pending migrations and make sure the evidence bucket exists.
// docker-compose runs it before the services; the local stack does the same in infra/stack.
import { loadConfig } from '@ntm/config';
import { applyMigrations } from '@ntm/db/migrate';
import { createStorage } from '@ntm/storage';

const config = loadConfig();
const applied = await applyMigrations(config.postgres.url);
console.log(applied.length > 0 ? `applied migrations: ${applied.join(', ')}` : 'migrations up to date');
const created = await createStorage(config.s3).ensureBucket();
console.log(created ? `created bucket ${config.s3.bucket}` : `bucket ${config.s3.bucket} ready`);
