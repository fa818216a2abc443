import { defineConfig } from 'prisma/config';
import { loadConfig } from '@ntm/config';

// Used by `prisma generate` and, wherever Prisma's native schema engine can be downloaded,
// by `prisma migrate deploy`. Offline, migrations are applied by src/migrate.ts instead.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? loadConfig().postgres.url },
});
