import { Alert, Anchor, Badge, Button, Card, Group, Loader, Pagination, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { isRole } from '@ntm/domain/authorization';
import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import { dossierApi, problemText } from '../api/client.js';
import type { components } from '../api/generated/dossier-api.js';
import { ScrollTable } from '../components/scroll-table.js';
import { AdminNav } from '../admin/admin-nav.js';
import { roleLabel, roleOptions } from '../admin/words.js';
import { departmentKey, unitKey, useGrantNames, type GrantNames } from '../admin/grant-names.js';

type Account = components['schemas']['UserAccount'];
type Grant = components['schemas']['UserGrant'];
const pageSize = 50;

const grantKey = (g: Grant) => [g.role, g.unitCode, g.departmentCode].join('|');

/** A grant as people read it: the role, then the unit's and the department's names from the catalog (codes until they arrive). */
function grantText(g: Grant, names: GrantNames): string {
  const unit = g.unitCode === null ? null : (names.get(unitKey(g.unitCode)) ?? g.unitCode);
  const department = g.unitCode === null || g.departmentCode === null ? g.departmentCode : (names.get(departmentKey(g.unitCode, g.departmentCode)) ?? g.departmentCode);
  return [roleLabel(g.role), unit, department].filter((x) => x !== null).join(' · ');
}

function Grants({ grants, names }: { grants: Grant[]; names: GrantNames }) {
  if (grants.length === 0) return <Text size="sm" c="dimmed">Chưa có quyền</Text>;
  return (
    <Group gap={4}>
      {grants.map((g) => (
        // Names are long ("Sở Nông nghiệp và Môi trường"): the badge wraps rather than cutting them.
        <Badge key={grantKey(g)} variant="light" maw="100%" h="auto" py={2} tt="none" styles={{ label: { whiteSpace: 'normal' } }}>
          {grantText(g, names)}
        </Badge>
      ))}
    </Group>
  );
}

const Status = ({ disabled }: { disabled: boolean }) => (disabled ? <Badge color="red" variant="light">Đã khóa</Badge> : <Badge color="teal" variant="light">Đang hoạt động</Badge>);

/** A system administrator's list of users: search by username or name, filter by role. */
export default function AdminUsersPage() {
  const [q, setQ] = useState('');
  const [typed] = useDebouncedValue(q.trim(), 300);
  const [role, setRole] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [result, setResult] = useState<{ items: Account[]; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => setPage(1), [typed, role]);
  useEffect(() => {
    let live = true;
    const query = { page, pageSize, ...(typed === '' ? {} : { q: typed }), ...(role !== null && isRole(role) ? { role } : {}) };
    void dossierApi.GET('/users', { params: { query } }).then(({ data, error: problem }) => {
      if (!live) return;
      if (data) {
        setResult(data);
        setError(null);
      } else setError(problemText(problem));
    });
    return () => {
      live = false;
    };
  }, [typed, role, page]);

  const items = result?.items ?? [];
  const names = useGrantNames(items.flatMap((u) => u.grants));
  return (
    <Stack>
      <AdminNav />
      <Group justify="space-between">
        <Title order={2}>Người dùng</Title>
        <Button component={Link} href="/quan-tri/them-nguoi-dung">
          Thêm người dùng
        </Button>
      </Group>
      <Group align="flex-end" gap="sm">
        <TextInput label="Tìm người dùng" placeholder="Tên đăng nhập hoặc họ tên" value={q} onChange={(e) => setQ(e.currentTarget.value)} w={{ base: '100%', sm: 320 }} />
        <Select label="Vai trò" placeholder="Tất cả vai trò" data={roleOptions} value={role} onChange={setRole} clearable w={{ base: '100%', sm: 300 }} />
      </Group>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      {!result && !error && <Loader aria-label="Đang tải danh sách người dùng" />}
      {result && (
        <Text size="sm" aria-live="polite">
          {result.total === 0 ? 'Không có người dùng nào khớp.' : `${result.total} người dùng`}
        </Text>
      )}
      {items.length > 0 && (
        <ScrollTable label="Danh sách người dùng" minWidth={640} visibleFrom="sm">
          <Table striped aria-label="Danh sách người dùng">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Tên đăng nhập</Table.Th>
                <Table.Th>Họ tên</Table.Th>
                <Table.Th>Quyền</Table.Th>
                <Table.Th>Trạng thái</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((u) => (
                <Table.Tr key={u.id}>
                  <Table.Td>
                    <Anchor component={Link} href={`/quan-tri/nguoi-dung/${encodeURIComponent(u.username)}`}>
                      {u.username}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{u.displayName}</Table.Td>
                  <Table.Td>
                    <Grants grants={u.grants} names={names} />
                  </Table.Td>
                  <Table.Td>
                    <Status disabled={u.disabled} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
      {/* On a phone each user is a card: a table does not fit 360 px. */}
      {items.length > 0 && (
        <Stack hiddenFrom="sm" gap="sm">
          {items.map((u) => (
            <Card key={u.id} withBorder padding="sm" component={Link} href={`/quan-tri/nguoi-dung/${encodeURIComponent(u.username)}`}>
              <Group justify="space-between" gap={6}>
                <Text fw={600}>{u.username}</Text>
                <Status disabled={u.disabled} />
              </Group>
              <Text size="sm" mb={4}>
                {u.displayName}
              </Text>
              <Grants grants={u.grants} names={names} />
            </Card>
          ))}
        </Stack>
      )}
      {result && result.total > pageSize && <Pagination total={Math.ceil(result.total / pageSize)} value={page} onChange={setPage} getControlProps={(control) => ({ 'aria-label': control === 'next' ? 'Trang sau' : 'Trang trước' })} getItemProps={(p) => ({ 'aria-label': `Trang ${p}` })} />}
    </Stack>
  );
}
