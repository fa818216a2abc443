import { describe, expect, it } from 'vitest';
import { FinalStage, stageNameOf } from './final-stages.js';

describe('stage names', () => {
  const stages = [{ code: 'DECISION', name: 'Tỉnh công nhận' }];
  it('names a track stage by the track, a final stage by itself, anything else by its code', () => {
    expect(stageNameOf('DECISION', stages)).toBe('Tỉnh công nhận');
    expect(stageNameOf(FinalStage.recognised, stages)).toBe('Đã có quyết định công nhận');
    expect(stageNameOf(FinalStage.refused, [])).toBe('Đã có quyết định không công nhận');
    expect(stageNameOf('UNKNOWN', stages)).toBe('UNKNOWN');
  });
});
