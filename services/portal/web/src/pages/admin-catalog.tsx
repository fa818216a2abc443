import { Alert, Badge, Button, Card, FileInput, Group, List, ScrollArea, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { dossierApi, type Problem } from '../api/client.js';
import type { components } from '../api/generated/dossier-api.js';
import { AdminNav } from '../admin/admin-nav.js';
import { ProblemAlert } from '../admin/problem-alert.js';
import { formatNumber } from '../format.js';

type Report = components['schemas']['CatalogImportReport'];
type Kind = 'catalog' | 'units';
type Outcome = { kind: 'checked'; report: Report } | { kind: 'applied'; report: Report } | { kind: 'refused'; problem: Problem } | null;

/** Sends the file as it is (the API reads and checks it, malformed JSON included); dry run or for real. */
async function send(kind: Kind, text: string, province: string | null, dryRun: boolean) {
  const query = { dryRun: dryRun ? ('true' as const) : ('false' as const) };
  if (kind === 'catalog') {
    return dossierApi.POST('/catalog/import', { params: { query }, body: {}, bodySerializer: () => text, headers: { 'content-type': 'application/json' } });
  }
  return dossierApi.POST('/catalog/provinces/{code}/units', { params: { path: { code: province ?? '' }, query }, body: text, bodySerializer: (b: string) => b, headers: { 'content-type': 'text/csv' } });
}

const summary = (report: Report) => {
  const added = report.changes.filter((c) => c.action === 'create').length;
  const updated = report.changes.length - added;
  return `${formatNumber(added)} mục thêm mới, ${formatNumber(updated)} mục cập nhật, ${formatNumber(report.unchanged)} mục không đổi`;
};

const shown = 500;

/** The list of changes as the API words them; a province's first import can list thousands, the first 500 are shown. */
function ChangeList({ report }: { report: Report }) {
  return (
    <ScrollArea.Autosize mah={420} type="auto" offsetScrollbars tabIndex={0} role="region" aria-label="Danh sách thay đổi">
      <List spacing={4} size="sm">
        {report.changes.slice(0, shown).map((c) => (
          <List.Item key={`${c.entity}:${c.key}`} icon={<Badge size="sm" variant="light" color={c.action === 'create' ? 'teal' : 'blue'} w={80}>{c.action === 'create' ? 'Thêm' : 'Cập nhật'}</Badge>}>
            {c.description}
          </List.Item>
        ))}
        {report.changes.length > shown && <List.Item>và {formatNumber(report.changes.length - shown)} thay đổi khác</List.Item>}
      </List>
    </ScrollArea.Autosize>
  );
}

/**
 * A system administrator imports a catalog file (docs/catalog-file.md) or a province's units as
 * CSV: the dry run comes first and lists what would change; only then can it be applied.
 */
export default function AdminCatalogPage() {
  const [kind, setKind] = useState<Kind>('catalog');
  const [file, setFile] = useState<File | null>(null);
  const [province, setProvince] = useState<string | null>(null);
  const [provinces, setProvinces] = useState<Array<{ value: string; label: string }>>([]);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void dossierApi.GET('/catalog/units', { params: { query: { level: 'province', page: 1, pageSize: 200 } } }).then(({ data }) => setProvinces((data?.items ?? []).map((u) => ({ value: u.code, label: u.name }))));
  }, []);
  // Another file, kind or province: the earlier dry run no longer says what would change.
  useEffect(() => setOutcome(null), [kind, file, province]);

  async function run(dryRun: boolean) {
    if (!file) return;
    setBusy(true);
    try {
      const { data, error } = await send(kind, await file.text(), province, dryRun);
      setOutcome(data ? { kind: dryRun ? 'checked' : 'applied', report: data } : { kind: 'refused', problem: (error ?? {}) });
    } finally {
      setBusy(false);
    }
  }

  const ready = file !== null && (kind === 'catalog' || province !== null);
  return (
    <Stack maw={860}>
      <AdminNav />
      <Title order={2}>Nhập danh mục</Title>
      <Text>
        Tệp được kiểm tra trước (chạy thử, chưa ghi gì) và liệt kê những gì sẽ thay đổi; chỉ sau đó mới áp dụng được. Việc nhập là tất cả hoặc không: một lỗi thì không có gì được ghi. Mục không có trong tệp được giữ nguyên.
      </Text>
      <Card withBorder>
        <Stack gap="sm">
          <SegmentedControl
            value={kind}
            onChange={(v) => setKind(v === 'units' ? 'units' : 'catalog')}
            data={[
              { value: 'catalog', label: 'Danh mục (JSON)' },
              { value: 'units', label: 'Đơn vị (CSV)' },
            ]}
            aria-label="Loại tệp"
            fullWidth
          />
          {kind === 'units' && <Select label="Tỉnh" placeholder="Chọn tỉnh" data={provinces} value={province} onChange={setProvince} searchable required maw={360} />}
          <FileInput
            label={kind === 'catalog' ? 'Tệp danh mục (ntm-catalog/1)' : 'Tệp CSV đơn vị hành chính'}
            description={kind === 'catalog' ? 'Định dạng: docs/catalog-file.md' : 'Cột: code, name, level, parent_code, valid_from, valid_to; dòng tiêu đề là dòng 1'}
            placeholder="Chọn tệp"
            accept={kind === 'catalog' ? '.json,application/json' : '.csv,text/csv'}
            value={file}
            onChange={setFile}
            clearable
            clearButtonProps={{ 'aria-label': 'Bỏ tệp đã chọn' }}
          />
          <Group>
            <Button onClick={() => void run(true)} disabled={!ready} loading={busy && outcome?.kind !== 'checked'}>
              Chạy thử
            </Button>
          </Group>
        </Stack>
      </Card>

      {outcome?.kind === 'refused' && <ProblemAlert problem={outcome.problem} title="Tệp không được nhận; danh mục không thay đổi" />}
      {outcome?.kind === 'checked' && (
        <Card withBorder>
          <Stack gap="sm">
            <Title order={3} size="h4">
              Kết quả chạy thử: {outcome.report.changes.length === 0 ? 'không có gì thay đổi' : `${formatNumber(outcome.report.changes.length)} thay đổi`}
            </Title>
            <Text size="sm">{summary(outcome.report)}. Chưa có gì được ghi.</Text>
            {outcome.report.changes.length > 0 && (
              <>
                <ChangeList report={outcome.report} />
                <Group>
                  <Button onClick={() => void run(false)} loading={busy}>
                    Áp dụng
                  </Button>
                  <Button variant="default" onClick={() => setOutcome(null)} disabled={busy}>
                    Hủy
                  </Button>
                </Group>
              </>
            )}
          </Stack>
        </Card>
      )}
      {outcome?.kind === 'applied' && (
        <Alert color="teal" role="status" title="Đã áp dụng">
          {formatNumber(outcome.report.changes.length)} thay đổi đã được ghi vào danh mục ({summary(outcome.report)}). Hồ sơ đã lập giữ nguyên kế hoạch lúc lập.
        </Alert>
      )}
    </Stack>
  );
}
