import { Alert, Badge, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { dossierApi, problemText } from '../api/client.js';
import type { components } from '../api/generated/dossier-api.js';
import { Timeline } from '../components/timeline.js';
import NotFoundPage from './not-found.js';

export type DossierView = components['schemas']['Dossier'];

/** One dossier: what it is, where it stands, and what the signed-in person can do with it now. */
export default function DossierPage({ id }: { id: string }) {
  const [dossier, setDossier] = useState<DossierView | null>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'not-found' | { error: string }>('loading');

  useEffect(() => {
    void dossierApi.GET('/dossiers/{id}', { params: { path: { id } } }).then(({ data, error, response }) => {
      if (data) {
        setDossier(data);
        setState('ready');
      } else if (response.status === 404 || response.status === 400) setState('not-found');
      else setState({ error: problemText(error) });
    });
  }, [id]);

  if (state === 'loading') return <Loader aria-label="Đang tải hồ sơ" />;
  if (state === 'not-found') return <NotFoundPage what="hồ sơ" />;
  if (typeof state === 'object' || !dossier) {
    return (
      <Alert color="red" role="alert">
        {typeof state === 'object' ? state.error : 'Không tải được hồ sơ.'}
      </Alert>
    );
  }
  const stageName = dossier.processControl.steps.find((s) => s.stageCode === dossier.stage)?.stageName ?? dossier.stage;
  return (
    <Stack>
      <div>
        <Title order={2}>Hồ sơ {dossier.trackingCode}</Title>
        <Group gap="xs" mt={4}>
          <Text>
            {dossier.trackName} · năm {dossier.year}
          </Text>
          <Badge variant="light">{stageName}</Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {dossier.criteriaSetName}
        </Text>
      </div>
      <Timeline control={dossier.processControl} />
    </Stack>
  );
}
