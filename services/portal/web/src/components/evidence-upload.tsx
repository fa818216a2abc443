import { Alert, Button, FileButton, Group, Progress, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { uploadEvidence, type EvidenceOwner, type UploadedEvidence } from '../api/upload.js';
import { formatBytes } from '../format.js';

/**
 * Picks a file (or takes a photo on a phone), uploads it with a progress bar and reports the
 * stored evidence. A refused file says why; nothing else on the page is lost and it can be retried.
 */
export function EvidenceUpload({ owner, label, onUploaded }: { owner: EvidenceOwner; label: string; onUploaded: (e: UploadedEvidence) => void }) {
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [last, setLast] = useState<UploadedEvidence | null>(null);

  async function upload(file: File | null) {
    if (!file) return;
    setError(null);
    setProgress(0);
    try {
      const stored = await uploadEvidence(owner, file, setProgress);
      setLast(stored);
      onUploaded(stored);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setProgress(null);
    }
  }

  return (
    <Stack gap={6}>
      <Group gap="xs">
        <FileButton onChange={(f) => void upload(f)} accept="application/pdf,image/jpeg,image/png,.docx,.xlsx" capture={undefined}>
          {(props) => (
            <Button {...props} variant="default" size="xs" loading={progress !== null}>
              {label}
            </Button>
          )}
        </FileButton>
        {last && (
          <Text size="sm">
            Đã tải lên: {last.originalName} ({formatBytes(last.sizeBytes)})
          </Text>
        )}
      </Group>
      {progress !== null && <Progress value={Math.round(progress * 100)} aria-label="Tiến độ tải lên" size="sm" />}
      {error && (
        <Alert color="red" role="alert" title="Tệp không được nhận">
          {error}
        </Alert>
      )}
    </Stack>
  );
}
