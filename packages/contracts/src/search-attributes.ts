import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/**
 * Custom search attributes every dossier, campaign and re-check workflow carries, so operators can find dossiers in
 * the Temporal UI. The local stack registers them at start; docker-compose registers the same.
 */
export const searchAttributeDefinitions = {
  NtmProvince: 'Keyword',
  NtmDistrict: 'Keyword',
  NtmUnit: 'Keyword',
  NtmTrack: 'Keyword',
  NtmYear: 'Int',
  NtmStage: 'Keyword',
  /** Re-check workflows: maintained, at_risk, revocation_proposed, revoked or kept once known. */
  NtmOutcome: 'Keyword',
} as const;

export type SearchAttributeName = keyof typeof searchAttributeDefinitions;

export const searchAttributeKeys = {
  province: defineSearchAttributeKey('NtmProvince', SearchAttributeType.KEYWORD),
  district: defineSearchAttributeKey('NtmDistrict', SearchAttributeType.KEYWORD),
  unit: defineSearchAttributeKey('NtmUnit', SearchAttributeType.KEYWORD),
  track: defineSearchAttributeKey('NtmTrack', SearchAttributeType.KEYWORD),
  year: defineSearchAttributeKey('NtmYear', SearchAttributeType.INT),
  stage: defineSearchAttributeKey('NtmStage', SearchAttributeType.KEYWORD),
  outcome: defineSearchAttributeKey('NtmOutcome', SearchAttributeType.KEYWORD),
} as const;
