export const MaintenanceOutcome = {
  maintained: 'maintained',
  atRisk: 'at_risk',
  revocationProposed: 'revocation_proposed',
} as const;
export type MaintenanceOutcome = (typeof MaintenanceOutcome)[keyof typeof MaintenanceOutcome];

/** Why revocation is proposed, under Quyết định 18/2022/QĐ-TTg. */
export const RevocationGround = {
  halfOrMoreUnmet: 'half_or_more_unmet',
  thirtyPercentWithKeyUnmet: 'thirty_percent_with_key_unmet',
} as const;
export type RevocationGround = (typeof RevocationGround)[keyof typeof RevocationGround];

export type MaintenanceCriterion = { code: string; isKey: boolean; met: boolean };

export type MaintenanceAssessment = {
  outcome: MaintenanceOutcome;
  ground: RevocationGround | null;
  unmetCount: number;
  total: number;
  /** unmetCount / total, for display only: the decision uses exact integer comparisons. */
  unmetShare: number;
  unmetCodes: string[];
  unmetKeyCodes: string[];
};

/**
 * The yearly maintenance test. A recognised unit no longer meets the standard when 50% or more of
 * its criteria are unmet, or when 30% to under 50% are unmet and at least one unmet criterion is
 * a key criterion: then revocation is proposed (the province still decides). Any other unmet
 * criterion puts the unit at risk.
 */
export function assessMaintenance(input: { criteria: readonly MaintenanceCriterion[] }): MaintenanceAssessment {
  const { criteria } = input;
  const total = criteria.length;
  if (total === 0) throw new Error('Maintenance assessment needs at least one criterion');
  const codes = new Set(criteria.map((c) => c.code));
  if (codes.size !== total) throw new Error('Maintenance assessment has duplicate criterion codes');

  const unmet = criteria.filter((c) => !c.met);
  const unmetCodes = unmet.map((c) => c.code);
  const unmetKeyCodes = unmet.filter((c) => c.isKey).map((c) => c.code);
  const unmetCount = unmet.length;

  // unmet / total >= 1/2 and >= 3/10, cross-multiplied so that e.g. 3/10 is not 0.30000000000000004.
  const halfOrMore = unmetCount * 2 >= total;
  const thirtyPercentOrMore = unmetCount * 10 >= total * 3;

  let ground: RevocationGround | null = null;
  if (halfOrMore) ground = RevocationGround.halfOrMoreUnmet;
  else if (thirtyPercentOrMore && unmetKeyCodes.length > 0) ground = RevocationGround.thirtyPercentWithKeyUnmet;

  const outcome =
    ground !== null
      ? MaintenanceOutcome.revocationProposed
      : unmetCount > 0
        ? MaintenanceOutcome.atRisk
        : MaintenanceOutcome.maintained;

  return { outcome, ground, unmetCount, total, unmetShare: unmetCount / total, unmetCodes, unmetKeyCodes };
}
