import { createContext, useContext } from 'react';
import type { components } from './api/generated/dossier-api.js';

export type CurrentUser = components['schemas']['CurrentUser'];

export interface SessionState {
  user: CurrentUser | null;
  signedIn: (user: CurrentUser) => void;
  signOut: () => Promise<void>;
}

export const SessionContext = createContext<SessionState>({ user: null, signedIn: () => undefined, signOut: async () => undefined });

export const useSession = () => useContext(SessionContext);

/** The portal's own session routes (the token pair stays in an httpOnly cookie). */
export async function readSession(): Promise<CurrentUser | null> {
  const res = await fetch('/auth/session', { credentials: 'same-origin' });
  return res.ok ? ((await res.json()) as CurrentUser) : null;
}

export async function signIn(username: string, password: string): Promise<{ user: CurrentUser } | { problem: { detail?: string; title?: string } }> {
  const res = await fetch('/auth/login', { method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  const body = (await res.json().catch(() => ({}))) as unknown;
  return res.ok ? { user: body as CurrentUser } : { problem: body as { detail?: string; title?: string } };
}

/** Ends the session on the server; after a sign-in through the province's provider, gives the provider's sign-out address to visit. */
export async function endSession(): Promise<string | null> {
  const res = await fetch('/auth/logout', { method: 'POST', credentials: 'same-origin' });
  if (res.status !== 200) return null;
  const body = (await res.json().catch(() => ({}))) as { endSession?: unknown };
  return typeof body.endSession === 'string' ? body.endSession : null;
}

/** What the sign-in page may offer besides the form (the portal's public /auth/config). */
export interface SignInOptions {
  oidc: { label: string; start: string } | null;
}

export async function readSignInOptions(): Promise<SignInOptions> {
  const res = await fetch('/auth/config', { credentials: 'same-origin' }).catch(() => null);
  return res?.ok ? ((await res.json()) as SignInOptions) : { oidc: null };
}
