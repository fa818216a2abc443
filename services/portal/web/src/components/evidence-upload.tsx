import { Alert, Button, FileButton, Group, Progress, Stack, Text } from '@mantine/core';
import { useState, type DragEvent } from 'react';
import { uploadEvidence, type EvidenceOwner, type UploadedEvidence } from '../api/upload.js';
import { formatBytes } from '../format.js';

/**
 * Picks a file (or takes a photo on a phone), or takes one dropped on it, uploads it with a progress
 * bar and reports the stored evidence. A refused file says why; nothing else on the page is lost and
 * it can be retried. The drop zone is a few native drag events, not a library: it only needs the file.
 */
export function EvidenceUpload({ owner, label, onUploaded }: { owner: EvidenceOwner; label: string; onUploaded: (e: UploadedEvidence) => void }) {
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [last, setLast] = useState<UploadedEvidence | null>(null);
  const [dragging, setDragging] = useState(false);

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

  const dropZone = {
    onDragOver: (e: DragEvent) => {
      if (!e.dataTransfer.types.includes('Files')) return;
      e.preventDefault();
      setDragging(true);
    },
    onDragLeave: () => setDragging(false),
    onDrop: (e: DragEvent) => {
      e.preventDefault();
      setDragging(false);
      void upload(e.dataTransfer.files[0] ?? null);
    },
  };

  return (
    <Stack
      gap={6}
      {...dropZone}
      role="group"
      aria-label={`${label}: chọn tệp hoặc kéo thả tệp vào đây`}
      p={4}
      style={{ border: `1px dashed var(--mantine-color-${dragging ? 'blue-6' : 'gray-4'})`, borderRadius: 'var(--mantine-radius-sm)', background: dragging ? 'var(--mantine-color-blue-0)' : undefined }}
    >
      <Group gap="xs">
        <FileButton onChange={(f) => void upload(f)} accept="application/pdf,image/jpeg,image/png,.docx,.xlsx" capture={undefined}>
          {(props) => (
            <Button {...props} variant="default" size="xs" loading={progress !== null}>
              {label}
            </Button>
          )}
        </FileButton>
        {!last && progress === null && (
          <Text size="xs" c="dimmed">
            hoặc kéo thả tệp vào đây
          </Text>
        )}
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
