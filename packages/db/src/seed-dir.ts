import { resolve } from 'node:path';

/** The catalog files a fresh system loads, in file-name order (national sets first). */
export const seedCatalogDir = resolve(import.meta.dirname, '..', 'seed', 'catalog');
