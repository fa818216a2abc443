import type { Db } from '@ntm/db';
import { request, type Answer } from './client.js';
import type { Driver } from './dossiers.js';

/** A request that reaches as far into a service as a valid one can, for a dependency outage. */
export interface Probe {
  what: string;
  send: () => Promise<Answer | undefined>;
}

type Spec = { paths: Record<string, Record<string, unknown>> };

/**
 * Every read operation the two services document, with real ids filled in (so it gets past "not
 * found" to the code that reads), and a login with the right password: what a person may ask
 * while PostgreSQL or Temporal is away. Built while everything is up.
 */
export async function readProbes(d: Driver, db: Db): Promise<Probe[]> {
  const dossier = await db.dossier.findFirstOrThrow({ where: { provinceCode: 'P1', decision: { isNot: null } }, orderBy: { createdAt: 'desc' }, include: { decision: true } });
  const evidence = await db.evidence.findFirstOrThrow({ where: { dossierId: dossier.id } });
  const values: Record<string, string> = {
    id: dossier.id,
    dossierId: dossier.id,
    code: 'P1',
    trackingCode: dossier.trackingCode,
    username: 'chaos-driver',
  };
  const probes: Probe[] = [];
  for (const base of [d.dossierApi, d.evidenceApi]) {
    const spec = (await (await fetch(`${base}/docs/json`)).json()) as Spec;
    for (const [path, methods] of Object.entries(spec.paths)) {
      if (!('get' in methods) || path === '/health') continue;
      let url = path.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? 'P1');
      if (path.startsWith('/evidence/')) url = url.replace(dossier.id, evidence.id);
      if (path === '/public/decisions/{id}') url = url.replace(dossier.id, dossier.decision?.id ?? dossier.id);
      if (path.startsWith('/catalog/tracks/')) url = url.replace('/P1', '/T-NTM');
      if (path.startsWith('/catalog/units/')) url = url.replace('/P1', '/P1-D1');
      if (path === '/dossiers') url += '?unit=P1-D1';
      probes.push({ what: `GET ${base.endsWith(String(d.config.evidenceApi.port)) ? 'evidence-api' : 'dossier-api'} ${path}`, send: () => request(base + url, { headers: { authorization: d.authorization }, timeoutMs: 30_000 }) });
    }
    probes.push({
      what: `POST ${base} /auth/login`,
      send: () =>
        request(`${base}/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'xa.phamu', password: d.config.auth.localIssuer?.seedPassword ?? '' }),
          timeoutMs: 30_000,
        }),
    });
  }
  return probes;
}

/**
 * Sends every probe once: each must answer in bounded time with something other than a 5xx, or
 * with the 503 problem. Answers the failures and how many were 503s.
 */
export async function sendProbes(probes: Probe[], limitMs: number): Promise<{ failures: string[]; unavailable: number }> {
  const failures: string[] = [];
  let unavailable = 0;
  await Promise.all(
    probes.map(async (p) => {
      const started = performance.now();
      const a = await p.send();
      const ms = Math.round(performance.now() - started);
      if (a === undefined) failures.push(`${p.what}: no answer`);
      else if (a.status === 503 && a.contentType.startsWith('application/problem+json') && a.body.type === 'urn:ntm:problem:unavailable') unavailable += 1;
      else if (a.status >= 500) failures.push(`${p.what}: ${a.status} ${JSON.stringify(a.body).slice(0, 200)}`);
      if (ms > limitMs) failures.push(`${p.what}: answered after ${ms} ms`);
    }),
  );
  return { failures, unavailable };
}
