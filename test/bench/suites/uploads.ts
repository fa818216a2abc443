// Uploads: a file through the evidence API (multipart, streamed to MinIO) against the same bytes PUT
// straight into MinIO, in turn, at 1, 20 and 200 MiB; and the evidence API's memory during 200 MiB.
import { request } from 'node:http';
import { createStorage } from '@ntm/storage';
import { cpuLine, cpuTotal, measuredCpu } from '../lib/cpu.js';
import type { Figure } from '../lib/figures.js';
import { largestRss, type BenchStack, type StackPart } from '../lib/stack.js';

/** The parts an upload passes through, whose CPU time per file the suite reports (the direct PUT's too). */
const parts: StackPart[] = ['evidence-api', 'minio', 'postgres'];

const MiB = 1024 * 1024;

/** A PDF of `size` bytes as the content check wants it: the %PDF- header and the %%EOF trailer. */
function pdfOfSize(size: number): Buffer {
  const head = Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj << /Type /Catalog >> endobj\n');
  const tail = Buffer.from('\ntrailer << /Root 1 0 R >>\n%%EOF\n');
  const body = Buffer.alloc(size - head.length - tail.length, '% thử tải\n');
  return Buffer.concat([head, body, tail]);
}

/**
 * POSTs `file` as a multipart form (one file in the field "file") from memory, over node:http as the
 * storage client sends its PUTs: the form's framing is written around the file, not copied with it.
 * (fetch with a FormData spent about four times the CPU of the whole direct PUT's client on the same
 * bytes, on the cores the API and MinIO share, which made the API look slower than it is.)
 */
export function postFile(url: string, authorization: string, file: Buffer, fileName: string): Promise<{ status: number; body: string }> {
  const boundary = `ntm-bench-${crypto.randomUUID()}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/pdf\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { authorization, 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': head.length + file.length + tail.length } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.write(head);
    req.write(file);
    req.end(tail);
  });
}

export async function uploadsSuite(stack: BenchStack, opts: { runs: number; log: (line: string) => void }): Promise<Figure[]> {
  const [unit] = await stack.newUnits(1);
  const dossier = await stack.openDossier(unit ?? '');
  const storage = createStorage(stack.config.s3);
  const figures: Figure[] = [];
  for (const sizeMiB of [1, 20, 200]) {
    const file = pdfOfSize(sizeMiB * MiB);
    const viaApi = async () => {
      const started = performance.now();
      const res = await postFile(`${stack.evidenceBase}/dossiers/${dossier.id}/evidence`, stack.authorization, file, 'minh-chứng.pdf');
      if (res.status !== 201) throw new Error(`upload ${sizeMiB} MiB: ${res.status} ${res.body}`);
      return sizeMiB / ((performance.now() - started) / 1000);
    };
    // The same client, made by the same createStorage as the API's, given the file as a Buffer: its
    // putObject (one PUT up to 64 MiB, above that 64 MiB parts one after another, each hashed first).
    // Its objects are removed after the run's timing, not between the PUTs it times.
    const written: string[] = [];
    const direct = async () => {
      const key = `bench/${crypto.randomUUID()}`;
      written.push(key);
      const started = performance.now();
      await storage.client.putObject(storage.bucket, key, file, file.length, { 'Content-Type': 'application/pdf' });
      return sizeMiB / ((performance.now() - started) / 1000);
    };
    const removeWritten = async () => {
      for (const key of written.splice(0)) await storage.purge(key);
    };
    // Small files: several in a row make one run, so a run is not one round trip's noise.
    const repeat = sizeMiB === 1 ? 10 : 1;
    // With the CPU time each part and the load generator spent per file, so a run says what an upload
    // costs the machine as well as how fast it went.
    const timed = (one: () => Promise<number>) =>
      measuredCpu(
        stack,
        parts,
        async () => {
          const started = performance.now();
          for (let i = 0; i < repeat; i++) await one();
          return { rate: (sizeMiB * repeat) / ((performance.now() - started) / 1000) };
        },
        () => repeat,
      );
    // Memory is measured from before the first upload of this size (the warm-up's included): a
    // process keeps what it grew to, so growth from before a later run would hide it.
    const pids = stack.processesOf('evidence-api');
    const baseline = largestRss(pids);
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, largestRss(pids))), 20);
    await viaApi();
    await direct(); // warm-up
    await removeWritten();
    const api: number[] = [];
    const s3: number[] = [];
    const apiCpu: number[] = [];
    const s3Cpu: number[] = [];
    const growth: number[] = [(peak - baseline) / MiB];
    for (let i = 0; i < opts.runs; i++) {
      const throughApi = await timed(viaApi);
      api.push(throughApi.rate);
      apiCpu.push(cpuTotal(throughApi.cpuMsPerItem));
      growth.push((peak - baseline) / MiB);
      const straight = await timed(direct);
      await removeWritten();
      s3.push(straight.rate);
      s3Cpu.push(cpuTotal(straight.cpuMsPerItem));
      opts.log(`${sizeMiB} MiB: API ${throughApi.rate.toFixed(1)} MiB/s, MinIO ${straight.rate.toFixed(1)} MiB/s, evidence API RSS +${growth.at(-1)?.toFixed(0)} MB`);
      opts.log(`${sizeMiB} MiB CPU ms per file: through the API ${cpuLine(throughApi.cpuMsPerItem)}; direct PUT ${cpuLine(straight.cpuMsPerItem)}`);
    }
    clearInterval(sampler);
    const note = `${opts.runs} runs, API and direct PUT in turn${repeat > 1 ? `, ${repeat} files a run` : ''}`;
    figures.push({ suite: 'uploads', name: `${sizeMiB} MiB through the evidence API`, unit: 'MiB/s', runs: api, note });
    figures.push({ suite: 'uploads', name: `${sizeMiB} MiB PUT straight to MinIO`, unit: 'MiB/s', runs: s3, note });
    figures.push({ suite: 'uploads', name: `${sizeMiB} MiB API / MinIO`, unit: 'ratio', runs: api.map((a, i) => a / (s3[i] ?? NaN)), goal: { op: '>=', value: 0.8 }, note: 'pair by pair' });
    const cpuNote = `CPU time of ${parts.join(', ')} and the load generator per file`;
    figures.push({ suite: 'uploads', name: `${sizeMiB} MiB CPU per file through the API, all parts`, unit: 'ms', runs: apiCpu, note: cpuNote });
    figures.push({ suite: 'uploads', name: `${sizeMiB} MiB CPU per file, direct PUT, all parts`, unit: 'ms', runs: s3Cpu, note: cpuNote });
    if (sizeMiB === 200) figures.push({ suite: 'uploads', name: 'evidence API RSS growth during 200 MiB', unit: 'MB', runs: growth, goal: { op: '<=', value: 64 }, note: 'peak so far minus the RSS before the first 200 MiB upload, after the warm-up and each run; sampled every 20 ms' });
  }
  return figures;
}
