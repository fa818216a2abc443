import { recheckStageNames, type RecheckStage } from '@ntm/domain/recheck-stages';
import { Anchor, Card, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import { dossierApi } from '../api/client.js';
import type { components } from '../api/generated/dossier-api.js';

type UnitRecheck = components['schemas']['UnitRecheck'];

/** The unit's yearly re-checks, newest first, each a link to its page; nothing when it has none. */
export function UnitRechecks({ unitCode }: { unitCode: string }) {
  const [items, setItems] = useState<UnitRecheck[]>([]);
  useEffect(() => {
    void dossierApi.GET('/rechecks', { params: { query: { unit: unitCode } } }).then(({ data }) => setItems(data?.items ?? []));
  }, [unitCode]);
  if (items.length === 0) return null;
  return (
    <Card withBorder component="section" aria-labelledby="unit-rechecks-title">
      <Title order={2} size="h4" id="unit-rechecks-title">
        Rà soát duy trì đạt chuẩn hằng năm
      </Title>
      <Stack gap={4} mt="xs">
        {items.map((r) => (
          <Text key={r.id}>
            <Anchor component={Link} href={`/ra-soat-duy-tri/${r.id}`}>
              {r.trackName} · năm {r.year}
            </Anchor>{' '}
            — {recheckStageNames[r.stage as RecheckStage] ?? r.stage}
          </Text>
        ))}
      </Stack>
    </Card>
  );
}
