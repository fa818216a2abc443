import type { Db } from '@ntm/db';

/**
 * The tables the progress report reads (report-data.ts, report-catalog.ts): each has the statement
 * trigger that records its writers (migration report_data_version; dossiers only for the columns
 * the report reads). A new source of the report's figures needs the trigger too.
 */
export const reportSourceTables = [
  'administrative_units',
  'criteria_sets',
  'criteria',
  'indicators',
  'tracks',
  'unit_status_records',
  'unit_targets',
  'dossiers',
  'criterion_self_assessments',
  'appraisal_verdicts',
  'decisions',
  'recognitions',
  'rechecks',
  'recheck_criteria',
  'recheck_events',
  'recheck_appraisal_tasks',
] as const;

/**
 * The version of what the progress report reads: the summed weight of `report_data_changes`, one
 * row per transaction that wrote a table the report reads (statement triggers; migration
 * report_data_version). Read before the report's own queries, it is never newer than the data they
 * see, so a report cached under a version holds at least that version's data.
 */
export async function readDataVersion(db: Db): Promise<{ version: string; rows: number }> {
  const [row] = await db.$queryRaw<Array<{ version: string; rows: number }>>`
    SELECT COALESCE(sum(weight), 0)::text AS version, count(*)::int AS rows FROM report_data_changes`;
  return row ?? { version: '0', rows: 0 };
}

/** Folds the change rows into one carrying their summed weight (the version stays what it was). */
export async function compactDataChanges(db: Db): Promise<void> {
  await db.$executeRaw`
    WITH gone AS (DELETE FROM report_data_changes RETURNING weight)
    INSERT INTO report_data_changes (tx, weight) SELECT -txid_current(), sum(weight) FROM gone HAVING count(*) > 0`;
}

/** Change rows kept before the next read folds them. */
const compactAbove = 500;

/**
 * Computed reports of this process, each under the data version it was computed at. Any write to
 * what a report reads changes the version, and entries of other versions are dropped, so a report
 * served from here is the one a fresh computation would give (a report's date never depends on
 * today). Concurrent requests for the same key share one computation. Bounded: the least recently
 * used entries go first.
 */
export class ReportCache<T> {
  private version: string | null = null;
  private readonly entries = new Map<string, Promise<T>>();

  constructor(
    private readonly db: Db,
    private readonly maxEntries = 24,
  ) {}

  /** Reads the data's current version; a newer one than the entries' drops them all. */
  async currentVersion(): Promise<string> {
    const { version, rows } = await readDataVersion(this.db);
    if (rows > compactAbove) void compactDataChanges(this.db).catch(() => undefined);
    // A slower answer may bring an older version: entries only ever move forward.
    if (this.version === null || BigInt(version) > BigInt(this.version)) {
      this.entries.clear();
      this.version = version;
    }
    return version;
  }

  /** The entry for `key` at `version`, computed by `compute` when missing; a failure is not kept. */
  get(version: string, key: string, compute: () => Promise<T>): Promise<T> {
    if (version !== this.version) return compute();
    const found = this.entries.get(key);
    if (found) {
      this.entries.delete(key);
      this.entries.set(key, found);
      return found;
    }
    const made = compute();
    this.entries.set(key, made);
    made.catch(() => this.entries.get(key) === made && this.entries.delete(key));
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return made;
  }
}
