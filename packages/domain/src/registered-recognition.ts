/**
 * Registering a recognition decided before the province adopted the system: which rows may be
 * registered. All-or-nothing imports report every row's problems, so this answers a list.
 */
export interface RecognitionToRegister {
  unitCode: string;
  trackCode: string;
  /** The year the unit was recognised for. */
  year: number;
  decisionNumber: string;
  /** ISO date the decision was signed. */
  signedOn: string;
}

export interface RegistrationContext {
  /** The province registering; its own units only. */
  provinceCode: string;
  /** ISO date of today, in Vietnam: a decision cannot be signed later. */
  today: string;
  unit(code: string): { provinceCode: string; level: string } | undefined;
  track(code: string): { unitLevel: string } | undefined;
  /** Whether the province already has a decision (issued or registered) with this number that year. */
  numberTaken(signedYear: number, number: string): boolean;
  /** Whether the unit already holds an active recognition on the track. */
  activeRecognition(unitCode: string, trackCode: string): boolean;
}

export interface RegistrationProblem {
  field: 'unitCode' | 'trackCode' | 'year' | 'decisionNumber' | 'signedOn';
  message: string;
}

/** Why one recognition cannot be registered; empty when it can. `seen` carries the file's earlier good rows. */
export function registrationProblems(
  r: RecognitionToRegister,
  ctx: RegistrationContext,
  seen: { numbers: Set<string>; units: Set<string> } = { numbers: new Set(), units: new Set() },
): RegistrationProblem[] {
  const problems: RegistrationProblem[] = [];
  const unit = ctx.unit(r.unitCode);
  const track = ctx.track(r.trackCode);
  if (!unit) problems.push({ field: 'unitCode', message: `không có đơn vị "${r.unitCode}" trong danh mục` });
  else if (unit.provinceCode !== ctx.provinceCode) {
    problems.push({ field: 'unitCode', message: `đơn vị "${r.unitCode}" thuộc tỉnh ${unit.provinceCode}, không thuộc tỉnh ${ctx.provinceCode}` });
  }
  if (!track) problems.push({ field: 'trackCode', message: `không có loại hồ sơ "${r.trackCode}"` });
  else if (unit && unit.level !== track.unitLevel) {
    problems.push({ field: 'trackCode', message: `loại hồ sơ "${r.trackCode}" dành cho cấp ${track.unitLevel}, đơn vị "${r.unitCode}" là cấp ${unit.level}` });
  }
  const signedYear = Number(r.signedOn.slice(0, 4));
  if (r.signedOn > ctx.today) problems.push({ field: 'signedOn', message: `ngày ký ${r.signedOn} ở sau ngày hôm nay (${ctx.today})` });
  if (r.year > signedYear) problems.push({ field: 'year', message: `năm công nhận ${r.year} ở sau năm ký quyết định (${signedYear})` });
  const numberKey = `${signedYear}|${r.decisionNumber}`;
  if (ctx.numberTaken(signedYear, r.decisionNumber)) {
    problems.push({ field: 'decisionNumber', message: `số quyết định "${r.decisionNumber}" năm ${signedYear} đã có trong hệ thống` });
  } else if (seen.numbers.has(numberKey)) {
    problems.push({ field: 'decisionNumber', message: `số quyết định "${r.decisionNumber}" năm ${signedYear} trùng với một dòng trước trong tệp` });
  }
  const unitKey = `${r.unitCode}|${r.trackCode}`;
  if (ctx.activeRecognition(r.unitCode, r.trackCode)) {
    problems.push({ field: 'unitCode', message: `đơn vị "${r.unitCode}" đã có công nhận "${r.trackCode}" còn hiệu lực` });
  } else if (seen.units.has(unitKey)) {
    problems.push({ field: 'unitCode', message: `đơn vị "${r.unitCode}" đã được đăng ký công nhận "${r.trackCode}" ở một dòng trước trong tệp` });
  }
  // Only a good row claims its number and unit: a bad row is reported once, not again through later rows.
  if (problems.length === 0) {
    seen.numbers.add(numberKey);
    seen.units.add(unitKey);
  }
  return problems;
}
