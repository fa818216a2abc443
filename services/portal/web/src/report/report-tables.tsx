import { SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { ScrollTable } from '../components/scroll-table.js';
import { formatDate, formatNumber } from '../format.js';
import { BarChart } from './bar-chart.js';
import { bandLabel, groupWord, signed, type ProgressReport } from './words.js';

const nowrap = { whiteSpace: 'nowrap' } as const;
const num = { textAlign: 'right', whiteSpace: 'nowrap' } as const;

/** The headline figures, as section I.4 of a province's report writes them. */
export function KeyFigures({ report }: { report: ProgressReport }) {
  const s = report.summary;
  const items = [
    { label: 'Số xã đạt chuẩn nông thôn mới', value: `${s.atStandard}/${s.communes} xã`, note: `trong đó ${s.recognisedAtStandard} xã có quyết định công nhận còn hiệu lực` },
    { label: 'Số xã có quyết định công nhận còn hiệu lực', value: `${s.recognised} xã`, note: null },
    { label: 'Tỷ lệ xã đạt chuẩn', value: `${formatNumber(s.sharePercent)}%`, note: null },
    { label: 'Bình quân tiêu chí/xã', value: formatNumber(s.averageMet), note: `trên ${report.criteriaSet.criteriaCount} tiêu chí của ${report.criteriaSet.name}` },
  ];
  return (
    <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm" role="region" aria-label="Số liệu chính">
      {items.map((i) => (
        <Stack key={i.label} gap={2} p="sm" style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 'var(--mantine-radius-sm)' }}>
          <Text size="sm">{i.label}</Text>
          <Text fw={700} size="xl">
            {i.value}
          </Text>
          {i.note && (
            <Text size="xs" c="dimmed">
              {i.note}
            </Text>
          )}
        </Stack>
      ))}
    </SimpleGrid>
  );
}

/** Communes by band of criteria met: a table and its chart. */
export function Bands({ report }: { report: ProgressReport }) {
  const change = new Map((report.change?.bands ?? []).map((b) => [`${b.min}-${b.max}`, b.change]));
  return (
    <Stack gap="sm">
      <Title order={3}>Số xã theo nhóm số tiêu chí đạt</Title>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <ScrollTable label="Số xã theo nhóm số tiêu chí đạt" minWidth={300}>
          <Table striped aria-label="Số xã theo nhóm số tiêu chí đạt">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Nhóm</Table.Th>
                <Table.Th style={num}>Số xã</Table.Th>
                {report.change && <Table.Th style={num}>Thay đổi</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.summary.bands.map((b) => (
                <Table.Tr key={`${b.min}-${b.max}`}>
                  <Table.Td style={nowrap}>{bandLabel(b)}</Table.Td>
                  <Table.Td style={num}>
                    {b.count}/{report.summary.communes}
                  </Table.Td>
                  {report.change && <Table.Td style={num}>{signed(change.get(`${b.min}-${b.max}`) ?? 0, formatNumber)}</Table.Td>}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
        <BarChart title="Biểu đồ số xã theo nhóm số tiêu chí đạt" unit="xã" bars={report.summary.bands.map((b) => ({ label: bandLabel(b), value: b.count }))} />
      </SimpleGrid>
    </Stack>
  );
}

/** The same figures per district (or per province for the country). */
export function Groups({ report }: { report: ProgressReport }) {
  if (report.groups.length === 0) return null;
  const word = groupWord(report.groupLevel);
  // Only districts working toward district NTM have a status on the district criteria.
  const districtCriteria = report.groups.some((g) => g.districtCriteria !== null);
  const title = `Kết quả theo ${word.toLowerCase()}`;
  return (
    <Stack gap="sm">
      <Title order={3}>{title}</Title>
      <ScrollTable label={title} minWidth={districtCriteria ? 760 : 560}>
        <Table striped aria-label={title}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{word}</Table.Th>
              <Table.Th style={num}>Xã đạt chuẩn</Table.Th>
              <Table.Th style={num}>Có QĐ công nhận</Table.Th>
              <Table.Th style={num}>Tỷ lệ (%)</Table.Th>
              <Table.Th style={num}>Bình quân tiêu chí/xã</Table.Th>
              {districtCriteria && <Table.Th style={nowrap}>Tiêu chí huyện nông thôn mới</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.groups.map((g) => (
              <Table.Tr key={g.code}>
                <Table.Td style={nowrap}>{g.name}</Table.Td>
                <Table.Td style={num}>
                  {g.figures.atStandard}/{g.figures.communes}
                </Table.Td>
                <Table.Td style={num}>{g.figures.recognised}</Table.Td>
                <Table.Td style={num}>{formatNumber(g.figures.sharePercent)}</Table.Td>
                <Table.Td style={num}>{formatNumber(g.figures.averageMet)}</Table.Td>
                {districtCriteria && <Table.Td>{g.districtCriteria ? `đạt ${g.districtCriteria.met}/${g.districtCriteria.total} tiêu chí (${g.districtCriteria.indicatorsMet}/${g.districtCriteria.indicatorsTotal} chỉ tiêu)` : '—'}</Table.Td>}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </Stack>
  );
}

/** For each criterion, how many communes do not meet it: a table and its chart. */
export function UnmetCriteria({ report }: { report: ProgressReport }) {
  const title = 'Số xã chưa đạt từng tiêu chí';
  return (
    <Stack gap="sm">
      <Title order={3}>{title}</Title>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <ScrollTable label={title} minWidth={440}>
          <Table striped aria-label={title}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Tiêu chí</Table.Th>
                <Table.Th style={num}>Số xã chưa đạt</Table.Th>
                <Table.Th style={num}>Tỷ lệ (%)</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.criteria.map((c) => (
                <Table.Tr key={c.code}>
                  <Table.Td>
                    {c.number}. {c.name}
                  </Table.Td>
                  <Table.Td style={num}>{c.notMet}</Table.Td>
                  <Table.Td style={num}>{formatNumber(c.notMetPercent)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
        <BarChart title="Biểu đồ số xã chưa đạt từng tiêu chí" unit="xã" bars={report.criteria.map((c) => ({ label: `${c.number}. ${c.name}`, value: c.notMet }))} />
      </SimpleGrid>
    </Stack>
  );
}

/** The change since the comparison date, when one was chosen. */
export function Change({ report }: { report: ProgressReport }) {
  const c = report.change;
  if (!c) return null;
  const names = (list: Array<{ name: string }>) => (list.length === 0 ? 'không có' : list.map((u) => u.name).join(', '));
  return (
    <Stack gap={4} role="region" aria-label="Thay đổi so với ngày so sánh">
      <Title order={3}>So với ngày {formatDate(c.since)}</Title>
      <Text>
        Số xã đạt chuẩn: {signed(c.atStandard, formatNumber)} xã; có quyết định công nhận: {signed(c.recognised, formatNumber)} xã; tỷ lệ: {signed(c.sharePercent, formatNumber)} điểm phần trăm; bình quân tiêu chí/xã:{' '}
        {signed(c.averageMet, formatNumber)}.
      </Text>
      <Text>Xã mới đạt chuẩn: {names(c.reachedStandard)}.</Text>
      <Text>Xã không còn đạt chuẩn: {names(c.lostStandard)}.</Text>
    </Stack>
  );
}

type CommuneRow = { code: string; name: string; groupName: string | null; met: number; total: number };

/** Communes with their count of criteria met and a list of criteria named: planned (unmet ones) or advanced (met ones). */
function CommuneCriteriaTable<T extends CommuneRow>({ title, groupHeader, criteriaHeader, communes, criteria }: { title: string; groupHeader: string; criteriaHeader: string; communes: readonly T[]; criteria: (c: T) => string }) {
  return (
    <ScrollTable label={title} minWidth={560}>
      <Table striped aria-label={title}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Xã</Table.Th>
            <Table.Th>{groupHeader}</Table.Th>
            <Table.Th style={num}>Số tiêu chí đạt</Table.Th>
            <Table.Th>{criteriaHeader}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {communes.map((c) => (
            <Table.Tr key={c.code}>
              <Table.Td style={nowrap}>{c.name}</Table.Td>
              <Table.Td style={nowrap}>{c.groupName ?? '—'}</Table.Td>
              <Table.Td style={num}>
                {c.met}/{c.total}
              </Table.Td>
              <Table.Td>{criteria(c)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

/** The communes the province plans to reach the standard, per year, with the criteria they still miss. */
export function Planned({ report }: { report: ProgressReport }) {
  if (report.planned.length === 0) return null;
  return (
    <Stack gap="sm">
      <Title order={3}>Xã dự kiến đạt chuẩn nông thôn mới</Title>
      {report.planned.map((p) => {
        const title = `Xã dự kiến đạt chuẩn trong năm ${p.year}`;
        return (
          <Stack key={p.year} gap={4}>
            <Text fw={600}>
              {title} ({p.communes.length} xã; bình quân {formatNumber(p.averageMet)} tiêu chí/xã)
            </Text>
            <CommuneCriteriaTable
              title={title}
              groupHeader={groupWord(report.groupLevel)}
              criteriaHeader="Tiêu chí chưa đạt"
              communes={p.communes}
              criteria={(c) => (c.unmetCriteria.length === 0 ? 'đạt đủ' : c.unmetCriteria.join('; '))}
            />
          </Stack>
        );
      })}
    </Stack>
  );
}

/** Communes working toward the advanced standard, with the criteria they already meet. */
export function Advanced({ report }: { report: ProgressReport }) {
  const advanced = report.advanced;
  if (!advanced || advanced.communes.length === 0) return null;
  const title = `Xã nông thôn mới nâng cao (${advanced.criteriaSet.name})`;
  return (
    <Stack gap="sm">
      <Title order={3}>{title}</Title>
      <CommuneCriteriaTable
        title={title}
        groupHeader={groupWord(report.groupLevel)}
        criteriaHeader="Tiêu chí đã đạt"
        communes={advanced.communes}
        criteria={(c) => (c.metCriteria.length === 0 ? 'chưa có' : c.metCriteria.join('; '))}
      />
    </Stack>
  );
}

/** Villages at standard and the average of the others, where the province has a village set. */
export function Villages({ report }: { report: ProgressReport }) {
  const v = report.villages;
  if (!v || v.villages === 0) return null;
  return (
    <Stack gap={4} role="region" aria-label="Thôn, bản">
      <Title order={3}>Thôn, bản</Title>
      <Text>
        Số thôn, bản đạt chuẩn: {v.atStandard}/{v.villages}; các thôn, bản còn lại đạt bình quân {formatNumber(v.averageMetOfOthers)}/{v.criteriaCount} tiêu chí.
      </Text>
    </Stack>
  );
}
