import { problemText } from './client.js';

/** A new command id (the API's idempotency key): a retry of the same action reuses it. */
export const newCommandId = () => crypto.randomUUID();

/** An openapi-fetch answer turned into null (done) or the refusal's Vietnamese text. */
export function outcome(result: { error?: unknown; response: Response }): string | null {
  return result.response.ok ? null : problemText(result.error);
}
