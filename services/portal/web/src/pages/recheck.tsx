import { RecheckStage, recheckStageNames } from '@ntm/domain/recheck-stages';
import { Alert, Badge, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { mayRun } from '../access.js';
import { dossierApi, problemText } from '../api/client.js';
import { newCommandId, outcome } from '../api/commands.js';
import type { components } from '../api/generated/dossier-api.js';
import { CriterionCard } from '../components/criterion-card.js';
import { useSession } from '../session.js';
import NotFoundPage from './not-found.js';

type Recheck = components['schemas']['Recheck'];

/** How a criterion stands against last time, for people. */
const changeNames: Record<string, string> = { carried_over: 'Giữ nguyên kết quả lần trước', new: 'Đánh giá mới', unchanged: 'Đã rà soát: không đổi', changed: 'Đã rà soát: có thay đổi' };

/**
 * A unit's yearly re-check as its commune works on it: each criterion's re-assessment (last values
 * carried over until re-assessed, new evidence uploaded for the re-check), then sending it for re-appraisal.
 */
export default function RecheckPage({ id }: { id: string }) {
  const { user } = useSession();
  const [recheck, setRecheck] = useState<Recheck | null>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'not-found' | { error: string }>('loading');
  const [submitting, setSubmitting] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [commandId, setCommandId] = useState(newCommandId);

  const load = useCallback(() => {
    void dossierApi.GET('/rechecks/{id}', { params: { path: { id } } }).then(({ data, error, response }) => {
      if (data) {
        setRecheck(data);
        setState('ready');
      } else if (response.status === 404 || response.status === 400) setState('not-found');
      else setState({ error: problemText(error) });
    });
  }, [id]);
  useEffect(load, [load]);

  async function submit() {
    setSubmitting(true);
    setRefusal(null);
    const result = await dossierApi.POST('/rechecks/{id}/submit', { params: { path: { id } }, body: { commandId } });
    setSubmitting(false);
    const refused = outcome(result);
    if (refused) setRefusal(refused);
    else {
      setCommandId(newCommandId());
      load();
    }
  }

  if (state === 'loading') return <Loader aria-label="Đang tải lượt rà soát" />;
  if (state === 'not-found') return <NotFoundPage what="lượt rà soát" />;
  if (typeof state === 'object' || !recheck) {
    return (
      <Alert color="red" role="alert">
        {typeof state === 'object' ? state.error : 'Không tải được lượt rà soát.'}
      </Alert>
    );
  }
  const editable = recheck.stage === RecheckStage.selfAssessment && mayRun(user, 'dossier.edit');
  return (
    <Stack>
      <div>
        <Title order={2}>
          Rà soát duy trì năm {recheck.year}: {recheck.unitName}
        </Title>
        <Group gap="xs" mt={4}>
          <Badge variant="light" data-testid="stage">
            {recheckStageNames[recheck.stage as RecheckStage] ?? recheck.stage}
          </Badge>
        </Group>
      </div>
      {recheck.criteria.map((c) => (
        <Stack key={`${c.code}-${c.change}`} gap={4}>
          <Text size="sm" c="dimmed">
            {c.change === 'carried_over' && c.lastMet === null ? 'Chưa có kết quả lần trước: cần đánh giá' : (changeNames[c.change] ?? c.change)}
          </Text>
          <CriterionCard
            owner={{ recheckId: recheck.id }}
            criterion={{ code: c.code, number: c.number, name: c.name, indicators: [], selfAssessment: c.met === null ? null : { met: c.met, explanation: c.explanation ?? '', indicators: [], evidenceIds: c.evidenceIds } }}
            editable={editable}
            sentBack={[]}
            onSaved={load}
          />
        </Stack>
      ))}
      {editable && mayRun(user, 'dossier.submit') && (
        <Card withBorder component="section" aria-label="Gửi kết quả tự rà soát">
          <Text size="sm">Tiêu chí chưa rà soát lại giữ nguyên kết quả lần trước.</Text>
          {refusal && (
            <Alert color="red" role="alert" mt="xs">
              {refusal}
            </Alert>
          )}
          <Group mt="xs">
            <Button onClick={() => void submit()} loading={submitting}>
              Gửi kết quả tự rà soát
            </Button>
          </Group>
        </Card>
      )}
    </Stack>
  );
}
