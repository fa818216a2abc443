import { Alert, Button, Card, List, NumberInput, Select, Stack, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useLocation } from 'wouter';
import { dossierApi, type Problem } from '../api/client.js';
import { newCommandId } from '../api/commands.js';
import { useSession } from '../session.js';

/** A commune officer opens a dossier for the commune: track and year; refusals give the eligibility reasons. */
export default function OpenDossierPage() {
  const { user } = useSession();
  const [, navigate] = useLocation();
  const units = (user?.grants ?? []).filter((g) => g.role === 'commune_officer' && g.unitCode !== null).map((g) => g.unitCode ?? '');
  const [tracks, setTracks] = useState<Array<{ value: string; label: string }>>([]);
  const [track, setTrack] = useState<string | null>(null);
  const [year, setYear] = useState<number | string>(new Date().getFullYear());
  const [problem, setProblem] = useState<Problem | null>(null);
  const [commandId] = useState(newCommandId);

  useEffect(() => {
    void dossierApi.GET('/catalog/tracks').then(({ data }) => setTracks((data ?? []).filter((t) => t.unitLevel === 'commune').map((t) => ({ value: t.code, label: t.name }))));
  }, []);

  async function open() {
    const unitCode = units[0];
    if (!track || unitCode === undefined || typeof year !== 'number') return;
    const { data, error } = await dossierApi.POST('/dossiers', { body: { commandId, unitCode, trackCode: track, year } });
    if (data) navigate(`/ho-so/${data.id}`);
    else setProblem(error);
  }

  return (
    <Stack maw={560}>
      <Title order={2}>Lập hồ sơ</Title>
      <Card withBorder>
        <Stack gap="sm">
          <Select label="Loại hồ sơ" data={tracks} value={track} onChange={setTrack} />
          <NumberInput label="Năm đề nghị công nhận" value={year} onChange={setYear} min={2021} max={2100} thousandSeparator="" />
          {problem && (
            <Alert color="red" role="alert" title={problem.detail ?? problem.title ?? 'Không lập được hồ sơ'}>
              {problem.errors && problem.errors.length > 0 && (
                <List size="sm">
                  {problem.errors.map((e) => (
                    <List.Item key={`${e.location}-${e.message}`}>{e.message}</List.Item>
                  ))}
                </List>
              )}
            </Alert>
          )}
          <Button onClick={() => void open()} disabled={!track || units.length === 0}>
            Lập hồ sơ
          </Button>
        </Stack>
      </Card>
    </Stack>
  );
}
