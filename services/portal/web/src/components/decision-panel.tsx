import { vietnamDay } from '@ntm/domain/vietnam-time';
import { Alert, Button, Card, Group, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
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
  async function recognise() {
    const result = await dossierApi.POST('/dossiers/{id}/decision', {
      params: { path: { id: dossier.id } },
      body: { commandId, outcome: 'recognise', number: number.trim(), date: date ?? '', effectiveDate: date ?? '', signer: signer.trim(), signerTitle: signerTitle.trim(), submissionNumber: null, submissionDate: null },
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
          <Button onClick={() => void recognise()} disabled={number.trim() === '' || signer.trim() === '' || date === null}>
            Ban hành quyết định công nhận
          </Button>
        </Group>
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
