import { Button, Stack, Text, Title } from '@mantine/core';
import { Link } from 'wouter';

/** An address that names nothing this person may see: the same page whether it exists or not. */
export default function NotFoundPage({ what = 'trang' }: { what?: string }) {
  return (
    <Stack align="flex-start" gap="sm" py="xl">
      <Title order={2}>Không tìm thấy {what}</Title>
      <Text>Địa chỉ này không có, hoặc không thuộc phạm vi tài khoản của bạn.</Text>
      <Button component={Link} href="/" variant="light">
        Về danh sách hồ sơ
      </Button>
    </Stack>
  );
}
