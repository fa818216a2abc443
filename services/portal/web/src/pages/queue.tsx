import { Alert, Anchor, Badge, Card, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import { dossierApi, problemText } from '../api/client.js';
import type { components } from '../api/generated/dossier-api.js';
import { formatDate } from '../format.js';
import { useSession } from '../session.js';
import { ScrollTable } from '../components/scroll-table.js';

type Task = components['schemas']['AppraisalTask'];

/** Overdue first, then the nearest deadline (the API orders each department's tasks the same way). */
const urgency = (a: Task, b: Task) => Number(b.overdue) - Number(a.overdue) || a.dueDate.localeCompare(b.dueDate);

/** A department officer's work queue: open appraisal tasks across every unit, overdue and nearest deadline first. */
export default function QueuePage() {
  const { user } = useSession();
  const departments = [...new Set((user?.grants ?? []).filter((g) => g.role === 'department_officer' && g.departmentCode).map((g) => g.departmentCode ?? ''))];
  const [tasks, setTasks] = useState<Task[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [district, setDistrict] = useState<string | null>(null);

  useEffect(() => {
    void Promise.all(departments.map((department) => dossierApi.GET('/appraisal-tasks', { params: { query: { department, page: 1, pageSize: 100, open: 'true' } } }))).then((answers) => {
      const failed = answers.find((a) => !a.data);
      if (failed) setError(problemText(failed.error));
      setTasks(answers.flatMap((a) => a.data?.items ?? []).sort(urgency));
    });
    // Departments come from the signed-in user, fixed for the page's life.
  }, []);

  const districts = [...new Map((tasks ?? []).flatMap((t) => (t.districtCode === null ? [] : [[t.districtCode, t.districtName ?? t.districtCode] as const]))).entries()].map(([value, label]) => ({ value, label }));
  const shown = (tasks ?? []).filter((t) => district === null || t.districtCode === district);
  return (
    <Stack>
      <Title order={2}>Việc thẩm định</Title>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      {districts.length > 1 && <Select label="Lọc theo huyện" placeholder="Tất cả các huyện" data={districts} value={district} onChange={setDistrict} clearable maw={280} />}
      {tasks && shown.length === 0 && <Text>Không có việc thẩm định đang mở.</Text>}
      {shown.length > 0 && (
        <ScrollTable label="Việc thẩm định" minWidth={520} visibleFrom="sm">
          <Table aria-label="Việc thẩm định" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Hồ sơ</Table.Th>
                <Table.Th>Xã</Table.Th>
                <Table.Th>Huyện</Table.Th>
                <Table.Th>Tiêu chí</Table.Th>
                <Table.Th>Hạn</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((t) => (
                <Table.Tr key={`${t.dossierId}-${t.departmentCode}-${t.round}`}>
                  <Table.Td>
                    <Anchor component={Link} href={`/ho-so/${t.dossierId}`}>
                      {t.trackingCode}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{t.unitName}</Table.Td>
                  <Table.Td>{t.districtName ?? '—'}</Table.Td>
                  <Table.Td>
                    {t.departmentCode}: {t.criterionCodes.join(', ')}
                  </Table.Td>
                  <Table.Td>
                    {formatDate(t.dueDate)}{' '}
                    {t.overdue && (
                      <Badge color="red" variant="light">
                        Quá hạn
                      </Badge>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
      {/* On a phone each task is a card, its deadline in view: a table does not fit 360 px. */}
      {shown.length > 0 && (
        <Stack hiddenFrom="sm" gap="sm">
          {shown.map((t) => (
            <Card key={`${t.dossierId}-${t.departmentCode}-${t.round}`} withBorder padding="sm" component={Link} href={`/ho-so/${t.dossierId}`}>
              <Group justify="space-between" gap={6}>
                <Text fw={600}>{t.trackingCode}</Text>
                {t.overdue && (
                  <Badge color="red" variant="light">
                    Quá hạn
                  </Badge>
                )}
              </Group>
              <Text size="sm">
                {t.unitName}
                {t.districtName ? `, ${t.districtName}` : ''}
              </Text>
              <Text size="sm">
                Hạn {formatDate(t.dueDate)} · {t.departmentCode}: {t.criterionCodes.join(', ')}
              </Text>
            </Card>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
