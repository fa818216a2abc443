import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils.js';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { workflowsPath } from '../../worker.js';

// Recorded histories of real dossiers (test/scripts/record-dossier-history.ts, record-village-history.ts), replayed against
// today's workflow code: a change that would break a running dossier fails here. Guard such a
// change with patched(), then record a new history beside the old ones.
Runtime.install({ logger: new DefaultLogger('WARN') });

const dir = join(import.meta.dirname, 'histories');
const histories = readdirSync(dir).filter((f) => f.endsWith('.json'));
const load = (file: string) => JSON.parse(readFileSync(join(dir, file), 'utf8')) as { events: Array<Record<string, unknown>> };

describe('dossier workflow replay', () => {
  it('has recorded histories to replay', () => {
    expect(histories.length).toBeGreaterThan(0);
  });

  it.each(histories)('replays %s against the current code', async (file) => {
    await expect(Worker.runReplayHistory({ workflowsPath, replayName: file }, historyFromJSON(load(file)))).resolves.toBeUndefined();
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
