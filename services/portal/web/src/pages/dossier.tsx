import { SystemStage } from '@ntm/domain/system-stages';
import { Alert, Anchor, Badge, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { dossierApi, problemText } from '../api/client.js';
import type { components } from '../api/generated/dossier-api.js';
import { AppraisalPanel } from '../components/appraisal-panel.js';
import { CommunePanel } from '../components/commune-panel.js';
import { AppraisalResults, ConfirmationPanel } from '../components/confirmation-panel.js';
import { DecisionPanel } from '../components/decision-panel.js';
import { Timeline } from '../components/timeline.js';
import { formatDate } from '../format.js';
import NotFoundPage from './not-found.js';

export type DossierView = components['schemas']['Dossier'];
type Available = components['schemas']['AvailableCommands'];
type Decision = components['schemas']['Decision'];
type Checklist = components['schemas']['SubmissionChecklist'];
const nowrap = { whiteSpace: 'nowrap' } as const;

/** One dossier: what it is, where it stands, and what the signed-in person can do with it now. */
export default function DossierPage({ id }: { id: string }) {
  const [dossier, setDossier] = useState<DossierView | null>(null);
  const [available, setAvailable] = useState<Available | null>(null);
  const [decision, setDecision] = useState<Decision | null>(null);
  const [checklist, setChecklist] = useState<Checklist | null>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'not-found' | { error: string }>('loading');

  const load = useCallback(() => {
    // The three answers the page needs, asked at once: one round trip on a slow connection.
    const path = { params: { path: { id } } };
    void Promise.all([dossierApi.GET('/dossiers/{id}', path), dossierApi.GET('/dossiers/{id}/available-commands', path), dossierApi.GET('/dossiers/{id}/checklist', path)]).then(([view, commands, list]) => {
      if (view.data && commands.data) {
        setDossier(view.data);
        setAvailable(commands.data);
        setChecklist(list.data ?? null);
        setState('ready');
        if (view.data.stage === SystemStage.recognised || view.data.stage === SystemStage.refused) void dossierApi.GET('/dossiers/{id}/decision', { params: { path: { id } } }).then((r) => setDecision(r.data ?? null));
      } else if (view.response.status === 404 || view.response.status === 400) setState('not-found');
      else setState({ error: problemText(view.error) });
    });
  }, [id]);
  useEffect(load, [load]);

  if (state === 'loading') return <Loader aria-label="Đang tải hồ sơ" />;
  if (state === 'not-found') return <NotFoundPage what="hồ sơ" />;
  if (typeof state === 'object' || !dossier || !available) {
    return (
      <Alert color="red" role="alert">
        {typeof state === 'object' ? state.error : 'Không tải được hồ sơ.'}
      </Alert>
    );
  }
  const can = (c: Available['commands'][number]) => available.commands.includes(c);
  const stageName = dossier.processControl.steps.findLast((s) => s.stageCode === dossier.stage)?.stageName ?? (decision ? (decision.outcome === 'recognised' ? 'Đã có quyết định công nhận' : 'Đã có quyết định không công nhận') : dossier.stage);
  return (
    <Stack>
      <div>
        <Title order={2}>
          {/* A tracking code or decision number never breaks at its hyphen on a phone. */}
          Hồ sơ <span style={nowrap}>{dossier.trackingCode}</span>
        </Title>
        <Group gap="xs" mt={4}>
          <Text>
            {dossier.trackName} · năm {dossier.year}
          </Text>
          <Badge variant="light" data-testid="stage">
            {stageName}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {dossier.criteriaSetName}
        </Text>
      </div>
      {decision && (
        <Card withBorder component="section" aria-labelledby="decided-title">
          <Title order={3} size="h4" id="decided-title">
            {decision.outcome === 'recognised' ? (
              <>
                Quyết định số <span style={nowrap}>{decision.number ?? ''}</span> ngày {formatDate(decision.date)}
              </>
            ) : (
              'Quyết định không công nhận'
            )}
          </Title>
          {decision.outcome === 'recognised' ? (
            <Anchor href={`/api/dossier/dossiers/${dossier.id}/decision.pdf`} download>
              Tải quyết định (PDF)
            </Anchor>
          ) : (
            <Text>
              <Text span fw={600}>
                Lý do:{' '}
              </Text>
              {decision.reasons}
            </Text>
          )}
        </Card>
      )}
      {can('decision.decide') && <DecisionPanel dossier={dossier} reload={load} />}
      {can('confirmation.decide') && <ConfirmationPanel dossier={dossier} reload={load} />}
      {/* The consolidated results: for the district and the province to act on, and for everyone else to read once the dossier has left their hands. */}
      {(can('confirmation.decide') || can('decision.decide') || (!can('appraisal.record') && !can('dossier.edit'))) && <AppraisalResults dossier={dossier} />}
      {can('appraisal.record') && <AppraisalPanel dossier={dossier} appraisals={available.appraisals} reload={load} />}
      {!can('appraisal.record') && !can('confirmation.decide') && !can('decision.decide') && (
        <CommunePanel dossier={dossier} checklist={checklist} editable={can('dossier.edit')} canSubmit={can('dossier.submit')} reload={load} />
      )}
      <Timeline control={dossier.processControl} />
    </Stack>
  );
}
