import { Anchor, Group } from '@mantine/core';
import { Link } from 'wouter';

/** On a phone, the links between the administrator's pages (the header shows them on wider screens). */
export function AdminNav() {
  return (
    <Group component="nav" aria-label="Quản trị" gap="md" hiddenFrom="sm">
      <Anchor component={Link} href="/quan-tri/danh-muc" size="sm">
        Danh mục
      </Anchor>
      <Anchor component={Link} href="/quan-tri/nguoi-dung" size="sm">
        Người dùng
      </Anchor>
    </Group>
  );
}
