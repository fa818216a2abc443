import { Alert, Anchor, Box, Button, Container, Divider, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { signInErrorText } from '../../../src/sign-in-errors.js';
import { readSignInOptions, signIn, useSession, type SignInOptions } from '../session.js';

/**
 * Sign-in with the built-in issuer's users, and through the province's OIDC provider when the
 * portal has one (its button; the flow runs on the server). A sign-in the provider's way that
 * failed comes back here with its reason (`?loi=`). The public tracking lookup and decision
 * verification are reachable from here.
 */
export function SignInPage() {
  const { signedIn } = useSession();
  const [, navigate] = useLocation();
  const search = useSearch();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(() => signInErrorText(new URLSearchParams(search).get('loi')));
  const [busy, setBusy] = useState(false);
  const [options, setOptions] = useState<SignInOptions>({ oidc: null });
  useEffect(() => {
    void readSignInOptions().then(setOptions);
  }, []);
  const next = new URLSearchParams(search).get('tiep');

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const result = await signIn(username.trim(), password).catch(() => ({ problem: { detail: 'Không kết nối được máy chủ. Vui lòng thử lại.', title: undefined } }));
    setBusy(false);
    if ('problem' in result) {
      setError(result.problem.detail ?? result.problem.title ?? 'Đăng nhập không thành công.');
      return;
    }
    signedIn(result.user);
    navigate(next?.startsWith('/') && !next.startsWith('//') ? next : '/', { replace: true });
  }

  return (
    <Box component="main" py="xl">
      <Container size={420}>
        <Title order={1} ta="center" size="h2">
          Hồ sơ nông thôn mới
        </Title>
        <Text ta="center" c="dimmed" size="sm" mt={4}>
          Công nhận xã, thôn đạt chuẩn nông thôn mới
        </Text>
        <Paper withBorder shadow="sm" p="lg" mt="lg" radius="md">
          <form onSubmit={(e) => void submit(e)} aria-label="Đăng nhập">
            <Stack>
              <Title order={2} size="h4">
                Đăng nhập
              </Title>
              {error && (
                <Alert color="red" role="alert" title="Không đăng nhập được">
                  {error}
                </Alert>
              )}
              <TextInput label="Tên đăng nhập" name="username" autoComplete="username" required value={username} onChange={(e) => setUsername(e.currentTarget.value)} />
              <PasswordInput label="Mật khẩu" name="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.currentTarget.value)} />
              <Button type="submit" loading={busy} fullWidth>
                Đăng nhập
              </Button>
              {options.oidc && (
                <>
                  <Divider label="hoặc" labelPosition="center" />
                  <Button component="a" href={next ? `${options.oidc.start}?tiep=${encodeURIComponent(next)}` : options.oidc.start} variant="default" fullWidth>
                    {options.oidc.label}
                  </Button>
                </>
              )}
            </Stack>
          </form>
        </Paper>
        {/* For anyone, without signing in: the dossier API's public lookup and decision verification, through this origin. */}
        <Stack gap={4} mt="md" align="center" component="nav" aria-label="Tra cứu công khai">
          <Text size="sm" ta="center">
            Không cần đăng nhập:
          </Text>
          <Group gap="lg" justify="center">
            <Anchor component={Link} href="/tra-cuu" size="sm" style={{ whiteSpace: 'nowrap' }}>
              Tra cứu hồ sơ
            </Anchor>
            <Anchor component={Link} href="/xac-thuc-quyet-dinh" size="sm" style={{ whiteSpace: 'nowrap' }}>
              Xác thực quyết định
            </Anchor>
          </Group>
        </Stack>
      </Container>
    </Box>
  );
}
