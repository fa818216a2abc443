import { AppShell, Button, Group, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { useSession } from '../session.js';

/** The frame of every signed-in page: the service's name, who is signed in, sign-out. */
export function Shell({ children }: { children: ReactNode }) {
  const { user, signOut } = useSession();
  return (
    <AppShell header={{ height: 56 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Link href="/" style={{ textDecoration: 'none', color: 'inherit' }}>
            <Title order={1} size="h4">
              Hồ sơ nông thôn mới
            </Title>
          </Link>
          <Group gap="sm" wrap="nowrap">
            <Text size="sm" visibleFrom="sm" truncate="end" maw={280}>
              {user?.displayName}
            </Text>
            <Button variant="default" size="xs" onClick={() => void signOut()}>
              Đăng xuất
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main>{children}</AppShell.Main>
    </AppShell>
  );
}
