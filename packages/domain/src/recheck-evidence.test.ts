import { describe, expect, it } from 'vitest';
import { carriedEvidenceIds, foreignEvidenceIds, recheckStageAllowsEvidence } from './recheck-evidence.js';
import { RecheckStage } from './recheck-stages.js';

describe('evidence of a re-check', () => {
  it('is added or removed only while the unit re-assesses or remediates', () => {
    const allowed = Object.values(RecheckStage).filter((s) => recheckStageAllowsEvidence('evidence.upload', s));
    expect(allowed).toEqual(['self_assessment', 'remediation']);
    expect(recheckStageAllowsEvidence('evidence.delete', RecheckStage.appraisal)).toBe(false);
    expect(recheckStageAllowsEvidence('evidence.delete', RecheckStage.closed)).toBe(false);
  });

  it('carries over every file the last values cite, once', () => {
    expect(carriedEvidenceIds([{ last: { evidenceIds: ['a', 'b'] } }, { last: null }, { last: { evidenceIds: ['b', 'c'] } }])).toEqual(['a', 'b', 'c']);
  });

  it('names the cited ids that are neither the re-check’s own nor carried over, once each', () => {
    expect(foreignEvidenceIds(['own', 'x', 'old', 'y', 'x'], new Set(['own']), ['old'])).toEqual(['x', 'y']);
    expect(foreignEvidenceIds([], new Set(), [])).toEqual([]);
  });
});
