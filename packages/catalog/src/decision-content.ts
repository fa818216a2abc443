import { readDossierPlan } from './dossier-plan.js';
import type { Db } from '@ntm/db';
import { DecidingLevel, fillUnitNames, signingLines, type DecisionForm, type UnitNamesByLevel } from '@ntm/domain';
import type { DecisionDocument } from '@ntm/documents';

/** What every decision on a dossier says that the decision command does not: all from the catalog. */
export interface DecisionSetting {
  form: DecisionForm;
  issuer: DecisionDocument['issuer'];
  /** The recognised unit, then its parents below the issuing unit. */
  unitNames: string[];
  namesByLevel: UnitNamesByLevel;
  /** The criteria set's legal basis, cited after the form's. */
  criteriaSetBasis: string;
}

type DossierRow = { plan: unknown; provinceCode: string; districtCode: string | null; unitCode: string; trackCode: string; criteriaSetCode: string; decidingLevel: string };

/** The unit whose People's Committee decides: the district where the track has the district decide and the unit has one. */
export function issuingUnitCode(dossier: Pick<DossierRow, 'provinceCode' | 'districtCode' | 'decidingLevel'>): string {
  return dossier.decidingLevel === 'district' && dossier.districtCode ? dossier.districtCode : dossier.provinceCode;
}

/**
 * Reads the decision's setting for a dossier, or says in Vietnamese what the province's catalog
 * lacks for it (no form for the track, no place name, a unit level the form names but the unit has not).
 */
export async function loadDecisionSetting(db: Db, dossier: DossierRow): Promise<{ setting: DecisionSetting } | { problems: string[] }> {
  const [form, province, units, plan] = await Promise.all([
    db.decisionForm.findUnique({ where: { provinceCode_trackCode: { provinceCode: dossier.provinceCode, trackCode: dossier.trackCode } } }),
    db.province.findUniqueOrThrow({ where: { code: dossier.provinceCode } }),
    db.administrativeUnit.findMany({ where: { provinceCode: dossier.provinceCode }, select: { code: true, name: true, level: true, parentCode: true } }),
    // The criteria set's basis as the dossier opened with it: a later catalog import changes nothing here.
    readDossierPlan(db, dossier),
  ]);
  const byCode = new Map(units.map((u) => [u.code, u]));
  const issuerCode = issuingUnitCode(dossier);
  const issuerUnit = byCode.get(issuerCode);
  const place = (province.placeNames as Record<string, string>)[issuerCode];

  const chain: { name: string; level: string }[] = [];
  for (let u = byCode.get(dossier.unitCode); u; u = u.parentCode === null ? undefined : byCode.get(u.parentCode)) chain.push(u);
  const namesByLevel: UnitNamesByLevel = Object.fromEntries(chain.filter((u) => DecidingLevel.safeParse(u.level).success).map((u) => [u.level, u.name]));
  const below = chain.findIndex((u) => u === issuerUnit);
  const unitNames = chain.slice(0, below < 0 ? chain.length : below).map((u) => u.name);

  const problems: string[] = [];
  const unitName = issuerUnit?.name ?? issuerCode;
  if (!form) problems.push(`Tỉnh chưa khai báo mẫu quyết định (decisionForms) cho loại hồ sơ "${dossier.trackCode}".`);
  if (place === undefined) problems.push(`Tỉnh chưa khai báo địa danh (placeNames) của ${unitName}.`);
  if (!form || place === undefined) return { problems };
  const texts = [form.proposedBy ?? '', ...form.legalBases, ...form.executors, ...form.recipients];
  const missing = new Set(texts.flatMap((t) => fillUnitNames(t, namesByLevel).missing));
  if (missing.size > 0) problems.push(`Mẫu quyết định nêu đơn vị cấp ${[...missing].join(', ')} nhưng đơn vị của hồ sơ không thuộc đơn vị cấp đó.`);
  if (problems.length > 0) return { problems };
  return { setting: { form, issuer: { body: form.issuingBody, unitName, place }, unitNames, namesByLevel, criteriaSetBasis: plan.criteriaSet.legalBasis } };
}

/** What stops this signer from signing under the setting's form, in Vietnamese; null when nothing does. */
export function signerProblem(setting: DecisionSetting, signerTitle: string): string | null {
  return signingLines(setting.form, signerTitle) ? null : `Người ký phải giữ chức vụ "${setting.form.headTitle}" hoặc "${setting.form.deputyTitle}" (theo mẫu quyết định của tỉnh), không phải "${signerTitle}".`;
}

/** The decision's document from its setting and what the decision command recorded. */
export function decisionDocument(
  setting: DecisionSetting,
  decision: { number: string; date: string; effectiveDate: string; signer: string; signerTitle: string; year: number; submissionNumber: string | null; submissionDate: string | null; verifyUrl: string },
): DecisionDocument {
  const { form, namesByLevel } = setting;
  const fill = (text: string) => fillUnitNames(text, namesByLevel).text;
  // "{district|commune}" and "{commune}" are one line for a commune without a district: named once.
  const fillAll = (texts: string[]) => [...new Set(texts.map(fill))];
  return {
    number: decision.number,
    date: decision.date,
    effectiveDate: decision.effectiveDate,
    signer: decision.signer,
    signing: signingLines(form, decision.signerTitle) ?? [decision.signerTitle],
    issuer: setting.issuer,
    headTitle: form.headTitle,
    unitNames: setting.unitNames,
    recognition: form.recognition,
    year: decision.year,
    legalBases: [...fillAll(form.legalBases), setting.criteriaSetBasis],
    proposal: form.proposedBy === null ? null : { by: fill(form.proposedBy), number: decision.submissionNumber, date: decision.submissionDate },
    executors: fillAll(form.executors),
    recipients: fillAll(form.recipients),
    verifyUrl: decision.verifyUrl,
  };
}
