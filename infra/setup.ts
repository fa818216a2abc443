// One-shot deployment step: apply pending migrations, make sure the evidence bucket exists and,
// with the built-in issuer on, create the seeded local users. docker-compose runs it before the
// services; the local stack does the same in infra/stack.
import { loadConfig } from '@ntm/config';
import { createPrismaClient } from '@ntm/db';
import { applyMigrations } from '@ntm/db/migrate';
import { seedLocalUsers } from '@ntm/identity';
import { createStorage } from '@ntm/storage';

const config = loadConfig();
const applied = await applyMigrations(config.postgres.url);
console.log(applied.length > 0 ? `applied migrations: ${applied.join(', ')}` : 'migrations up to date');
const created = await createStorage(config.s3).ensureBucket();
console.log(created ? `created bucket ${config.s3.bucket}` : `bucket ${config.s3.bucket} ready`);
if (config.auth.localIssuer) {
  const db = createPrismaClient(config.postgres.url, { max: 1 });
  try {
    const users = await seedLocalUsers(db, { password: config.auth.localIssuer.seedPassword });
    console.log(users.length > 0 ? `created local users: ${users.join(', ')}` : 'local users ready');
  } finally {
    await db.$disconnect();
  }
}
