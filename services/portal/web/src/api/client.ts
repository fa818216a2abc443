import createClient, { type Middleware } from 'openapi-fetch';
import type { paths as DossierPaths } from './generated/dossier-api.js';
import type { paths as EvidencePaths } from './generated/evidence-api.js';

/** What an API answers when it refuses: application/problem+json, in Vietnamese. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: Array<{ location: string; message: string }>;
}

const listeners = new Set<() => void>();
/** Called when the session is gone (an answer 401): the application shows the sign-in page. */
export function onSessionLost(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const sessionWatch: Middleware = {
  onResponse({ response }) {
    if (response.status === 401) for (const l of listeners) l();
    return undefined;
  },
};

// Same origin: the portal forwards /api/<service>/... with the session's token.
export const dossierApi = createClient<DossierPaths>({ baseUrl: '/api/dossier', credentials: 'same-origin' });
export const evidenceApi = createClient<EvidencePaths>({ baseUrl: '/api/evidence', credentials: 'same-origin' });
dossierApi.use(sessionWatch);
evidenceApi.use(sessionWatch);

/** The sentence to show for a refusal: the detail, else the title, else a general one. */
export function problemText(problem: unknown): string {
  const p = (problem ?? {}) as Problem;
  return p.detail ?? p.title ?? 'Đã có lỗi. Vui lòng thử lại.';
}
