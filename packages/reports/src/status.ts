import { fromDayNumber, toDayNumber } from '@ntm/domain';
import type { CriteriaSetDef, CriterionStatus, ResultRecord } from './model.js';

/**
 * A unit's status on a criterion as of a date is the latest recorded result; on the same day a
 * department's appraisal wins over a self-assessment. Results are kept as numbers, not objects:
 * a province's report reads tens of thousands of them per date, and only the latest of each
 * unit, criterion and indicator matters. A result packs into one number: `day * 4 + flags`, where
 * `day` counts days since 1970-01-01 and flags are `MET` and `APPRAISAL`; NONE is "nothing yet".
 */
const MET = 1;
const APPRAISAL = 2;
const NONE = -1;

const pack = (day: number, met: boolean, appraisal: boolean) => day * 4 + (met ? MET : 0) + (appraisal ? APPRAISAL : 0);
const dayOf = (result: number) => Math.floor(result / 4);
const isMet = (result: number) => result !== NONE && (result & MET) !== 0;

/** The later of two packed results (the rule above). A tie keeps the one recorded first. */
function later(a: number, b: number): number {
  if (a === NONE) return b;
  const da = dayOf(a);
  const db = dayOf(b);
  if (db > da) return b;
  if (db === da && (b & APPRAISAL) !== 0 && (a & APPRAISAL) === 0) return b;
  return a;
}

/** ISO dates of day numbers and back, remembered: a report's results fall on a handful of days. */
const isoOfDay = new Map<number, string>();
function isoOf(day: number): string {
  let iso = isoOfDay.get(day);
  if (iso === undefined) isoOfDay.set(day, (iso = fromDayNumber(day)));
  return iso;
}
const dayOfIso = new Map<string, number>();
export function dayNumber(iso: string): number {
  let day = dayOfIso.get(iso);
  if (day === undefined) dayOfIso.set(iso, (day = toDayNumber(iso)));
  return day;
}

/**
 * The latest results of units on one criteria set as of a date. Results after the date, or on a
 * criterion the set does not have, are left out as they are added.
 */
export class SetResults {
  private readonly positions: Map<string, number>;
  private readonly width: number;
  private readonly rows = new Map<string, number>();
  /** The latest whole-criterion result of each unit (row) and criterion (position): `row * width + position`. */
  private whole: Int32Array;
  /** The latest result of each indicator recorded, by the same slot (few units record indicator by indicator). */
  private readonly parts = new Map<number, Map<string, number>>();

  constructor(
    readonly set: CriteriaSetDef,
    private readonly asOfDay: number,
  ) {
    this.positions = new Map(set.criteria.map((c, i) => [c.code, i]));
    this.width = set.criteria.length;
    this.whole = new Int32Array(64 * this.width).fill(NONE);
  }

  add(unitCode: string, criterionCode: string, indicatorCode: string | null, day: number, met: boolean, appraisal: boolean): void {
    const position = this.positions.get(criterionCode);
    if (position === undefined || day > this.asOfDay) return;
    const slot = this.rowOf(unitCode) * this.width + position;
    const result = pack(day, met, appraisal);
    if (indicatorCode === null) {
      this.whole[slot] = later(this.whole[slot] ?? NONE, result);
      return;
    }
    let indicators = this.parts.get(slot);
    if (!indicators) this.parts.set(slot, (indicators = new Map<string, number>()));
    indicators.set(indicatorCode, later(indicators.get(indicatorCode) ?? NONE, result));
  }

  /** Whether anything is recorded for the unit on this set. */
  has(unitCode: string): boolean {
    return this.rows.has(unitCode);
  }

  /** Whether the unit has a result (whole or of an indicator) on every criterion of the set. */
  complete(unitCode: string): boolean {
    const row = this.rows.get(unitCode);
    if (row === undefined) return false;
    for (let position = 0; position < this.width; position++) {
      const slot = row * this.width + position;
      if (this.whole[slot] === NONE && !this.parts.has(slot)) return false;
    }
    return true;
  }

  /** The unit's status on each criterion of the set; nothing recorded is "not met". */
  statuses(unitCode: string): CriterionStatus[] {
    const row = this.rows.get(unitCode);
    return this.set.criteria.map((c, position) => {
      const result = row === undefined ? NONE : this.statusAt(row, position);
      return result === NONE
        ? { code: c.code, met: false, source: null, on: null }
        : { code: c.code, met: isMet(result), source: (result & APPRAISAL) !== 0 ? 'appraisal' : 'self_assessment', on: isoOf(dayOf(result)) };
    });
  }

  /** How many criteria of the set the unit meets. */
  metCount(unitCode: string): number {
    const row = this.rows.get(unitCode);
    if (row === undefined) return 0;
    let met = 0;
    for (let position = 0; position < this.width; position++) if (isMet(this.statusAt(row, position))) met++;
    return met;
  }

  /** Whether the latest result of one indicator of a criterion is "met". */
  indicatorMet(unitCode: string, criterionCode: string, indicatorCode: string): boolean {
    const row = this.rows.get(unitCode);
    const position = this.positions.get(criterionCode);
    if (row === undefined || position === undefined) return false;
    const result = this.parts.get(row * this.width + position)?.get(indicatorCode);
    return result !== undefined && isMet(result);
  }

  /**
   * A result on the whole criterion and one built from its indicators (met when every indicator of
   * the criterion has a met result; dated by the latest of them) compete by date.
   */
  private statusAt(row: number, position: number): number {
    const slot = row * this.width + position;
    const whole = this.whole[slot] ?? NONE;
    const indicators = this.parts.get(slot);
    if (!indicators || indicators.size === 0) return whole;
    let latest = NONE;
    for (const result of indicators.values()) latest = later(latest, result);
    const listed = this.set.criteria[position]?.indicatorCodes ?? [];
    const expected = listed.length > 0 ? listed : [...indicators.keys()];
    const met = expected.every((code) => {
      const result = indicators.get(code);
      return result !== undefined && isMet(result);
    });
    return later(whole, pack(dayOf(latest), met, (latest & APPRAISAL) !== 0));
  }

  private rowOf(unitCode: string): number {
    let row = this.rows.get(unitCode);
    if (row !== undefined) return row;
    row = this.rows.size;
    this.rows.set(unitCode, row);
    if ((row + 1) * this.width > this.whole.length) {
      const grown = new Int32Array(this.whole.length * 2).fill(NONE);
      grown.set(this.whole);
      this.whole = grown;
    }
    return row;
  }
}

/** The latest results of units as of a date on each of a report's criteria sets; results of other sets are left out. */
export class ReportResults {
  private readonly bySet = new Map<string, SetResults>();

  constructor(
    readonly asOf: string,
    sets: ReadonlyArray<CriteriaSetDef | null>,
  ) {
    for (const set of sets) if (set) this.bySet.set(set.code, new SetResults(set, dayNumber(asOf)));
  }

  /** One result; `day` counts days since 1970-01-01. */
  add(unitCode: string, setCode: string, criterionCode: string, indicatorCode: string | null, day: number, met: boolean, appraisal: boolean): void {
    this.bySet.get(setCode)?.add(unitCode, criterionCode, indicatorCode, day, met, appraisal);
  }

  addRecords(records: Iterable<ResultRecord>): this {
    for (const r of records) this.add(r.unitCode, r.criteriaSetCode, r.criterionCode, r.indicatorCode, dayNumber(r.on), r.met, r.source === 'appraisal');
    return this;
  }

  /** The results on a set (empty for a set the report was not built with). */
  of(set: CriteriaSetDef): SetResults {
    let found = this.bySet.get(set.code);
    if (!found) this.bySet.set(set.code, (found = new SetResults(set, dayNumber(this.asOf))));
    return found;
  }
}
