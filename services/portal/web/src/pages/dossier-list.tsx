import { Alert, Anchor, Badge, Card, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import { dossierApi, problemText } from '../api/client.js';
import type { components } from '../api/generated/dossier-api.js';
import { formatDate } from '../format.js';

type Item = components['schemas']['DossierListItem'];

/** The dossiers this person may see (a commune officer: the commune's), newest first. */
export default function DossierListPage() {
  const [items, setItems] = useState<Item[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void dossierApi.GET('/dossiers', { params: { query: { page: 1, pageSize: 50 } } }).then(({ data, error: problem }) => {
      if (data) setItems(data.items);
      else setError(problemText(problem));
    });
  }, []);

  return (
    <Stack>
      <Title order={2}>Hồ sơ</Title>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      {!items && !error && <Loader aria-label="Đang tải danh sách hồ sơ" />}
      {items && items.length === 0 && <Text>Chưa có hồ sơ nào.</Text>}
      {items && items.length > 0 && (
        <>
          <Table striped highlightOnHover visibleFrom="sm" aria-label="Danh sách hồ sơ">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Mã hồ sơ</Table.Th>
                <Table.Th>Đơn vị</Table.Th>
                <Table.Th>Loại hồ sơ</Table.Th>
                <Table.Th>Năm</Table.Th>
                <Table.Th>Bước hiện tại</Table.Th>
                <Table.Th>Ngày lập</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td>
                    <Anchor component={Link} href={`/ho-so/${d.id}`}>
                      {d.trackingCode}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{d.unitName}</Table.Td>
                  <Table.Td>{d.trackName}</Table.Td>
                  <Table.Td>{d.year}</Table.Td>
                  <Table.Td>
                    <Badge variant="light">{d.stageName}</Badge>
                  </Table.Td>
                  <Table.Td>{formatDate(d.createdAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {/* On a phone each dossier is a card: a table does not fit 360 px. */}
          <Stack hiddenFrom="sm" gap="sm">
            {items.map((d) => (
              <Card key={d.id} withBorder padding="sm" component={Link} href={`/ho-so/${d.id}`}>
                <Group justify="space-between" gap={6}>
                  <Text fw={600} style={{ whiteSpace: 'nowrap' }}>
                    {d.trackingCode}
                  </Text>
                  <Badge variant="light" maw="100%">
                    {d.stageName}
                  </Badge>
                </Group>
                <Text size="sm">
                  {d.unitName} · {d.trackName} · {d.year}
                </Text>
                <Text size="sm" c="dimmed">
                  Lập ngày {formatDate(d.createdAt)}
                </Text>
              </Card>
            ))}
          </Stack>
        </>
      )}
    </Stack>
  );
}
