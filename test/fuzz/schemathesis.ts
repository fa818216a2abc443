import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * What every response must satisfy: no 5xx, a documented status, the documented content type and
 * body schema, documented headers, 405 with Allow for a method the path does not take, 401 when
 * the token is left out, and a created resource readable and deletable as documented.
 * Left out: negative_data_rejection and positive_data_acceptance, which judge whether a request
 * should have been refused by the schema alone; our services also refuse schema-valid requests by
 * business rules (a reason required when a criterion is not met, evidence of another dossier: 400
 * and 422, documented) and trim free text before checking it.
 */
export const fuzzChecks = [
  'not_a_server_error',
  'status_code_conformance',
  'content_type_conformance',
  'response_schema_conformance',
  'response_headers_conformance',
  'unsupported_method',
  'allow_header_conformance',
  'ignored_auth',
  'missing_required_header',
  'use_after_free',
  'ensure_resource_availability',
] as const;

export interface FuzzFailure {
  code: string;
  title: string;
  count: number;
  operations: string[];
}

export interface FuzzResult {
  service: string;
  exitCode: number;
  seconds: number;
  testCases: number;
  /** Operations in the document, and those Schemathesis sent at least one test case to. */
  operations: { selected: number; tested: number };
  failures: FuzzFailure[];
  /** Requests that got no answer in time or broke the connection. */
  errors: unknown[];
  seed: string;
  /** Schemathesis's own output, with a curl line to reproduce each failure. */
  outputFile: string;
}

const pdfMediaTypeHook = [
  'import schemathesis',
  'from hypothesis import strategies as st',
  'schemathesis.openapi.media_type("application/pdf", st.sampled_from([b"%PDF-1.7\\n1 0 obj<<>>endobj\\ntrailer<<>>\\n%%EOF\\n", b"not a pdf"]))',
  '',
].join('\n');

/**
 * One bounded Schemathesis run against a service's served OpenAPI document, signed in with the
 * given bearer token. One worker: the machine is shared, and on Python 3.11 more workers crash
 * with a recursion error.
 */
export async function runSchemathesis(bin: string, options: { service: string; baseUrl: string; token: string; seconds: number }): Promise<FuzzResult> {
  const dir = mkdtempSync(join(tmpdir(), `ntm-schemathesis-${options.service}-`));
  // Schemathesis cannot make a PDF body on its own: give it a real one and a false one to send.
  writeFileSync(join(dir, 'ntm_fuzz_hooks.py'), pdfMediaTypeHook);
  const args = [
    '--no-color',
    'run',
    `${options.baseUrl}/docs/json`,
    '--header',
    `Authorization: Bearer ${options.token}`,
    '--workers',
    '1',
    '--max-time',
    String(Math.max(1, Math.round(options.seconds))),
    '--checks',
    fuzzChecks.join(','),
    // A request with no answer in 30 s is a hang: reported as an error, which fails the run.
    '--request-timeout',
    '30',
    '--generation-database',
    ':memory:',
    '--report',
    'json',
    '--report-dir',
    dir,
  ];
  const { code, output } = await new Promise<{ code: number; output: string }>((resolve, reject) => {
    const child = spawn(bin, args, { cwd: dir, env: { ...process.env, PYTHONUNBUFFERED: '1', PYTHONPATH: dir, SCHEMATHESIS_HOOKS: 'ntm_fuzz_hooks' }, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.stderr.on('data', (c: Buffer) => chunks.push(c));
    child.once('error', reject);
    child.once('close', (status) => resolve({ code: status ?? 1, output: Buffer.concat(chunks).toString('utf8') }));
  });
  const outputFile = join(dir, 'output.txt');
  writeFileSync(outputFile, output);
  const reportFile = readdirSync(dir).find((f) => f.startsWith('json-') && f.endsWith('.json'));
  if (!reportFile) throw new Error(`schemathesis (exit ${code}) wrote no report for ${options.service}:\n${output.slice(-4000)}`);
  const report = JSON.parse(readFileSync(join(dir, reportFile), 'utf8')) as {
    exit_code: number;
    running_time: number;
    seed: string | number;
    test_cases: { generated: number };
    operations: { selected: number; tested: number };
    failures: FuzzFailure[];
    errors: unknown[];
  };
  return {
    service: options.service,
    exitCode: code,
    seconds: report.running_time,
    testCases: report.test_cases.generated,
    operations: { selected: report.operations.selected, tested: report.operations.tested },
    failures: report.failures,
    errors: report.errors,
    // The report's seed is a 128-bit number, which JSON.parse rounds; the output prints it whole.
    seed: /Seed: (\d+)/.exec(output)?.[1] ?? String(report.seed),
    outputFile,
  };
}

/** A few lines per service: test cases, time, and each kind of failure with the operations it hit. */
export function summarize(results: FuzzResult[]): string {
  return results
    .map((r) => {
      const head = `${r.service}: ${r.testCases} test cases on ${r.operations.tested}/${r.operations.selected} operations in ${r.seconds.toFixed(0)} s, ${r.failures.length === 0 && r.errors.length === 0 ? 'no failures' : `${r.failures.reduce((n, f) => n + f.count, 0)} failures, ${r.errors.length} errors`} (seed ${r.seed}; output ${r.outputFile})`;
      const lines = r.failures.map((f) => `  ${f.code} ${f.title} (${f.count}): ${f.operations.join(', ')}`);
      const errors = r.errors.map((e) => `  error: ${JSON.stringify(e).slice(0, 300)}`);
      return [head, ...lines, ...errors].join('\n');
    })
    .join('\n');
}
