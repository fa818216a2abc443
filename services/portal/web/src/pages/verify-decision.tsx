import { Alert, Button, Group, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { PublicFrame } from '../components/public-frame.js';

const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/**
 * Anyone: the decision's code (or the whole address read from the QR code of the decision PDF)
 * leads to the verification page the dossier API serves, through the portal's origin.
 */
export default function VerifyDecisionPage() {
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    const id = uuid.exec(typed)?.[0];
    if (!id) {
      setError('Không nhận ra mã quyết định. Hãy dán địa chỉ đọc được từ mã QR trên văn bản, có dạng …/public/decisions/6f1c8a52-1d2e-4b3c-8a9d-0e1f2a3b4c5d.');
      return;
    }
    // The API's own page (HTML for a browser), a full page load rather than a route of this application.
    window.location.assign(`/api/dossier/public/decisions/${id.toLowerCase()}`);
  }

  return (
    <PublicFrame title="Xác thực quyết định">
      <Text mt="xs">Quét mã QR trên văn bản quyết định công nhận (hoặc thu hồi) rồi dán địa chỉ đọc được, hoặc mã quyết định ở cuối địa chỉ đó, để kiểm tra số, ngày, đơn vị và tình trạng hiệu lực của quyết định.</Text>
      <form onSubmit={submit} aria-label="Xác thực quyết định" noValidate>
        <Group align="flex-end" mt="md" gap="sm">
          <TextInput label="Địa chỉ hoặc mã quyết định" required value={typed} onChange={(e) => setTyped(e.currentTarget.value)} style={{ flex: '1 1 260px' }} error={error !== null} aria-describedby={error ? 'verify-error' : undefined} />
          <Button type="submit">Xác thực</Button>
        </Group>
      </form>
      {error && (
        <Alert color="red" role="alert" mt="md" id="verify-error">
          {error}
        </Alert>
      )}
    </PublicFrame>
  );
}
