import { Alert, Button, Card, Checkbox, Group, List, NumberInput, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { dossierApi } from '../api/client.js';
import { newCommandId, outcome } from '../api/commands.js';
import type { components } from '../api/generated/dossier-api.js';
import { formatDate } from '../format.js';
import { CriterionCard, readableTitle } from './criterion-card.js';
import { DayInput } from './day-input.js';
import { EvidenceUpload } from './evidence-upload.js';

type Dossier = components['schemas']['Dossier'];
type Checklist = components['schemas']['SubmissionChecklist'];

const attestationKinds = [
  { kind: 'no_construction_debt', label: 'Không nợ đọng xây dựng cơ bản' },
  { kind: 'no_complex_security_situation', label: 'Không có tình hình an ninh, trật tự phức tạp' },
] as const;

/** What the commune prepares: criteria, documents, the conditions, the live checklist and submission. */
export function CommunePanel({ dossier, checklist, editable, canSubmit, reload }: { dossier: Dossier; checklist: Checklist | null; editable: boolean; canSubmit: boolean; reload: () => void }) {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [postingDate, setPostingDate] = useState<string | null>(dossier.postingStartedOn);
  const [percent, setPercent] = useState<number | string>(dossier.satisfactionPercent ?? '');


  const sentBack = (code: string) => (checklist?.supplementation ?? []).filter((s) => s.criterionCode === code);
  const report = (refusal: string | null, done: string) => {
    setMessage(refusal ? { ok: false, text: refusal } : { ok: true, text: done });
    if (!refusal) reload();
  };

  async function attach(code: string, evidenceId: string) {
    report(outcome(await dossierApi.PUT('/dossiers/{id}/documents/{documentCode}', { params: { path: { id: dossier.id, documentCode: code } }, body: { commandId: newCommandId(), evidenceId } })), 'Đã đính kèm tài liệu.');
  }
  async function saveConditions() {
    if (postingDate) report(outcome(await dossierApi.PUT('/dossiers/{id}/posting', { params: { path: { id: dossier.id } }, body: { commandId: newCommandId(), startDate: postingDate, evidenceIds: [] } })), 'Đã ghi ngày niêm yết.');
    if (typeof percent === 'number') report(outcome(await dossierApi.PUT('/dossiers/{id}/satisfaction', { params: { path: { id: dossier.id } }, body: { commandId: newCommandId(), percent, respondents: null, evidenceIds: [] } })), 'Đã ghi tỷ lệ hài lòng.');
  }
  async function attest(kind: (typeof attestationKinds)[number]['kind'], attested: boolean) {
    report(outcome(await dossierApi.PUT('/dossiers/{id}/attestations/{kind}', { params: { path: { id: dossier.id, kind } }, body: { commandId: newCommandId(), attested, explanation: attested ? 'Ủy ban nhân dân xã xác nhận.' : 'Chưa xác nhận.', evidenceIds: [] } })), 'Đã ghi xác nhận.');
  }
  async function submit() {
    report(outcome(await dossierApi.POST('/dossiers/{id}/submit', { params: { path: { id: dossier.id } }, body: { commandId: newCommandId() } })), 'Đã nộp hồ sơ để thẩm định.');
  }

  return (
    <Stack>
      {message && (
        <Alert color={message.ok ? 'teal' : 'red'} role={message.ok ? 'status' : 'alert'} withCloseButton onClose={() => setMessage(null)} closeButtonLabel="Đóng">
          {message.text}
        </Alert>
      )}
      {editable && checklist?.returned && (
        <Alert color="orange" title={`Hồ sơ bị trả lại ngày ${formatDate(checklist.returned.returnedAt)}`} styles={readableTitle}>
          {checklist.returned.reasons ?? 'Không nêu lý do.'}
        </Alert>
      )}
      {editable && checklist && (
        <Card withBorder component="section" aria-labelledby="checklist-title">
          <Title order={3} size="h4" id="checklist-title">
            Còn thiếu trước khi nộp
          </Title>
          {checklist.ready ? (
            <Text mt="xs">Hồ sơ đã đủ điều kiện để nộp.</Text>
          ) : (
            <List size="sm" mt="xs" spacing={2}>
              {checklist.missing.map((m) => (
                <List.Item key={`${m.kind}-${m.code}`}>{m.message}</List.Item>
              ))}
            </List>
          )}
          {canSubmit && (
            <Group mt="sm">
              <Button onClick={() => void submit()} disabled={!checklist.ready}>
                Nộp hồ sơ
              </Button>
            </Group>
          )}
        </Card>
      )}
      <Title order={3} size="h4">
        Tự đánh giá theo tiêu chí
      </Title>
      {dossier.criteria.map((c) => (
        <CriterionCard key={`${c.code}-${c.selfAssessment ? 'saved' : 'new'}`} owner={{ dossierId: dossier.id }} criterion={c} editable={editable && (checklist?.supplementation.length === 0 || sentBack(c.code).length > 0)} sentBack={sentBack(c.code)} onSaved={reload} />
      ))}
      <Title order={3} size="h4">
        Tài liệu bắt buộc
      </Title>
      {dossier.documents.map((d) => (
        <Card key={d.code} withBorder padding="sm" component="section" aria-label={d.name}>
          <Text fw={600}>{d.name}</Text>
          <Text size="sm">{d.evidenceId ? 'Đã đính kèm' : 'Chưa đính kèm'}</Text>
          {editable && <EvidenceUpload owner={{ dossierId: dossier.id }} label={`Tải lên: ${d.name}`} onUploaded={(e) => void attach(d.code, e.id)} />}
        </Card>
      ))}
      {editable && (
        <Card withBorder component="section" aria-labelledby="conditions-title">
          <Title order={3} size="h4" id="conditions-title">
            Niêm yết, lấy ý kiến và xác nhận
          </Title>
          <Stack gap="xs" mt="xs">
            <DayInput label="Ngày bắt đầu niêm yết công khai" value={postingDate} onChange={setPostingDate} />
            <NumberInput label="Tỷ lệ người dân hài lòng (%)" decimalSeparator="," min={0} max={100} value={percent} onChange={setPercent} />
            <Group>
              <Button variant="default" onClick={() => void saveConditions()}>
                Lưu niêm yết và tỷ lệ hài lòng
              </Button>
            </Group>
            {attestationKinds.map((a) => (
              <Checkbox key={a.kind} label={a.label} defaultChecked={(dossier.attestations[a.kind] as { attested?: boolean } | undefined)?.attested === true} onChange={(e) => void attest(a.kind, e.currentTarget.checked)} />
            ))}
          </Stack>
        </Card>
      )}
    </Stack>
  );
}
