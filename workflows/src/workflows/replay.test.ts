import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils.js';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { workflowsPath } from '../worker.js';

// Recorded histories of real dossiers (test/scripts/record-dossier-history.ts, record-village-history.ts)
// and re-checks (record-recheck-history.ts), replayed against today's workflow code: a change that
// would break a running dossier or re-check fails here. Guard such a change with patched(), then
// record a new history beside the old ones.
Runtime.install({ logger: new DefaultLogger('WARN') });

const dirs = ['dossier', 'recheck'].map((workflow) => join(import.meta.dirname, workflow, 'histories'));
const histories = dirs.flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => join(dir, f)));
const load = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as { events: Array<Record<string, unknown>> };

describe('dossier and re-check workflow replay', () => {
  it('has recorded histories to replay', () => {
    expect(histories.map((path) => basename(path))).toEqual(expect.arrayContaining(['dossier-all-stages.json', 'recheck-at-risk-remediated.json', 'recheck-revoked.json']));
  });

  it.each(histories.map((path) => [basename(path), path]))('replays %s against the current code', async (name, path) => {
    await expect(Worker.runReplayHistory({ workflowsPath, replayName: name }, historyFromJSON(load(path)))).resolves.toBeUndefined();
  }, 60_000);

  it('fails when the code would schedule different work than the history recorded', async () => {
    const [file] = histories;
    const history = load(file ?? '');
    const scheduled = history.events.find((e) => e.activityTaskScheduledEventAttributes !== undefined);
    const attrs = scheduled?.activityTaskScheduledEventAttributes as { activityType: { name: string } };
    attrs.activityType.name = 'somethingElse';
    await expect(Worker.runReplayHistory({ workflowsPath, replayName: 'tampered' }, historyFromJSON(history))).rejects.toThrow(/[Nn]ondetermin/);
  }, 60_000);
});
