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

export async function endSession(): Promise<void> {
  await fetch('/auth/logout', { method: 'POST', credentials: 'same-origin' });
}
