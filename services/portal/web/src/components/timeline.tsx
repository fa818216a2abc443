import { Badge, Table, Title } from '@mantine/core';
import type { components } from '../api/generated/dossier-api.js';
import { formatDate } from '../format.js';
import { ScrollTable } from './scroll-table.js';

type ProcessControl = components['schemas']['ProcessControl'];
type Step = Pick<ProcessControl['steps'][number], 'stageName' | 'startedAt' | 'dueDate' | 'endedAt' | 'status'>;

const statusLabels: Record<ProcessControl['steps'][number]['status'], { label: string; color: string }> = {
  on_time: { label: 'Đúng hạn', color: 'teal' },
  late: { label: 'Trễ hạn', color: 'red' },
  in_progress: { label: 'Đang xử lý', color: 'blue' },
  overdue: { label: 'Quá hạn', color: 'red' },
  no_budget: { label: 'Không quy định thời hạn', color: 'gray' },
};

/** The process-control record (phiếu kiểm soát quá trình): each step's dates, due date and standing. */
export function Timeline({ control }: { control: { steps: Step[] } }) {
  return (
    <section aria-labelledby="timeline-title">
      <Title order={3} id="timeline-title" size="h4" mb="xs">
        Phiếu kiểm soát quá trình
      </Title>
      <ScrollTable label="Phiếu kiểm soát quá trình" minWidth={520}>
        <Table aria-labelledby="timeline-title">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Bước</Table.Th>
              <Table.Th>Bắt đầu</Table.Th>
              <Table.Th>Hạn</Table.Th>
              <Table.Th>Kết thúc</Table.Th>
              <Table.Th>Tình trạng</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {control.steps.map((s, i) => (
              <Table.Tr key={`${s.stageName}-${i}`}>
                <Table.Td>{s.stageName}</Table.Td>
                <Table.Td>{formatDate(s.startedAt)}</Table.Td>
                <Table.Td>{formatDate(s.dueDate)}</Table.Td>
                <Table.Td>{formatDate(s.endedAt)}</Table.Td>
                <Table.Td>
                  {/* Never shortened to "Đang x…" when the table is narrow. */}
                  <Badge color={statusLabels[s.status].color} variant="light" style={{ minWidth: 'max-content' }}>
                    {statusLabels[s.status].label}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </section>
  );
}
