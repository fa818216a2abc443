import { Alert, Anchor, Badge, Button, Card, Group, Loader, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { dossierApi, type Problem } from '../api/client.js';
import type { components } from '../api/generated/dossier-api.js';
import { GrantEditor, type Grant } from '../admin/grant-editor.js';
import { ProblemAlert } from '../admin/problem-alert.js';
import { formatDateTime } from '../format.js';
import NotFoundPage from './not-found.js';

type Account = components['schemas']['UserAccount'];
type Put = components['schemas']['UserAccountPut'];

interface Form {
  username: string;
  displayName: string;
  oidcSubject: string;
  password: string;
  grants: Grant[];
}

const emptyForm: Form = { username: '', displayName: '', oidcSubject: '', password: '', grants: [] };
const formOf = (a: Account): Form => ({ username: a.username, displayName: a.displayName, oidcSubject: a.oidcSubject ?? '', password: '', grants: a.grants });

/** The field errors the API answered, by location; those no field shows go in the alert. */
const fieldErrors = (problem: Problem | null) => new Map((problem?.errors ?? []).map((e) => [e.location, e.message]));

/**
 * One user for a system administrator: create (username null) or view and edit them, their
 * grants (replaced whole when saved, through PUT /users/{username}), and disable or enable them.
 */
export default function AdminUserPage({ username }: { username: string | null }) {
  const [, navigate] = useLocation();
  const [account, setAccount] = useState<Account | null | 'missing'>(null);
  const [form, setForm] = useState<Form>(emptyForm);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setProblem(null);
    if (username === null) {
      setAccount(null);
      setForm(emptyForm);
      return;
    }
    void dossierApi.GET('/users/{username}', { params: { path: { username } } }).then(({ data, error }) => {
      if (data) {
        setAccount(data);
        setForm(formOf(data));
      } else if (error && (error as Problem).status === 404) setAccount('missing');
      else setProblem((error ?? {}));
    });
  }, [username]);

  async function put(target: string, body: Put, done: string) {
    setBusy(true);
    setSaved(null);
    try {
      const { data, error } = await dossierApi.PUT('/users/{username}', { params: { path: { username: target } }, body });
      if (!data) {
        setProblem((error ?? {}));
        return;
      }
      setProblem(null);
      setAccount(data);
      setForm(formOf(data));
      setSaved(done);
      if (username === null) navigate(`/quan-tri/nguoi-dung/${encodeURIComponent(data.username)}`, { replace: true });
    } finally {
      setBusy(false);
    }
  }

  function save() {
    const target = username ?? form.username.trim().toLowerCase();
    const body: Put = {
      displayName: form.displayName,
      oidcSubject: form.oidcSubject.trim() === '' ? null : form.oidcSubject.trim(),
      grants: form.grants,
      ...(form.password === '' ? {} : { password: form.password }),
    };
    void put(target, body, username === null ? 'Đã tạo người dùng.' : 'Đã lưu thay đổi.');
  }

  function setDisabled(disabled: boolean) {
    if (typeof account !== 'object' || account === null) return;
    // What is stored, with only the lock changed: edits not yet saved are not sent along.
    void put(account.username, { displayName: account.displayName, grants: account.grants, disabled }, disabled ? 'Đã khóa tài khoản.' : 'Đã mở khóa tài khoản.');
  }

  if (account === 'missing') return <NotFoundPage what="người dùng" />;
  if (username !== null && account === null && problem === null) return <Loader aria-label="Đang tải người dùng" />;

  const errors = fieldErrors(problem);
  const shownInFields = (location: string) => location.startsWith('body.grants.') || ['body.displayName', 'body.password', 'body.oidcSubject', 'params.username'].includes(location);
  const rest = problem ? { ...problem, errors: (problem.errors ?? []).filter((e) => !shownInFields(e.location)) } : null;
  const existing = typeof account === 'object' ? account : null;

  return (
    <Stack maw={960}>
      <Anchor component={Link} href="/quan-tri/nguoi-dung" size="sm">
        ← Danh sách người dùng
      </Anchor>
      <Group justify="space-between">
        <Title order={2}>{existing ? existing.displayName : 'Thêm người dùng'}</Title>
        {existing && (existing.disabled ? <Badge color="red" variant="light">Đã khóa</Badge> : <Badge color="teal" variant="light">Đang hoạt động</Badge>)}
      </Group>
      {existing && (
        <Text size="sm" c="dimmed">
          Tên đăng nhập {existing.username} · tạo lúc {formatDateTime(existing.createdAt)} · {existing.hasPassword ? 'có mật khẩu đăng nhập tích hợp' : 'chưa có mật khẩu đăng nhập tích hợp'}
        </Text>
      )}
      {saved && (
        <Alert color="teal" role="status">
          {saved}
        </Alert>
      )}
      {rest && <ProblemAlert problem={rest} title={username === null ? 'Chưa tạo được người dùng' : 'Chưa lưu được'} />}
      <Card withBorder>
        <Stack gap="sm">
          {username === null && (
            <TextInput label="Tên đăng nhập" description="Chữ không dấu, số và . _ @ -" required value={form.username} onChange={(e) => setForm({ ...form, username: e.currentTarget.value })} error={errors.get('params.username')} autoComplete="off" />
          )}
          <TextInput label="Họ tên" required value={form.displayName} onChange={(e) => setForm({ ...form, displayName: e.currentTarget.value })} error={errors.get('body.displayName')} />
          <PasswordInput
            label={username === null ? 'Mật khẩu' : 'Mật khẩu mới'}
            description={username === null ? 'Ít nhất 8 ký tự; chỉ dùng với bộ cấp phát tích hợp' : 'Để trống: giữ mật khẩu hiện có'}
            value={form.password}
            onChange={(e) => setForm({ ...form, password: e.currentTarget.value })}
            error={errors.get('body.password')}
            autoComplete="new-password"
          />
          <TextInput label="Mã định danh OIDC (sub)" description="Người này ở nhà cung cấp định danh của tỉnh; để trống nếu không có" value={form.oidcSubject} onChange={(e) => setForm({ ...form, oidcSubject: e.currentTarget.value })} error={errors.get('body.oidcSubject')} />
        </Stack>
      </Card>
      <Title order={3} size="h4">
        Quyền
      </Title>
      <GrantEditor
        grants={form.grants}
        onChange={(grants) => {
          setForm({ ...form, grants });
          // The grants changed: what the API said of the earlier ones no longer applies.
          setProblem((p) => p && { ...p, errors: (p.errors ?? []).filter((e) => !e.location.startsWith('body.grants.')) });
        }}
        errors={errors}
      />
      <Group>
        <Button onClick={save} loading={busy}>
          {username === null ? 'Tạo người dùng' : 'Lưu'}
        </Button>
        {existing && (
          <Button variant="outline" color={existing.disabled ? 'teal' : 'red'} onClick={() => setDisabled(!existing.disabled)} disabled={busy}>
            {existing.disabled ? 'Mở khóa tài khoản' : 'Khóa tài khoản'}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
