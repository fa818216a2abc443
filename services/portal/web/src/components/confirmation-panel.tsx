import { Alert, Button, Card, Group, Stack, Table, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { dossierApi } from '../api/client.js';
import { newCommandId, outcome } from '../api/commands.js';
import type { components } from '../api/generated/dossier-api.js';
import { ScrollTable } from './scroll-table.js';

type Dossier = components['schemas']['Dossier'];
const verdictNames: Record<string, string> = { met: 'Đạt', not_met: 'Chưa đạt', needs_supplementation: 'Yêu cầu bổ sung' };

/** The consolidated appraisal results, every department's verdict per criterion. */
export function AppraisalResults({ dossier }: { dossier: Dossier }) {
  const round = Math.max(0, ...dossier.appraisalTasks.map((t) => t.round));
  const name = (code: string) => dossier.criteria.find((c) => c.code === code);
  // In the order of the criteria set, as the province reads a consolidated appraisal.
  const rows = dossier.appraisalTasks
    .filter((t) => t.round === round)
    .flatMap((t) => t.verdicts.map((v) => ({ ...v, departmentCode: t.departmentCode })))
    .sort((a, b) => (name(a.criterionCode)?.number ?? 0) - (name(b.criterionCode)?.number ?? 0) || a.departmentCode.localeCompare(b.departmentCode));
  if (rows.length === 0) return null;
  return (
    <section aria-labelledby="results-title">
      <Title order={3} size="h4" id="results-title" mb="xs">
        Kết quả thẩm định
      </Title>
      <ScrollTable label="Kết quả thẩm định" minWidth={480}>
        <Table aria-labelledby="results-title">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Tiêu chí</Table.Th>
              <Table.Th>Sở, ngành</Table.Th>
              <Table.Th>Kết quả</Table.Th>
              <Table.Th>Lý do</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={`${r.criterionCode}-${r.departmentCode}`}>
                <Table.Td>{name(r.criterionCode) ? `${name(r.criterionCode)?.number}. ${name(r.criterionCode)?.name}` : r.criterionCode}</Table.Td>
                <Table.Td>{r.departmentCode}</Table.Td>
                <Table.Td>{verdictNames[r.verdict] ?? r.verdict}</Table.Td>
                <Table.Td>{r.reason ?? ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </section>
  );
}

/** The district confirms and forwards the dossier to the province, or returns it with reasons. */
export function ConfirmationPanel({ dossier, reload }: { dossier: Dossier; reload: () => void }) {
  const [reasons, setReasons] = useState('');
  const [error, setError] = useState<string | null>(null);
  async function send(decision: 'confirm' | 'return') {
    const result = await dossierApi.POST('/dossiers/{id}/district-confirmation', { params: { path: { id: dossier.id } }, body: { commandId: newCommandId(), decision, reasons: decision === 'return' ? reasons.trim() : null } });
    const refusal = outcome(result);
    if (refusal) setError(refusal);
    else reload();
  }
  return (
    <Card withBorder component="section" aria-labelledby="confirm-title">
      <Title order={3} size="h4" id="confirm-title">
        Xác nhận của huyện
      </Title>
      <Stack gap="xs" mt="xs">
        <Textarea label="Lý do trả hồ sơ (khi trả lại)" value={reasons} onChange={(e) => setReasons(e.currentTarget.value)} />
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <Group>
          <Button onClick={() => void send('confirm')}>Xác nhận, chuyển tỉnh</Button>
          <Button color="red" variant="light" onClick={() => void send('return')} disabled={reasons.trim() === ''}>
            Trả hồ sơ cho xã
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
