import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const fixture = fileURLToPath(new URL('./logger.fixture.ts', import.meta.url));
const lines = (out: string) => out.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as { msg: string; n?: number });

describe('serviceLogger', () => {
  it.each(['exit', 'throw'])('writes every line it was given before the process ends (%s)', (ending) => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', fixture, ending], { encoding: 'utf8', timeout: 30_000 });
    expect(lines(run.stdout).filter((l) => l.msg === 'line').map((l) => l.n)).toEqual(Array.from({ length: 5000 }, (_, i) => i));
    expect(run.status).toBe(ending === 'exit' ? 0 : 1);
  });

  it('writes a lone line while the process runs on, without waiting for 4 KB of them', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', fixture, 'wait']);
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    try {
      const started = Date.now();
      while (!out.includes('"msg":"line"') && Date.now() - started < 20_000) await new Promise((r) => setTimeout(r, 50));
      expect(lines(out).filter((l) => l.msg === 'line')).toEqual([expect.objectContaining({ n: 0 })]);
      // Written by the periodic flush: the process would only end after 15 s.
      expect(Date.now() - started).toBeLessThan(12_000);
      expect(child.exitCode).toBeNull();
    } finally {
      child.kill();
    }
  });
});
