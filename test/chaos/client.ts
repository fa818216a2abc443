import { setTimeout as sleep } from 'node:timers/promises';

export interface Answer {
  status: number;
  body: Record<string, unknown>;
  contentType: string;
}

/** What callers saw during a fault: answers that told them to retry, and everything worse. */
export interface CallStats {
  /** 503 problem+json answers of type unavailable: the caller was told to retry. */
  unavailable: number;
  /** Requests that got no answer (connection refused or reset: the service itself was down). */
  noAnswer: number;
  /** Any other 5xx, or a 503 that is not the unavailable problem: what must never happen. */
  serverErrors: string[];
}

export const newStats = (): CallStats => ({ unavailable: 0, noAnswer: 0, serverErrors: [] });

export function isUnavailableProblem(a: Answer): boolean {
  return a.status === 503 && a.contentType.startsWith('application/problem+json') && a.body.type === 'urn:ntm:problem:unavailable';
}

/** One request; a network failure answers undefined. */
export async function request(url: string, init: RequestInit & { timeoutMs?: number }): Promise<Answer | undefined> {
  try {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(init.timeoutMs ?? 60_000) });
    const contentType = res.headers.get('content-type') ?? '';
    const text = await res.text();
    let body: Record<string, unknown> = {};
    if (contentType.includes('json') && text !== '') body = JSON.parse(text) as Record<string, unknown>;
    return { status: res.status, body, contentType };
  } catch {
    return undefined;
  }
}

/**
 * Sends a request until it gets an answer that is not "retry later", as a person's client would:
 * the same body (so the same command id) each time, every 503 and every missing answer counted.
 * Any other answer is returned, a 5xx among them recorded as a server error.
 */
export async function sendUntilAnswered(
  stats: CallStats,
  what: string,
  send: () => Promise<Answer | undefined>,
  opts: { deadlineMs?: number; pauseMs?: number } = {},
): Promise<Answer> {
  const deadline = Date.now() + (opts.deadlineMs ?? 180_000);
  for (;;) {
    const a = await send();
    if (a === undefined) stats.noAnswer += 1;
    else if (isUnavailableProblem(a)) stats.unavailable += 1;
    else if (a.status >= 500) stats.serverErrors.push(`${what}: ${a.status} ${JSON.stringify(a.body).slice(0, 300)}`);
    else return a;
    if (Date.now() > deadline) throw new Error(`${what}: no answer but "retry" for ${Math.round((opts.deadlineMs ?? 180_000) / 1000)} s`);
    await sleep(opts.pauseMs ?? 500);
  }
}
