import { resolve } from 'node:path';

/** The catalog files a fresh system loads, in file-name order (national sets first). */
export const seedCatalogDir = resolve(import.meta.dirname, '..', 'seed', 'catalog');

/** The local users the built-in issuer seeds (usernames, names and grants; never passwords). */
export const seedUsersDir = resolve(import.meta.dirname, '..', 'seed', 'users');
