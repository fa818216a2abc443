import { Alert, Button, Card, Group, List, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { dossierApi } from '../api/client.js';
import { newCommandId, outcome } from '../api/commands.js';
import type { components } from '../api/generated/dossier-api.js';
import { formatNumber } from '../format.js';
import { EvidenceViewer } from './evidence-viewer.js';

type Dossier = components['schemas']['Dossier'];
type Verdict = 'met' | 'not_met' | 'needs_supplementation';
type Indicator = Dossier['criteria'][number]['indicators'][number];

/** The commune's value for an indicator as people read it (decimal comma, yes/no). */
function valueText(i: Indicator): string {
  if (i.value === null) return 'chưa nhập';
  if (typeof i.value === 'boolean') return i.value ? 'có' : 'không';
  return `${formatNumber(i.value)}${i.unitOfMeasure ? ` ${i.unitOfMeasure}` : ''}`;
}

const verdicts: Array<{ value: Verdict; label: string }> = [
  { value: 'met', label: 'Đạt' },
  { value: 'not_met', label: 'Chưa đạt' },
  { value: 'needs_supplementation', label: 'Yêu cầu bổ sung' },
];

function AppraisalForm({ dossier, departmentCode, criterionCode, onDone }: { dossier: Dossier; departmentCode: string; criterionCode: string; onDone: () => void }) {
  const criterion = dossier.criteria.find((c) => c.code === criterionCode);
  const [verdict, setVerdict] = useState<Verdict>('met');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [commandId] = useState(newCommandId);
  async function save() {
    const result = await dossierApi.PUT('/dossiers/{id}/criteria/{criterionCode}/appraisal', {
      params: { path: { id: dossier.id, criterionCode } },
      body: { commandId, departmentCode, verdict, reason: reason.trim() === '' ? null : reason.trim() },
    });
    const refusal = outcome(result);
    if (refusal) setError(refusal);
    else onDone();
  }
  if (!criterion) return null;
  const sa = criterion.selfAssessment;
  return (
    <Card withBorder padding="sm" component="section" aria-label={`Thẩm định tiêu chí ${criterion.number}`}>
      <Text fw={600}>
        {criterion.number}. {criterion.name}
      </Text>
      <Text size="sm">Xã tự đánh giá: {sa ? (sa.met ? 'đạt' : 'chưa đạt') : 'chưa có'}</Text>
      {sa && <Text size="sm">Giải trình: {sa.explanation}</Text>}
      {criterion.indicators.length > 0 && (
        <List size="sm" mt={4} spacing={2} aria-label={`Số liệu xã nhập cho tiêu chí ${criterion.number}`}>
          {criterion.indicators.map((i) => (
            <List.Item key={i.code}>
              {i.code} {i.name}: {valueText(i)} (yêu cầu: {i.thresholdText})
            </List.Item>
          ))}
        </List>
      )}
      <EvidenceViewer ids={sa?.evidenceIds ?? []} />
      <Stack gap="xs" mt="xs">
        <Select label={`Kết quả thẩm định tiêu chí ${criterion.number}`} data={verdicts} value={verdict} onChange={(v) => setVerdict(verdicts.find((x) => x.value === v)?.value ?? 'met')} allowDeselect={false} />
        {verdict !== 'met' && <Textarea label={`Lý do (tiêu chí ${criterion.number})`} required value={reason} onChange={(e) => setReason(e.currentTarget.value)} />}
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <Group>
          <Button size="sm" onClick={() => void save()} disabled={verdict !== 'met' && reason.trim() === ''}>
            Ghi kết quả tiêu chí {criterion.number}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** A department's appraisal of its assigned criteria: the commune's values, explanation and evidence, and the verdict. */
export function AppraisalPanel({ dossier, appraisals, reload }: { dossier: Dossier; appraisals: Array<{ departmentCode: string; criterionCodes: string[] }>; reload: () => void }) {
  const round = Math.max(0, ...dossier.appraisalTasks.map((t) => t.round));
  const open = appraisals.flatMap((a) => {
    const task = dossier.appraisalTasks.find((t) => t.round === round && t.departmentCode === a.departmentCode && t.closedAt === null);
    if (!task) return [];
    const done = new Set(task.verdicts.map((v) => v.criterionCode));
    return task.criterionCodes.filter((c) => a.criterionCodes.includes(c) && !done.has(c)).map((c) => ({ departmentCode: a.departmentCode, criterionCode: c }));
  });
  return (
    <Stack>
      <Title order={3} size="h4">
        Thẩm định các tiêu chí được giao
      </Title>
      {open.length === 0 && <Text>Đã ghi kết quả thẩm định mọi tiêu chí được giao.</Text>}
      {open.map((o) => (
        <AppraisalForm key={`${o.departmentCode}-${o.criterionCode}`} dossier={dossier} departmentCode={o.departmentCode} criterionCode={o.criterionCode} onDone={reload} />
      ))}
    </Stack>
  );
}
