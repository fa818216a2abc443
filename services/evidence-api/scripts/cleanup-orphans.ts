// Removes evidence objects that have no record (left by a crash mid-upload) and are older than an hour.
import { loadConfig } from '@ntm/config';
import { createPrismaClient } from '@ntm/db';
import { createStorage } from '@ntm/storage';
import { removeOrphanEvidence } from '../src/upload.js';

const config = loadConfig();
const db = createPrismaClient(config.postgres.url);
const removed = await removeOrphanEvidence(db, createStorage(config.s3), 60 * 60 * 1000);
console.log(removed.length > 0 ? `removed ${removed.length} orphan object(s):\n  ${removed.join('\n  ')}` : 'no orphan objects');
await db.$disconnect();
