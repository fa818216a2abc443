import { Alert, Badge, Button, Card, Group, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { dossierApi } from '../api/client.js';
import { newCommandId, outcome } from '../api/commands.js';
import type { components } from '../api/generated/dossier-api.js';
import type { EvidenceOwner } from '../api/upload.js';
import { EvidenceUpload } from './evidence-upload.js';

/** A criterion as the card shows it: a dossier's, or a re-check's with its last values. */
type Criterion = Pick<components['schemas']['Dossier']['criteria'][number], 'code' | 'number' | 'name' | 'indicators' | 'selfAssessment'>;

/** An orange alert's title in the text colour: Mantine's orange on its light background is too faint to read (axe: color-contrast). */
export const readableTitle = { title: { color: 'var(--mantine-color-text)' } };

/**
 * One criterion: the commune's self-assessment of a dossier, or re-assessment of a re-check (met or
 * not, explanation, evidence) and, when sent back, the department's reasons.
 */
export function CriterionCard({ owner, criterion, editable, sentBack, onSaved }: { owner: EvidenceOwner; criterion: Criterion; editable: boolean; sentBack: Array<{ departmentCode: string; reason: string | null }>; onSaved: () => void }) {
  const saved = criterion.selfAssessment;
  const [met, setMet] = useState<'met' | 'not_met'>(saved?.met === false ? 'not_met' : 'met');
  const [explanation, setExplanation] = useState(saved?.explanation ?? '');
  const [evidenceIds, setEvidenceIds] = useState<string[]>(saved?.evidenceIds ?? []);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [commandId, setCommandId] = useState(newCommandId);

  async function save() {
    setBusy(true);
    setError(null);
    const body = { commandId, met: met === 'met', explanation: explanation.trim(), indicators: [], evidenceIds };
    const result =
      'dossierId' in owner
        ? await dossierApi.PUT('/dossiers/{id}/criteria/{criterionCode}/self-assessment', { params: { path: { id: owner.dossierId, criterionCode: criterion.code } }, body })
        : await dossierApi.PUT('/rechecks/{id}/criteria/{criterionCode}/self-assessment', { params: { path: { id: owner.recheckId, criterionCode: criterion.code } }, body });
    setBusy(false);
    const refusal = outcome(result);
    if (refusal) setError(refusal);
    else {
      setCommandId(newCommandId());
      onSaved();
    }
  }

  const highlighted = sentBack.length > 0;
  return (
    <Card withBorder padding="sm" style={highlighted ? { borderColor: 'var(--mantine-color-orange-7)', borderWidth: 2 } : undefined} aria-label={`Tiêu chí ${criterion.number}`} component="section">
      <Group justify="space-between" gap="xs">
        <Text fw={600}>
          {criterion.number}. {criterion.name}
        </Text>
        {saved ? <Badge color={saved.met ? 'teal' : 'red'} variant="light">{saved.met ? 'Tự đánh giá: đạt' : 'Tự đánh giá: chưa đạt'}</Badge> : <Badge color="gray" variant="light">Chưa tự đánh giá</Badge>}
      </Group>
      {highlighted && (
        <Alert color="orange" mt="xs" title="Yêu cầu bổ sung" styles={readableTitle}>
          {sentBack.map((s) => `${s.departmentCode}: ${s.reason ?? ''}`).join(' · ')}
        </Alert>
      )}
      {criterion.indicators.length > 0 && (
        <Text size="sm" c="dimmed" mt={4}>
          Chỉ tiêu: {criterion.indicators.map((i) => `${i.code} ${i.name} (${i.thresholdText})`).join('; ')}
        </Text>
      )}
      {editable && (
        <Stack gap="xs" mt="xs">
          <SegmentedControl
            aria-label={`Kết quả tự đánh giá tiêu chí ${criterion.number}`}
            value={met}
            onChange={(v) => setMet(v === 'not_met' ? 'not_met' : 'met')}
            data={[
              { value: 'met', label: 'Đạt' },
              { value: 'not_met', label: 'Chưa đạt' },
            ]}
          />
          <Textarea label="Giải trình" autosize minRows={2} value={explanation} onChange={(e) => setExplanation(e.currentTarget.value)} />
          <EvidenceUpload owner={owner} label="Tải minh chứng" onUploaded={(e) => setEvidenceIds((ids) => [...ids, e.id])} />
          {evidenceIds.length > 0 && <Text size="sm">{evidenceIds.length} minh chứng kèm theo</Text>}
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          <Group>
            <Button size="sm" onClick={() => void save()} loading={busy} disabled={explanation.trim().length === 0}>
              Lưu tiêu chí {criterion.number}
            </Button>
          </Group>
        </Stack>
      )}
    </Card>
  );
}
