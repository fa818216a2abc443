/**
 * Custom search attributes every dossier workflow carries, so operators can find dossiers in
 * the Temporal UI. The local stack registers them at start; docker-compose registers the same.
 */
export const searchAttributeDefinitions = {
  NtmProvince: 'Keyword',
  NtmDistrict: 'Keyword',
  NtmUnit: 'Keyword',
  NtmTrack: 'Keyword',
  NtmYear: 'Int',
  NtmStage: 'Keyword',
} as const;

export type SearchAttributeName = keyof typeof searchAttributeDefinitions;
