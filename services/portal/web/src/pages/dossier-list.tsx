import { Alert, Anchor, Badge, Card, Group, Loader, Pagination, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { dossierApi, problemText } from '../api/client.js';
import type { components } from '../api/generated/dossier-api.js';
import { DossierFilters, filterNames, filtersFrom, useFilterCatalog, type Filters } from '../components/dossier-filters.js';
import { ScrollTable } from '../components/scroll-table.js';
import { UnitRechecks } from '../components/unit-rechecks.js';
import { formatDate } from '../format.js';
import { useSession } from '../session.js';

type Item = components['schemas']['DossierListItem'];
const pageSize = 50;
const nowrap = { whiteSpace: 'nowrap' } as const;

/** The current step's due date, marked when it has passed. */
function StepDue({ item }: { item: Item }) {
  if (item.late) {
    return (
      <Badge color="red" variant="light">
        Trễ hạn từ {formatDate(item.stepDueDate)}
      </Badge>
    );
  }
  return <span style={nowrap}>{formatDate(item.stepDueDate)}</span>;
}

/**
 * The dossiers this person may see (a commune officer: the commune's), newest first. The provincial
 * office filters the province's by district, track, year, stage and lateness, a district officer its
 * district's by the same but the district; the filters stand in the page address.
 */
export default function DossierListPage() {
  const { user } = useSession();
  const grants = user?.grants ?? [];
  const provinceCode = grants.find((g) => g.role === 'provincial_office')?.unitCode ?? null;
  const filtering = provinceCode !== null || grants.some((g) => g.role === 'district_officer');
  const search = useSearch();
  const [, navigate] = useLocation();
  const filters = filtering ? filtersFrom(search) : {};
  const page = Math.max(1, Number(new URLSearchParams(search).get('page')) || 1);
  const { districts, tracks } = useFilterCatalog(filtering ? provinceCode : null);
  const districtNames = new Map(districts.map((d) => [d.value, d.label]));
  const [answer, setAnswer] = useState<{ items: Item[]; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setAnswer(null);
    setError(null);
    const { year, late, ...codes } = filters;
    const lateness: { late?: 'true' | 'false' } = late === 'true' || late === 'false' ? { late } : {};
    const query = { page, pageSize, ...codes, ...(year ? { year: Number(year) } : {}), ...lateness };
    void dossierApi.GET('/dossiers', { params: { query } }).then(({ data, error: problem }) => {
      if (data) setAnswer({ items: data.items, total: data.total });
      else setError(problemText(problem));
    });
    // The address is the whole state of the list.
  }, [search]);

  const go = (next: Filters, nextPage = 1) => {
    const params = new URLSearchParams();
    for (const name of filterNames) if (next[name]) params.set(name, next[name]);
    if (nextPage > 1) params.set('page', String(nextPage));
    const query = params.toString();
    navigate(query ? `/?${query}` : '/', { replace: true });
  };
  const items = answer?.items ?? null;
  const showDistrict = provinceCode !== null;
  // A commune's home also leads to its yearly re-checks.
  const communeCode = grants.find((g) => g.role === 'commune_officer')?.unitCode ?? null;

  return (
    <Stack>
      {communeCode !== null && <UnitRechecks unitCode={communeCode} />}
      <Title order={2}>Hồ sơ</Title>
      {filtering && <DossierFilters filters={filters} onChange={(next) => go(next)} districts={showDistrict ? districts : []} tracks={tracks} />}
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      {!answer && !error && <Loader aria-label="Đang tải danh sách hồ sơ" />}
      {items && items.length === 0 && <Text>{Object.keys(filters).length > 0 ? 'Không có hồ sơ nào khớp với bộ lọc.' : 'Chưa có hồ sơ nào.'}</Text>}
      {answer && items && items.length > 0 && (
        <>
          {filtering && (
            <Text size="sm" c="dimmed" aria-live="polite">
              {answer.total} hồ sơ
            </Text>
          )}
          <ScrollTable label="Danh sách hồ sơ" minWidth={720} visibleFrom="sm">
            <Table striped highlightOnHover aria-label="Danh sách hồ sơ">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Mã hồ sơ</Table.Th>
                  <Table.Th>Đơn vị</Table.Th>
                  {showDistrict && <Table.Th>Huyện</Table.Th>}
                  <Table.Th>Loại hồ sơ</Table.Th>
                  <Table.Th>Năm</Table.Th>
                  <Table.Th>Bước hiện tại</Table.Th>
                  <Table.Th>Hạn bước</Table.Th>
                  <Table.Th>Ngày lập</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((d) => (
                  <Table.Tr key={d.id}>
                    <Table.Td>
                      <Anchor component={Link} href={`/ho-so/${d.id}`} style={nowrap}>
                        {d.trackingCode}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{d.unitName}</Table.Td>
                    {showDistrict && <Table.Td>{d.districtCode === null ? '—' : (districtNames.get(d.districtCode) ?? d.districtCode)}</Table.Td>}
                    <Table.Td>{d.trackName}</Table.Td>
                    <Table.Td>{d.year}</Table.Td>
                    <Table.Td>
                      <Badge variant="light">{d.stageName}</Badge>
                    </Table.Td>
                    <Table.Td>
                      <StepDue item={d} />
                    </Table.Td>
                    <Table.Td>{formatDate(d.createdAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
          {/* On a phone each dossier is a card: a table does not fit 360 px. */}
          <Stack hiddenFrom="sm" gap="sm">
            {items.map((d) => (
              <Card key={d.id} withBorder padding="sm" component={Link} href={`/ho-so/${d.id}`}>
                <Group justify="space-between" gap={6}>
                  <Text fw={600} style={nowrap}>
                    {d.trackingCode}
                  </Text>
                  <Badge variant="light" maw="100%">
                    {d.stageName}
                  </Badge>
                </Group>
                <Text size="sm">
                  {d.unitName}
                  {showDistrict && d.districtCode !== null && ` · ${districtNames.get(d.districtCode) ?? d.districtCode}`} · {d.trackName} · {d.year}
                </Text>
                <Group gap={6} justify="space-between">
                  <Text size="sm" c="dimmed">
                    Lập ngày {formatDate(d.createdAt)}
                  </Text>
                  {d.stepDueDate !== null && (
                    <Text size="sm" span>
                      Hạn bước: <StepDue item={d} />
                    </Text>
                  )}
                </Group>
              </Card>
            ))}
          </Stack>
          {answer.total > pageSize && (
            <Pagination total={Math.ceil(answer.total / pageSize)} value={page} onChange={(p) => go(filters, p)} getControlProps={(control) => ({ 'aria-label': control === 'next' ? 'Trang sau' : control === 'previous' ? 'Trang trước' : control })} />
          )}
        </>
      )}
    </Stack>
  );
}
