import { describe, expect, it } from 'vitest';
import type { DossierPlan } from '@ntm/contracts';
import { PlanCache } from './plan-cache.js';

const plan = (trackName: string) => ({ trackName, criteria: [{ code: 'C1', indicators: [] }] }) as unknown as DossierPlan;

describe('PlanCache', () => {
  it('keeps the plans read last, dropping the least recently read beyond its size', () => {
    const cache = new PlanCache(2);
    cache.keep('a', { version: '1', plan: plan('A') });
    cache.keep('b', { version: '1', plan: plan('B') });
    expect(cache.get('a')?.plan.trackName).toBe('A');
    cache.keep('c', { version: '1', plan: plan('C') });
    expect([cache.get('a')?.plan.trackName, cache.get('b'), cache.get('c')?.plan.trackName]).toEqual(['A', undefined, 'C']);
    expect(cache.size).toBe(2);
  });

  it('answers the version a plan was kept at, the later one when kept again', () => {
    const cache = new PlanCache(2);
    cache.keep('a', { version: '7', plan: plan('A') });
    cache.keep('a', { version: '9', plan: plan('A2') });
    expect(cache.get('a')).toEqual({ version: '9', plan: plan('A2') });
    expect(cache.size).toBe(1);
  });

  it('freezes a kept plan all through, so no read can change what the next one sees', () => {
    const cache = new PlanCache(1);
    const kept = plan('A');
    cache.keep('a', { version: '1', plan: kept });
    const [first] = kept.criteria as unknown as Array<{ code: string }>;
    expect(() => {
      if (first) first.code = 'X';
    }).toThrow(TypeError);
    expect(() => (kept.criteria as unknown[]).push({})).toThrow(TypeError);
  });
});
