import { vietnamDay } from '@ntm/domain/vietnam-time';
import { Alert, Button, Card, Group, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { dossierApi } from '../api/client.js';
import { newCommandId, outcome } from '../api/commands.js';
import type { components } from '../api/generated/dossier-api.js';
import { DayInput } from './day-input.js';

type Dossier = components['schemas']['Dossier'];
const today = () => vietnamDay(Date.now());

/** The provincial office issues the recognition decision (number, date, signer) or refuses with reasons. */
export function DecisionPanel({ dossier, reload }: { dossier: Dossier; reload: () => void }) {
  const [number, setNumber] = useState('');
  const [date, setDate] = useState<string | null>(today);
  const [signer, setSigner] = useState('');
  const [signerTitle, setSignerTitle] = useState('Chủ tịch');
  const [reasons, setReasons] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [commandId] = useState(newCommandId);
  const [preview, setPreview] = useState<string | null>(null);
  useEffect(() => () => void (preview && URL.revokeObjectURL(preview)), [preview]);
  const recognition = () => ({ number: number.trim(), date: date ?? '', effectiveDate: date ?? '', signer: signer.trim(), signerTitle: signerTitle.trim(), submissionNumber: null, submissionDate: null });
  /** The decision as it will be issued with what is typed, rendered by the API without recording anything. */
  async function showPreview() {
    setError(null);
    const result = await dossierApi.POST('/dossiers/{id}/decision/preview', { params: { path: { id: dossier.id } }, body: recognition(), parseAs: 'blob' });
    const refusal = outcome(result);
    if (refusal || !(result.data instanceof Blob)) setError(refusal ?? 'Không xem trước được văn bản.');
    else setPreview(URL.createObjectURL(result.data));
  }
  async function recognise() {
    const result = await dossierApi.POST('/dossiers/{id}/decision', {
      params: { path: { id: dossier.id } },
      body: { commandId, outcome: 'recognise', ...recognition() },
    });
    const refusal = outcome(result);
    if (refusal) setError(refusal);
    else reload();
  }
  async function refuse() {
    const result = await dossierApi.POST('/dossiers/{id}/decision', { params: { path: { id: dossier.id } }, body: { commandId: newCommandId(), outcome: 'refuse', reasons: reasons.trim() } });
    const refusal = outcome(result);
    if (refusal) setError(refusal);
    else reload();
  }
  return (
    <Card withBorder component="section" aria-labelledby="decision-title">
      <Title order={3} size="h4" id="decision-title">
        Quyết định công nhận
      </Title>
      <Stack gap="xs" mt="xs">
        <TextInput label="Số quyết định" placeholder="1234/QĐ-UBND" value={number} onChange={(e) => setNumber(e.currentTarget.value)} />
        <DayInput label="Ngày ký" value={date} onChange={setDate} />
        <TextInput label="Người ký" value={signer} onChange={(e) => setSigner(e.currentTarget.value)} />
        <TextInput label="Chức vụ người ký" value={signerTitle} onChange={(e) => setSignerTitle(e.currentTarget.value)} />
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <Group>
          <Button variant="default" onClick={() => void showPreview()} disabled={number.trim() === '' || signer.trim() === '' || date === null}>
            Xem trước văn bản
          </Button>
          <Button onClick={() => void recognise()} disabled={number.trim() === '' || signer.trim() === '' || date === null}>
            Ban hành quyết định công nhận
          </Button>
        </Group>
        {preview && <iframe src={preview} title="Xem trước quyết định công nhận" style={{ width: '100%', height: 480, border: '1px solid var(--mantine-color-gray-4)' }} />}
        <Textarea label="Lý do không công nhận" value={reasons} onChange={(e) => setReasons(e.currentTarget.value)} />
        <Group>
          <Button color="red" variant="light" onClick={() => void refuse()} disabled={reasons.trim() === ''}>
            Không công nhận
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
