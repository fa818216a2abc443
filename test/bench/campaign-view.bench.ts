// The campaign view's latency on a province's year of N re-checks (default 5,000) in every state:
// re-assessing, at appraisal with open and done tasks of three departments (some overdue), at risk
// with unmet criteria, proposed for revocation and closed; 19 criteria each. The rows are written
// straight into a scratch database (no workflow runs), then the view is asked 40 times each with no
// filter, by department, by criterion and both (after five to warm up), and p50/p95 printed. Against the test stack.
// Usage: pnpm bench:campaign-view [rechecks]
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '@ntm/config';
import { seedCatalogDir } from '@ntm/db/seed';
import { toStoredDate } from '@ntm/domain';
import { startDossierHarness } from '@ntm/dossier-api/test-harness';
import { stackEnvDefaults, startStack } from '@ntm/infra/stack';
import { DefaultLogger, Runtime } from '@temporalio/worker';

Runtime.install({ logger: new DefaultLogger('WARN') });

const count = Number(process.argv[2] ?? 5000);
const config = loadConfig({ ...process.env, NTM_PROFILE: 'test', ...stackEnvDefaults });
await startStack(config, { apps: false, report: () => undefined });

const seed = (name: string) => JSON.parse(readFileSync(join(seedCatalogDir, name), 'utf8')) as unknown;
const units = Array.from({ length: count }, (_, i) => ({ code: `110-CV${String(i + 1).padStart(5, '0')}`, name: `Xã rà soát ${i + 1}`, level: 'commune', parentCode: '110', validFrom: '2015-01-01' }));
const province = (seed('lai-chau.json') as { province: unknown }).province;
const h = await startDossierHarness(config, [seed('national.json'), seed('lai-chau.json'), { format: 'ntm-catalog/1', province, units }]);
const authorization = await h.authorizationOf(h.stepUser);
const { db } = h;

const year = 2026;
const campaignId = `12/COMMUNE_NTM/${year}`;
const dates = { opensOn: '2026-05-01', selfAssessmentDue: '2026-06-05', appraisalDue: '2026-06-20', reportDue: '2026-06-25' };
const criteria = (await db.criterion.findMany({ where: { criteriaSetCode: 'XA-NTM-2021-2025' }, orderBy: { number: 'asc' }, select: { code: true } })).map((c) => c.code);
const departments = (await db.department.findMany({ where: { provinceCode: '12', level: 'province' }, orderBy: { code: 'asc' }, select: { code: true } })).map((d) => d.code).slice(0, 6);
if (criteria.length !== 19 || departments.length < 3) throw new Error(`unexpected seed catalog: ${criteria.length} criteria, ${departments.length} departments`);

let t = performance.now();
await db.recheckCampaign.create({ data: { id: campaignId, provinceCode: '12', trackCode: 'COMMUNE_NTM', year, asOf: toStoredDate(dates.opensOn), dates, unitCount: count } });
const states = [
  { stage: 'self_assessment', outcome: null },
  { stage: 'appraisal', outcome: null },
  { stage: 'appraisal', outcome: null },
  { stage: 'closed', outcome: 'maintained' },
  { stage: 'remediation', outcome: 'at_risk' },
  { stage: 'revocation_proposed', outcome: 'revocation_proposed' },
] as const;
const rechecks = units.map((u, i) => ({ id: randomUUID(), unitCode: u.code, state: states[i % states.length] ?? states[0] }));
for (let i = 0; i < rechecks.length; i += 1000) {
  const chunk = rechecks.slice(i, i + 1000);
  await db.recheck.createMany({ data: chunk.map((r) => ({ id: r.id, campaignId, unitCode: r.unitCode, provinceCode: '12', districtCode: '110', trackCode: 'COMMUNE_NTM', year, recognitionId: randomUUID(), stage: r.state.stage, outcome: r.state.outcome })) });
  await db.recheckCriterion.createMany({
    data: chunk.flatMap((r, k) =>
      criteria.map((code, c) => {
        const unmet = r.state.outcome === 'at_risk' || r.state.outcome === 'revocation_proposed' ? c < 3 + (k % 4) : false;
        return { recheckId: r.id, criterionCode: code, met: !(r.state.stage === 'self_assessment' && c === k % 19), change: 'unchanged', result: r.state.stage === 'self_assessment' ? null : unmet ? 'not_met' : 'met' };
      }),
    ),
  });
  await db.recheckAppraisalTask.createMany({
    data: chunk.flatMap((r, k) =>
      r.state.stage === 'self_assessment'
        ? []
        : [0, 1, 2].map((d) => ({
            recheckId: r.id,
            round: 1,
            departmentCode: departments[(k + d) % departments.length] ?? '',
            criterionCodes: criteria.slice(d * 6, d * 6 + 6),
            dueDate: toStoredDate(k % 3 === 0 ? '2026-06-20' : '2026-07-23'),
            closedAt: r.state.stage === 'appraisal' && d !== k % 3 ? null : new Date(),
          })),
    ),
  });
}
const seedMs = performance.now() - t;

const measure = async (query: string) => {
  const latencies: number[] = [];
  let body: { total: number; overdueDepartments: unknown[] } = { total: 0, overdueDepartments: [] };
  for (let i = 0; i < 45; i++) {
    const s = performance.now();
    const res = await h.app.inject({ method: 'GET', url: `/provinces/12/campaigns/${year}?pageSize=100${query}`, headers: { authorization } });
    if (res.statusCode !== 200) throw new Error(`campaign view ${query}: ${res.statusCode} ${res.body.slice(0, 300)}`);
    if (i >= 5) latencies.push(performance.now() - s); // the first five warm the query plans up
    body = res.json();
  }
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => (latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0).toFixed(0);
  console.log(`  ${(query || 'no filter').padEnd(40)} p50 ${pct(50)} ms, p95 ${pct(95)} ms (${body.total} selected, ${body.overdueDepartments.length} overdue departments)`);
};

console.log(`${count} re-checks with ${count * 19} criteria and their tasks written in ${(seedMs / 1000).toFixed(1)} s; the campaign view (page of 100), 40 requests each:`);
h.openOn('2026-08-01');
t = performance.now();
for (const q of ['', `&department=${departments[0] ?? ''}`, `&criterion=${criteria[1] ?? ''}`, `&department=${departments[1] ?? ''}&criterion=${criteria[0] ?? ''}&bucket=overdue`]) await measure(q);
await h.close();
