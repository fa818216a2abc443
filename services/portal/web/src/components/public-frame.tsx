import { Anchor, Box, Container, Group, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { useSession } from '../session.js';

/** The frame of the pages anyone may open without signing in (tracking lookup, decision verification). */
export function PublicFrame({ title, children }: { title: string; children: ReactNode }) {
  const { user } = useSession();
  const page = (
    <>
      <Title order={user ? 2 : 1} size="h2">
        {title}
      </Title>
      {children}
      <Group gap="md" mt="md">
        <Anchor component={Link} href="/tra-cuu" size="sm">
          Tra cứu hồ sơ
        </Anchor>
        <Anchor component={Link} href="/xac-thuc-quyet-dinh" size="sm">
          Xác thực quyết định
        </Anchor>
        {!user && (
          <Anchor component={Link} href="/dang-nhap" size="sm">
            Đăng nhập
          </Anchor>
        )}
      </Group>
    </>
  );
  // Signed in, the shell already gives the page its landmarks.
  if (user) return <Box maw={720}>{page}</Box>;
  return (
    <Box component="main" py="xl">
      <Container size={720}>
        <Text c="dimmed" size="sm">
          Hồ sơ nông thôn mới
        </Text>
        {page}
      </Container>
    </Box>
  );
}
