import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { Call, DossierHarness } from '../dossiers/test-harness.js';

type Body = Record<string, unknown>;

/** Answers the body of a request that must succeed. */
export async function ok(call: Call, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object): Promise<Body> {
  const res = await call(method, url, payload);
  if (res.status !== 200 && res.status !== 201 && res.status !== 202) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Runs a missed year's campaign of a province and track and answers each unit's re-check id once its workflow has opened it. */
export async function openCampaign(h: DossierHarness, province: string, track: string, year: number): Promise<Map<string, string>> {
  await ok(h.call, 'POST', `/provinces/${province}/campaigns`, { trackCode: track, year });
  for (let i = 0; i < 150; i++) {
    const view = await ok(h.call, 'GET', `/provinces/${province}/campaigns/${year}?track=${track}&pageSize=500`);
    const items = view.items as Array<{ recheckId: string; unitCode: string; stage: string }>;
    if (items.length > 0 && items.every((r) => r.stage !== 'pending')) {
      const opened = await Promise.all(items.map(async (r) => (await h.call('GET', `/rechecks/${r.recheckId}`)).status === 200));
      if (opened.every(Boolean)) return new Map(items.map((r) => [r.unitCode, r.recheckId]));
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the ${year} campaign of ${province}/${track} started no re-check`);
}

/**
 * Re-appraises every criterion of the re-check's open tasks, found as each department finds its
 * own (its list of open re-appraisal tasks): `unmet` criteria not met (with a reason), the rest met.
 */
export async function reappraise(call: Call, recheckId: string, unmet: ReadonlySet<string>): Promise<Body> {
  const view = await ok(call, 'GET', `/rechecks/${recheckId}`);
  const departments = [...new Set((view.tasks as Array<{ departmentCode: string }>).map((t) => t.departmentCode))];
  const tasks: Array<{ departmentCode: string; criterionCodes: string[] }> = [];
  for (const department of departments) {
    const list = await ok(call, 'GET', `/recheck-appraisal-tasks?department=${department}&province=${String(view.provinceCode)}&pageSize=200`);
    tasks.push(...(list.items as Array<{ recheckId: string; departmentCode: string; criterionCodes: string[] }>).filter((t) => t.recheckId === recheckId));
  }
  for (const t of tasks) {
    for (const c of t.criterionCodes) {
      const verdict = unmet.has(c) ? { verdict: 'not_met', reason: 'Chưa đạt khi thẩm định lại.' } : { verdict: 'met', reason: null };
      await ok(call, 'PUT', `/rechecks/${recheckId}/criteria/${c}/appraisal`, { commandId: randomUUID(), departmentCode: t.departmentCode, ...verdict });
    }
  }
  return ok(call, 'GET', `/rechecks/${recheckId}`);
}

export function expectOutcome(view: Body, stage: string, outcome: string | null): void {
  expect({ stage: view.stage, outcome: view.outcome }).toEqual({ stage, outcome });
}
