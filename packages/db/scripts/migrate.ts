import { loadConfig } from '@ntm/config';
import { applyMigrations } from '../src/migrate.js';

const url = process.env.DATABASE_URL ?? loadConfig().postgres.url;
const applied = await applyMigrations(url);
console.log(applied.length > 0 ? `applied: ${applied.join(', ')}` : 'migrations up to date');
