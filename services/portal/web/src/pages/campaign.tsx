import { campaignBucketNames, campaignBuckets, type CampaignBucket } from '@ntm/domain/campaign-view';
import { recheckStageNames, type RecheckStage } from '@ntm/domain/recheck-stages';
import { vietnamDay } from '@ntm/domain/vietnam-time';
import { Alert, Badge, Button, Group, Loader, Pagination, Paper, SimpleGrid, Stack, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useLocation, useSearch } from 'wouter';
import { unitsFor } from '../access.js';
import { dossierApi, problemText } from '../api/client.js';
import type { components } from '../api/generated/dossier-api.js';
import { CampaignFilters, campaignAddress, campaignStateFrom, useCampaignCatalog, type CampaignState } from '../components/campaign-filters.js';
import { useFilterCatalog } from '../components/dossier-filters.js';
import { ScrollTable } from '../components/scroll-table.js';
import { formatDate, formatNumber } from '../format.js';
import { useSession } from '../session.js';

type View = components['schemas']['CampaignView'];
const pageSize = 50;
/** The overdue departments shown before "Xem cả": the most overdue, so the counts stay near the top. */
const shortList = 5;
const nowrap = { whiteSpace: 'nowrap' } as const;
const isBucket = (value: string | undefined): value is CampaignBucket => (campaignBuckets as readonly string[]).includes(value ?? '');
const stageName = (stage: string) => (stage in recheckStageNames ? recheckStageNames[stage as RecheckStage] : stage);

/** A re-check's bucket: overdue in red, kept standards in dark teal (Mantine's light green is too pale to read on a striped row). */
function BucketBadge({ bucket }: { bucket: CampaignBucket }) {
  const good = bucket === 'maintained' || bucket === 'kept';
  return (
    <Badge variant={good ? 'filled' : 'light'} color={bucket === 'overdue' ? 'red' : good ? 'teal.9' : 'blue'} style={nowrap}>
      {campaignBucketNames[bucket]}
    </Badge>
  );
}

/** One bucket's number; pressing it lists the re-checks behind it (pressing it again, all of them). */
function BucketCount({ bucket, count, chosen, onChoose }: { bucket: CampaignBucket; count: number; chosen: boolean; onChoose: () => void }) {
  return (
    <UnstyledButton onClick={onChoose} aria-pressed={chosen}>
      <Paper withBorder p="sm" h="100%" bg={chosen ? 'var(--mantine-color-blue-light)' : undefined} style={chosen ? { borderColor: 'var(--mantine-color-blue-filled)' } : undefined}>
        <Text fz={28} fw={700} lh={1.2} c={bucket === 'overdue' && count > 0 ? 'red.8' : undefined}>
          {formatNumber(count)}
        </Text>
        <Text size="sm">{campaignBucketNames[bucket]}</Text>
      </Paper>
    </UnstyledButton>
  );
}

/**
 * The provincial office's view of a year's re-check campaign: the departments with overdue
 * re-appraisals first, then how many re-checks stand in each bucket, and the list behind a bucket;
 * filtered by district, department and criterion. The whole state stands in the page address.
 */
export default function CampaignPage() {
  const { user } = useSession();
  const provinceCode = unitsFor(user, 'campaign.manage').find((code) => code !== null) ?? null;
  const search = useSearch();
  const [, navigate] = useLocation();
  const state = campaignStateFrom(search);
  // The year in Vietnam today unless the address names one (the one calendar module says which day it is).
  const year = Number(state.year ?? vietnamDay(Date.now()).slice(0, 4));
  const page = Math.max(1, Number(state.page) || 1);
  const bucket = isBucket(state.bucket) ? state.bucket : undefined;
  const { districts, tracks } = useFilterCatalog(provinceCode);
  const { departments, criteria } = useCampaignCatalog(provinceCode, year, tracks.map((t) => t.code));
  const districtNames = new Map(districts.map((d) => [d.value, d.label]));
  const [view, setView] = useState<View | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [allDepartments, setAllDepartments] = useState(false);

  useEffect(() => {
    if (provinceCode === null) return;
    setView(null);
    setError(null);
    const { district, department, criterion } = state;
    const query = { page, pageSize, ...(district ? { district } : {}), ...(department ? { department } : {}), ...(criterion ? { criterion } : {}), ...(bucket ? { bucket } : {}) };
    void dossierApi.GET('/provinces/{code}/campaigns/{year}', { params: { path: { code: provinceCode, year }, query } }).then(({ data, error: problem }) => {
      if (data) setView(data);
      else setError(problemText(problem));
    });
    // The address is the whole state of the page.
  }, [search, provinceCode]);

  const go = (next: CampaignState) => navigate(campaignAddress(next), { replace: true });
  const listName = bucket ? `Đơn vị: ${campaignBucketNames[bucket]}` : 'Các đơn vị được rà soát';

  return (
    <Stack>
      <Title order={2}>Rà soát duy trì đạt chuẩn năm {year}</Title>
      <CampaignFilters state={{ ...state, year: String(year) }} onChange={go} lists={{ districts, departments, criteria }} />
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      {!view && !error && <Loader aria-label="Đang tải đợt rà soát" />}
      {view && (
        <>
          <Title order={3}>Sở, ngành quá hạn thẩm định lại</Title>
          {view.overdueDepartments.length === 0 ? (
            <Text>Không có sở, ngành nào quá hạn.</Text>
          ) : (
            <ScrollTable label="Sở, ngành quá hạn thẩm định lại" minWidth={320}>
              <Table striped aria-label="Sở, ngành quá hạn thẩm định lại">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Sở, ngành</Table.Th>
                    <Table.Th>Nhiệm vụ quá hạn</Table.Th>
                    <Table.Th>Hạn sớm nhất</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {view.overdueDepartments.slice(0, allDepartments ? undefined : shortList).map((d) => (
                    <Table.Tr key={d.departmentCode}>
                      <Table.Td>{d.departmentName}</Table.Td>
                      <Table.Td>{formatNumber(d.overdueCount)}</Table.Td>
                      <Table.Td style={nowrap}>{formatDate(d.earliestDueDate)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          )}
          {view.overdueDepartments.length > shortList && (
            <Button variant="subtle" size="compact-sm" w="fit-content" onClick={() => setAllDepartments(!allDepartments)}>
              {allDepartments ? 'Thu gọn' : `Xem cả ${view.overdueDepartments.length} sở, ngành`}
            </Button>
          )}
          <Title order={3}>Số đơn vị theo tình trạng</Title>
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" role="group" aria-label="Số đơn vị theo tình trạng">
            {campaignBuckets.map((b) => (
              <BucketCount key={b} bucket={b} count={view.counts[b] ?? 0} chosen={bucket === b} onChoose={() => go({ ...state, bucket: bucket === b ? undefined : b, page: undefined })} />
            ))}
          </SimpleGrid>
          <Group justify="space-between" gap="xs">
            <Title order={3}>{listName}</Title>
            <Text size="sm" c="dimmed" aria-live="polite">
              {formatNumber(view.total)} đơn vị
            </Text>
          </Group>
          {view.items.length === 0 ? (
            <Text>Không có đơn vị nào.</Text>
          ) : (
            <ScrollTable label={listName} minWidth={640}>
              <Table striped highlightOnHover aria-label={listName}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Đơn vị</Table.Th>
                    <Table.Th>Huyện</Table.Th>
                    <Table.Th>Bước</Table.Th>
                    <Table.Th>Hạn</Table.Th>
                    <Table.Th>Tình trạng</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {view.items.map((i) => (
                    <Table.Tr key={i.recheckId}>
                      <Table.Td>{i.unitName}</Table.Td>
                      <Table.Td>{i.districtCode === null ? '—' : (districtNames.get(i.districtCode) ?? i.districtCode)}</Table.Td>
                      <Table.Td>{stageName(i.stage)}</Table.Td>
                      <Table.Td style={nowrap}>{formatDate(i.dueDate)}</Table.Td>
                      <Table.Td>
                        <BucketBadge bucket={i.bucket} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          )}
          {view.total > pageSize && (
            <Pagination
              total={Math.ceil(view.total / pageSize)}
              value={page}
              onChange={(p) => go({ ...state, page: p > 1 ? String(p) : undefined })}
              getControlProps={(control) => ({ 'aria-label': control === 'next' ? 'Trang sau' : control === 'previous' ? 'Trang trước' : control })}
            />
          )}
        </>
      )}
    </Stack>
  );
}
