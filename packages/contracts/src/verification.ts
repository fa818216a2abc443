import { HistoryEvent } from './vocabulary.js';
/**
 * What a commune's verification of a village's dossier records (Lai Châu's village chain: the
 * commune People's Committee verifies the village's self-assessment, then forwards it to the
 * district's offices or returns it). The district's confirmation records district.confirmed or
 * district.returned.
 */
export const verificationEventTypes = {
  verified: HistoryEvent.communeVerified,
  returned: HistoryEvent.communeReturned,
} as const;
