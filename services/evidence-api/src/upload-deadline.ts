import type { IncomingMessage } from 'node:http';
import { HttpProblem } from '@ntm/http';

export interface UploadTimeouts {
  /** No data for this long ends the upload. */
  idleMs: number;
  /** The whole body must have arrived within this. */
  totalMs: number;
}

const seconds = (ms: number) => `${Math.round(ms / 100) / 10}`;

/**
 * Bounds the time an upload's body may take: `receive` runs until the body has been read, and is
 * abandoned with a 408 problem when the client sends nothing for `idleMs` or takes longer than
 * `totalMs` overall. Its signal tells the work to stop and clean up.
 */
export async function withinUploadDeadline<T>(timeouts: UploadTimeouts, receive: (deadline: { signal: AbortSignal; watch: (body: IncomingMessage) => void }) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const expire = (detail: string) => controller.abort(new HttpProblem('requestTimeout', `${detail} Tệp chưa được lưu; vui lòng tải lên lại.`));
  let idle: NodeJS.Timeout | undefined;
  const resetIdle = () => {
    clearTimeout(idle);
    idle = setTimeout(() => expire(`Không nhận được dữ liệu nào trong ${seconds(timeouts.idleMs)} giây.`), timeouts.idleMs);
  };
  const total = setTimeout(() => expire(`Tệp chưa gửi xong sau ${seconds(timeouts.totalMs)} giây.`), timeouts.totalMs);
  let watched: IncomingMessage | undefined;
  // Called once the body is being read (piped): a 'data' listener added earlier would start the flow and lose data.
  const watch = (body: IncomingMessage) => {
    watched = body;
    body.on('data', resetIdle);
    resetIdle();
  };
  const expired = new Promise<never>((_, reject) => controller.signal.addEventListener('abort', () => reject(controller.signal.reason as Error), { once: true }));
  try {
    return await Promise.race([receive({ signal: controller.signal, watch }), expired]);
  } finally {
    clearTimeout(idle);
    clearTimeout(total);
    watched?.off('data', resetIdle);
  }
}
