import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { multipart, pdf } from '@ntm/evidence-api/test-files';
import type { Answer } from './client.js';
import type { Driver } from './dossiers.js';

/**
 * An upload of a PDF of about `bytes` sent slowly (in 64 KiB pieces over `durationMs`), so a
 * fault can strike while it is under way. `sent` says how much of the body has gone out.
 */
export function slowUpload(d: Driver, dossierId: string, opts: { bytes: number; durationMs: number }) {
  const { payload, headers } = multipart('biên-bản-lớn.pdf', pdf(`${randomUUID()} ${'x'.repeat(opts.bytes)}`));
  const piece = 64 * 1024;
  const pieces = Math.ceil(payload.length / piece);
  const progress = { sent: 0, total: payload.length };
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (progress.sent >= payload.length) {
        controller.close();
        return;
      }
      await sleep(opts.durationMs / pieces);
      const next = payload.subarray(progress.sent, progress.sent + piece);
      progress.sent += next.length;
      controller.enqueue(next);
    },
  });
  const answer = (async (): Promise<Answer | undefined> => {
    try {
      const res = await fetch(`${d.evidenceApi}/dossiers/${dossierId}/evidence`, {
        method: 'POST',
        headers: { ...headers, authorization: d.authorization, 'content-length': String(payload.length) },
        body,
        duplex: 'half',
        signal: AbortSignal.timeout(120_000),
      });
      const contentType = res.headers.get('content-type') ?? '';
      const text = await res.text();
      return { status: res.status, contentType, body: contentType.includes('json') && text ? (JSON.parse(text) as Record<string, unknown>) : {} };
    } catch {
      return undefined;
    }
  })();
  return { progress, answer };
}

/** Waits until the given share of the upload's body has been sent (or it ended). */
export async function whenSent(progress: { sent: number; total: number }, share: number, done: Promise<unknown>): Promise<void> {
  let finished = false;
  void done.finally(() => (finished = true));
  while (!finished && progress.sent < progress.total * share) await sleep(20);
}
