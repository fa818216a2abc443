import { Anchor, AppShell, Button, Group, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { mayRun } from '../access.js';
import { useSession } from '../session.js';

/** The frame of every signed-in page: the service's name, who is signed in, sign-out. */
export function Shell({ children }: { children: ReactNode }) {
  const { user, signOut } = useSession();
  const roles = new Set((user?.grants ?? []).map((g) => g.role));
  return (
    <AppShell header={{ height: 56 }} padding="md">
      <AppShell.Header>
        {/* At 360 px the name, the links and "Đăng xuất" must fit on one line: tighter spacing on a phone. */}
        <Group h="100%" px={{ base: 'sm', sm: 'md' }} justify="space-between" wrap="nowrap" gap="xs">
          <Link href="/" style={{ textDecoration: 'none', color: 'inherit' }}>
            <Title order={1} size="h4" style={{ whiteSpace: 'nowrap' }}>
              Hồ sơ <Text span inherit visibleFrom="sm">nông thôn mới</Text>
              <Text span inherit hiddenFrom="sm">NTM</Text>
            </Title>
          </Link>
          <Group gap="xs" wrap="nowrap">
            {roles.has('commune_officer') && (
              <Anchor component={Link} href="/ho-so/moi" size="sm" style={{ whiteSpace: 'nowrap' }}>
                Lập hồ sơ
              </Anchor>
            )}
            {roles.has('department_officer') && (
              <Anchor component={Link} href="/viec-tham-dinh" size="sm" style={{ whiteSpace: 'nowrap' }}>
                Việc thẩm định
              </Anchor>
            )}
            {mayRun(user, 'report.read') && (
              <Anchor component={Link} href="/bao-cao" size="sm" style={{ whiteSpace: 'nowrap' }}>
                Báo cáo
              </Anchor>
            )}
            {mayRun(user, 'campaign.manage') && (
              <Anchor component={Link} href="/ra-soat" size="sm" style={{ whiteSpace: 'nowrap' }}>
                Rà soát
              </Anchor>
            )}
            {mayRun(user, 'catalog.write') && (
              // On a phone the administrator's pages carry these links themselves: the header has no room.
              <Anchor component={Link} href="/quan-tri/danh-muc" size="sm" visibleFrom="sm" style={{ whiteSpace: 'nowrap' }}>
                Danh mục
              </Anchor>
            )}
            {mayRun(user, 'users.manage') && (
              <Anchor component={Link} href="/quan-tri/nguoi-dung" size="sm" visibleFrom="sm" style={{ whiteSpace: 'nowrap' }}>
                Người dùng
              </Anchor>
            )}
            <Text size="sm" visibleFrom="sm" truncate="end" maw={280}>
              {user?.displayName}
            </Text>
            <Button variant="default" size="xs" px={8} style={{ flexShrink: 0 }} onClick={() => void signOut()}>
              Đăng xuất
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main>{children}</AppShell.Main>
    </AppShell>
  );
}
