import { vietnamDay } from '@ntm/domain/vietnam-time';
import { Alert, Anchor, Badge, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import { dossierApi, problemText } from '../api/client.js';
import type { components } from '../api/generated/dossier-api.js';
import { formatDate } from '../format.js';
import { useSession } from '../session.js';

type Task = components['schemas']['AppraisalTask'];
const today = () => vietnamDay(Date.now());

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
      setTasks(answers.flatMap((a) => a.data?.items ?? []).sort((a, b) => a.dueDate.localeCompare(b.dueDate)));
    });
    // Departments come from the signed-in user, fixed for the page's life.
  }, []);

  const districtOf = (t: Task) => t.unitCode.split('-').slice(0, 2).join('-');
  const districts = [...new Set((tasks ?? []).map(districtOf))];
  const shown = (tasks ?? []).filter((t) => district === null || districtOf(t) === district);
  return (
    <Stack>
      <Title order={2}>Việc thẩm định</Title>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      {districts.length > 1 && <Select label="Lọc theo huyện" data={districts} value={district} onChange={setDistrict} clearable maw={280} />}
      {tasks && shown.length === 0 && <Text>Không có việc thẩm định đang mở.</Text>}
      {shown.length > 0 && (
        <Table.ScrollContainer minWidth={520}>
          <Table aria-label="Việc thẩm định" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Hồ sơ</Table.Th>
                <Table.Th>Đơn vị</Table.Th>
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
                  <Table.Td>{t.unitCode}</Table.Td>
                  <Table.Td>
                    {t.departmentCode}: {t.criterionCodes.join(', ')}
                  </Table.Td>
                  <Table.Td>
                    {formatDate(t.dueDate)}{' '}
                    {t.dueDate < today() && (
                      <Badge color="red" variant="light">
                        Quá hạn
                      </Badge>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
