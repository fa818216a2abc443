import { randomBytes } from 'node:crypto';

/** A sign-in through the provider under way: what the callback must find again. */
export interface PendingSignIn {
  state: string;
  nonce: string;
  codeVerifier: string;
  /** The portal page to land on afterwards (a path on this origin). */
  next: string;
}

/**
 * The pending sign-ins, kept in the portal's memory under a random handle that only the
 * browser's short-lived cookie carries, so the state, nonce and PKCE verifier never reach the
 * browser. Each is used once and forgotten after `ttlMs`; at most `max` are kept (the oldest go).
 * Behind several portal processes, the start and the callback of one sign-in must reach the
 * same process (sticky sessions), or the person is asked to sign in again.
 */
export function createPendingSignIns({ ttlMs = 10 * 60_000, max = 10_000, now = Date.now } = {}) {
  const pending = new Map<string, PendingSignIn & { until: number }>();
  return {
    ttlSeconds: Math.floor(ttlMs / 1000),
    put(flow: PendingSignIn): string {
      const at = now();
      for (const [handle, f] of pending) if (f.until <= at || pending.size >= max) pending.delete(handle);
      const handle = randomBytes(32).toString('base64url');
      pending.set(handle, { ...flow, until: at + ttlMs });
      return handle;
    },
    /** The sign-in under this handle, once; null when unknown, already used or expired. */
    take(handle: string | undefined): PendingSignIn | null {
      if (handle === undefined) return null;
      const flow = pending.get(handle);
      pending.delete(handle);
      if (!flow || flow.until <= now()) return null;
      const { until: _until, ...rest } = flow;
      return rest;
    },
    size: () => pending.size,
  };
}

export type PendingSignIns = ReturnType<typeof createPendingSignIns>;
