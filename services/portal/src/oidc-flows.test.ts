import { describe, expect, it } from 'vitest';
import { createPendingSignIns } from './oidc-flows.js';
import { landingPage } from './oidc-routes.js';
import { signInErrors, signInErrorText } from './sign-in-errors.js';

const flow = (n: number) => ({ state: `s${n}`, nonce: `n${n}`, codeVerifier: `v${n}`, next: '/' });

describe('pending sign-ins through the provider', () => {
  it('gives each back once, under an unguessable handle, and forgets it after its time', () => {
    let now = 0;
    const pending = createPendingSignIns({ ttlMs: 1000, now: () => now });
    const a = pending.put(flow(1));
    const b = pending.put(flow(2));
    expect(a).toMatch(/^[\w-]{43}$/);
    expect(a).not.toBe(b);
    expect(pending.take(a)).toEqual(flow(1));
    expect(pending.take(a)).toBeNull();
    expect(pending.take(undefined)).toBeNull();
    expect(pending.take('unknown')).toBeNull();
    now = 1000;
    expect(pending.take(b)).toBeNull();
  });

  it('keeps at most so many, dropping the oldest', () => {
    const pending = createPendingSignIns({ max: 2 });
    const [a, b, c] = [pending.put(flow(1)), pending.put(flow(2)), pending.put(flow(3))];
    expect(pending.size()).toBe(2);
    expect(pending.take(a)).toBeNull();
    expect(pending.take(b)).toEqual(flow(2));
    expect(pending.take(c)).toEqual(flow(3));
  });
});

describe('where a sign-in lands', () => {
  it('stays on this origin', () => {
    expect(landingPage('/ho-so/12?tab=1')).toBe('/ho-so/12?tab=1');
    for (const elsewhere of [undefined, '', 'https://evil.example/', '//evil.example/', '/\\evil.example', 'ho-so']) expect(landingPage(elsewhere)).toBe('/');
  });

  it('has a Vietnamese reason for every refusal code, and none for anything else', () => {
    for (const [code, text] of Object.entries(signInErrors)) expect(signInErrorText(code)).toBe(text);
    expect(signInErrorText('toString')).toBeNull();
    expect(signInErrorText(null)).toBeNull();
  });
});
