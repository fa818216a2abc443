import { DecidingLevel } from './catalog.js';

/**
 * How a province words its decisions on one track (the catalog's `decisionForms`). Texts may name
 * the dossier's units by level: `{district}` becomes "huyện Than Uyên" for a unit in that district.
 * A placeholder may list levels to try in order, `{district|commune}`: the district where the unit
 * has one, else the commune (a two-tier province's commune has no district above it).
 */
export interface DecisionForm {
  /** The body that issues and signs: "Ủy ban nhân dân" (with the deciding unit: "Ủy ban nhân dân tỉnh Lai Châu"). */
  issuingBody: string;
  /** The titles a signer may hold: "Chủ tịch" signs on behalf of the body, "Phó Chủ tịch" for its head. */
  headTitle: string;
  deputyTitle: string;
  /** What the unit is recognised as: "đạt chuẩn nông thôn mới". */
  recognition: string;
  /** The texts the decision rests on, before the criteria set's own ("Luật Tổ chức chính quyền địa phương …"). */
  legalBases: string[];
  /** Whose submission the decision answers ("Ủy ban nhân dân {district}"); null: none. */
  proposedBy: string | null;
  /** Who carries the decision out (Article 3), and who receives it ("Nơi nhận"). */
  executors: string[];
  recipients: string[];
}

/** Units a form's text may name, by level. */
export type UnitNamesByLevel = Partial<Record<DecidingLevel, string>>;

const placeholder = /\{([^{}]*)\}/g;

/** The placeholders a text uses that name no unit level; a catalog import rejects them. */
export function unknownPlaceholders(text: string): string[] {
  return [...text.matchAll(placeholder)].flatMap((m) => (m[1] ?? '').split('|')).filter((name) => !DecidingLevel.safeParse(name).success);
}

/** A unit's catalog name as it reads inside a sentence: "Xã Pha Mu" → "xã Pha Mu". */
export const inSentence = (name: string) => name.charAt(0).toLocaleLowerCase('vi') + name.slice(1);

/** A text with its placeholders replaced by the units' names; `missing` lists levels the dossier's unit has no unit at. */
export function fillUnitNames(text: string, names: UnitNamesByLevel): { text: string; missing: string[] } {
  const missing: string[] = [];
  const filled = text.replace(placeholder, (whole, levels: string) => {
    const name = levels
      .split('|')
      .map((level) => (DecidingLevel.safeParse(level).success ? names[level as DecidingLevel] : undefined))
      .find((n) => n !== undefined);
    if (name === undefined) {
      missing.push(levels);
      return whole;
    }
    return inSentence(name);
  });
  return { text: filled, missing };
}

const sameTitle = (a: string, b: string) => a.trim().toLocaleLowerCase('vi') === b.trim().toLocaleLowerCase('vi');

/**
 * The signing block's lines above the signer's name (Nghị định 30/2020/NĐ-CP): the head signs on
 * behalf of the body ("TM. Ủy ban nhân dân" / "Chủ tịch"), a deputy for the head ("KT. Chủ tịch" /
 * "Phó Chủ tịch"). Undefined for any other title: the form does not let that title sign.
 */
export function signingLines(form: Pick<DecisionForm, 'issuingBody' | 'headTitle' | 'deputyTitle'>, signerTitle: string): [string, string] | undefined {
  if (sameTitle(signerTitle, form.headTitle)) return [`TM. ${form.issuingBody}`, form.headTitle];
  if (sameTitle(signerTitle, form.deputyTitle)) return [`KT. ${form.headTitle}`, form.deputyTitle];
  return undefined;
}
