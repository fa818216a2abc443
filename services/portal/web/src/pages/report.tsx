import { Alert, Anchor, Grid, Group, Loader, Select, Stack, Text, Title } from '@mantine/core';
import { vietnamDay } from '@ntm/domain/vietnam-time';
import { useEffect, useState } from 'react';
import { useLocation, useSearch } from 'wouter';
import { unitsFor } from '../access.js';
import { dossierApi, problemText } from '../api/client.js';
import { DayInput } from '../components/day-input.js';
import { formatDate } from '../format.js';
import { Advanced, Bands, Change, Groups, KeyFigures, Planned, UnmetCriteria, Villages } from '../report/report-tables.js';
import { groupWord, type ProgressReport } from '../report/words.js';
import { useSession } from '../session.js';

type Query = { unit?: string; asOf: string; compareTo?: string };

/** A day the address carries (yyyy-mm-dd); anything else is left out. */
const dayIn = (params: URLSearchParams, name: string) => {
  const value = params.get(name);
  return value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null;
};
type Option = { value: string; label: string };

/** The export's address through the portal's origin: the portal forwards it with the session's token. */
function exportHref(format: 'csv' | 'xlsx' | 'pdf', query: Query): string {
  const params = new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => e[1] !== undefined));
  return `/api/dossier/reports/progress/${format}?${params.toString()}`;
}

/**
 * The progress report of the unit the person reads (a district officer: the district; the provincial
 * office and a provincial auditor: the province, or one of its districts; a national auditor: the
 * country, or one province), as of a day and optionally compared with an earlier one. The days and
 * the part chosen stand in the page address, so a report can be bookmarked or sent as a link.
 */
export default function ReportPage() {
  const { user } = useSession();
  const units = unitsFor(user, 'report.read');
  const base = units.includes(null) ? undefined : (units[0] ?? undefined);
  const search = useSearch();
  const [address] = useState(() => new URLSearchParams(search));
  const [, navigate] = useLocation();
  const [asOf, setAsOf] = useState<string | null>(() => dayIn(address, 'asOf') ?? vietnamDay(new Date()));
  const [compareTo, setCompareTo] = useState<string | null>(() => dayIn(address, 'compareTo'));
  const [part, setPart] = useState<string | null>(() => address.get('unit'));
  const [parts, setParts] = useState<{ word: string; options: Option[] }>({ word: 'Huyện', options: [] });
  const [report, setReport] = useState<ProgressReport | null>(null);
  const [error, setError] = useState<string | null>(null);

  const unit = part ?? base;
  const query: Query | null = asOf === null ? null : { ...(unit === undefined ? {} : { unit }), asOf, ...(compareTo === null ? {} : { compareTo }) };
  const key = JSON.stringify(query);

  useEffect(() => {
    if (query === null) return;
    navigate(`/bao-cao?${new URLSearchParams({ ...(part === null ? {} : { unit: part }), asOf: query.asOf, ...(query.compareTo ? { compareTo: query.compareTo } : {}) }).toString()}`, { replace: true });
    let current = true;
    setError(null);
    void dossierApi.GET('/reports/progress', { params: { query } }).then(({ data, error: problem }) => {
      if (!current) return;
      setReport(data ?? null);
      if (!data) setError(problemText(problem));
      // The parts one may choose are the groups of the person's whole scope.
      if (data && part === null) setParts({ word: groupWord(data.groupLevel), options: data.groups.map((g) => ({ value: g.code, label: g.name })) });
    });
    return () => {
      current = false;
    };
  }, [key]);

  useEffect(() => {
    if (part === null || asOf === null) return;
    // Opened at the address of one part: the parts to choose come from the whole scope's report.
    void dossierApi.GET('/reports/progress', { params: { query: { ...(base === undefined ? {} : { unit: base }), asOf } } }).then(({ data }) => {
      if (data) setParts({ word: groupWord(data.groupLevel), options: data.groups.map((g) => ({ value: g.code, label: g.name })) });
    });
  }, []);

  return (
    <Stack>
      <Title order={2}>Báo cáo kết quả xây dựng nông thôn mới</Title>
      <Grid gap="sm" component="form" aria-label="Chọn số liệu báo cáo" onSubmit={(e) => e.preventDefault()}>
        <Grid.Col span={{ base: 6, sm: 4, md: 3 }}>
          <DayInput label="Số liệu đến ngày" value={asOf} onChange={setAsOf} />
        </Grid.Col>
        <Grid.Col span={{ base: 6, sm: 4, md: 3 }}>
          <DayInput label="So sánh với ngày" value={compareTo} onChange={setCompareTo} />
        </Grid.Col>
        {parts.options.length > 0 && (
          <Grid.Col span={{ base: 12, sm: 4, md: 3 }}>
            <Select label={parts.word} placeholder={`Tất cả (${parts.options.length})`} data={parts.options} value={part} onChange={setPart} clearable searchable />
          </Grid.Col>
        )}
      </Grid>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      {!report && !error && query !== null && <Loader aria-label="Đang tải báo cáo" />}
      {report && (
        <>
          <Group justify="space-between" align="flex-end" gap="xs">
            <Text fw={600}>
              {report.scope.name} · số liệu đến ngày {formatDate(report.asOf)}
            </Text>
            {query && (
              <Group gap="md" role="group" aria-label="Tải báo cáo">
                <Anchor href={exportHref('pdf', query)} download>
                  Tải PDF
                </Anchor>
                <Anchor href={exportHref('xlsx', query)} download>
                  Tải XLSX
                </Anchor>
                <Anchor href={exportHref('csv', query)} download>
                  Tải CSV
                </Anchor>
              </Group>
            )}
          </Group>
          <KeyFigures report={report} />
          <Change report={report} />
          <Bands report={report} />
          <Groups report={report} />
          <UnmetCriteria report={report} />
          <Planned report={report} />
          <Advanced report={report} />
          <Villages report={report} />
          <Text size="sm" c="dimmed">
            Nguồn kết quả: {report.sources.appraisal} kết quả thẩm định, {report.sources.selfAssessment} kết quả tự đánh giá, {report.sources.none} chưa có kết quả.
          </Text>
        </>
      )}
    </Stack>
  );
}
