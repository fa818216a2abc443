import { randomUUID } from 'node:crypto';
import { pdf } from '@ntm/evidence-api/test-files';
import { departmentUser } from './session.js';
import type { PortalStack } from './stack.js';

type Call = (method: string, path: string, body?: unknown) => Promise<{ status: number; body: Record<string, unknown> }>;

/**
 * The dossier API as a signed-in user, for preparing what a browser test starts from (the steps a
 * test is about go through the portal's pages).
 */
export async function apiAs(stack: PortalStack, username: string): Promise<Call & { upload: (dossierId: string) => Promise<string> }> {
  const login = await fetch(`${stack.dossierApiUrl}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: stack.password }) });
  if (login.status !== 200) throw new Error(`${username} cannot sign in: ${login.status}`);
  const { accessToken } = (await login.json()) as { accessToken: string };
  const authorization = `Bearer ${accessToken}`;
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${stack.dossierApiUrl}${path}`, { method, headers: { authorization, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, body: body === undefined ? undefined : JSON.stringify(body) });
    const answer = { status: res.status, body: (await res.json()) as Record<string, unknown> };
    if (res.status >= 400) throw new Error(`${method} ${path} as ${username}: ${res.status} ${JSON.stringify(answer.body)}`);
    return answer;
  };
  const upload = async (dossierId: string) => {
    const form = new FormData();
    form.append('file', new Blob([pdf(`minh chứng ${randomUUID()}`)], { type: 'application/pdf' }), 'minh-chung.pdf');
    const res = await fetch(`${stack.evidenceApiUrl}/dossiers/${dossierId}/evidence`, { method: 'POST', headers: { authorization }, body: form });
    if (res.status !== 201) throw new Error(`evidence not stored: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { id: string }).id;
  };
  return Object.assign(call, { upload });
}

/** Opens the commune's 2025 dossier and carries it, as its officer, to submission (every criterion met). */
export async function submittedThroughApi(stack: PortalStack, username: string, unitCode: string): Promise<{ id: string; trackingCode: string }> {
  const call = await apiAs(stack, username);
  const id = randomUUID();
  await call('POST', '/dossiers', { commandId: id, unitCode, trackCode: 'COMMUNE_NTM', year: 2025 });
  const view = (await call('GET', `/dossiers/${id}`)).body as { trackingCode: string; criteria: Array<{ code: string }>; documents: Array<{ code: string }> };
  for (const c of view.criteria) await call('PUT', `/dossiers/${id}/criteria/${c.code}/self-assessment`, { commandId: randomUUID(), met: true, explanation: 'Đạt theo báo cáo của xã.' });
  for (const d of view.documents) await call('PUT', `/dossiers/${id}/documents/${d.code}`, { commandId: randomUUID(), evidenceId: await call.upload(id) });
  await call('PUT', `/dossiers/${id}/posting`, { commandId: randomUUID(), startDate: '2024-01-02' });
  await call('PUT', `/dossiers/${id}/satisfaction`, { commandId: randomUUID(), percent: 95.5 });
  for (const kind of ['no_construction_debt', 'no_complex_security_situation']) await call('PUT', `/dossiers/${id}/attestations/${kind}`, { commandId: randomUUID(), attested: true, explanation: 'Đã xác nhận.' });
  await call('POST', `/dossiers/${id}/submit`, { commandId: randomUUID() });
  return { id, trackingCode: view.trackingCode };
}

/** Every open appraisal task of the dossier recorded "met" by its department, then confirmed by the district: the dossier waits for the province's decision. */
export async function awaitingDecisionThroughApi(stack: PortalStack, dossierId: string, districtUser: string): Promise<void> {
  const tasks = await stack.db.appraisalTask.findMany({ where: { dossierId, closedAt: null } });
  for (const t of tasks) {
    const call = await apiAs(stack, departmentUser(t.departmentCode));
    for (const c of t.criterionCodes) await call('PUT', `/dossiers/${dossierId}/criteria/${c}/appraisal`, { commandId: randomUUID(), departmentCode: t.departmentCode, verdict: 'met', reason: null });
  }
  const district = await apiAs(stack, districtUser);
  await district('POST', `/dossiers/${dossierId}/district-confirmation`, { commandId: randomUUID(), decision: 'confirm', reasons: null });
}
