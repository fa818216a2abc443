import { Alert, Button, Card, Group, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useLocation, useSearch } from 'wouter';
import { dossierApi, problemText } from '../api/client.js';
import type { components } from '../api/generated/dossier-api.js';
import { PublicFrame } from '../components/public-frame.js';
import { Timeline } from '../components/timeline.js';
import { formatDate } from '../format.js';

type Status = components['schemas']['PublicDossierStatus'];

/** Anyone: a dossier's steps and dates by its tracking code (the dossier API's public lookup); ?ma=<code> in the address. */
export default function TrackingLookupPage() {
  const search = useSearch();
  const [, navigate] = useLocation();
  const code = new URLSearchParams(search).get('ma')?.trim() ?? '';
  const [typed, setTyped] = useState(code);
  const [status, setStatus] = useState<Status | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setStatus(null);
    setError(null);
    if (code === '') return;
    void dossierApi.GET('/public/dossiers/{trackingCode}', { params: { path: { trackingCode: code } } }).then(({ data, error: problem, response }) => {
      if (data) setStatus(data);
      else setError(response.status === 404 ? `Không có hồ sơ với mã "${code}".` : problemText(problem));
    });
  }, [code]);

  function submit(event: FormEvent) {
    event.preventDefault();
    navigate(`/tra-cuu?ma=${encodeURIComponent(typed.trim())}`);
  }

  const current = status?.steps.at(-1);
  return (
    <PublicFrame title="Tra cứu hồ sơ">
      <Text mt="xs">Nhập mã hồ sơ (in trên giấy biên nhận) để xem hồ sơ đang ở bước nào và hạn của từng bước.</Text>
      <form onSubmit={submit} aria-label="Tra cứu hồ sơ">
        <Group align="flex-end" mt="md" gap="sm">
          <TextInput label="Mã hồ sơ" placeholder="12-2025-…" required value={typed} onChange={(e) => setTyped(e.currentTarget.value)} style={{ flex: '1 1 200px' }} />
          <Button type="submit">Tra cứu</Button>
        </Group>
      </form>
      {error && (
        <Alert color="red" role="alert" mt="md">
          {error}
        </Alert>
      )}
      {status && (
        <Stack mt="md">
          <Card withBorder>
            <Text fw={600}>Hồ sơ {status.trackingCode}</Text>
            <Text size="sm">
              Lập ngày {formatDate(status.createdAt)}
              {status.submittedAt && ` · nộp ngày ${formatDate(status.submittedAt)}`}
              {status.decidedAt && ` · có quyết định ngày ${formatDate(status.decidedAt)}`}
            </Text>
            {!status.decidedAt && current && <Text size="sm">Bước hiện tại: {current.stageName}</Text>}
          </Card>
          <Timeline control={status} />
        </Stack>
      )}
    </PublicFrame>
  );
}
