// Removes evidence objects that have no record (left by a crash mid-upload) and are older than the
// grace period: an hour unless given in minutes (`cleanup-orphans 0` when no upload is under way).
import { loadConfig } from '@ntm/config';
import { createPrismaClient } from '@ntm/db';
import { createStorage } from '@ntm/storage';
import { removeOrphanEvidence } from '../src/upload.js';

const graceMinutes = Number(process.argv[2] ?? 60);
if (!Number.isFinite(graceMinutes) || graceMinutes < 0) {
  console.error('usage: cleanup-orphans [grace minutes, default 60]');
  process.exit(2);
}
const config = loadConfig();
const db = createPrismaClient(config.postgres.url);
const removed = await removeOrphanEvidence(db, createStorage(config.s3), graceMinutes * 60 * 1000);
console.log(removed.length > 0 ? `removed ${removed.length} orphan object(s):\n  ${removed.join('\n  ')}` : 'no orphan objects');
await db.$disconnect();
