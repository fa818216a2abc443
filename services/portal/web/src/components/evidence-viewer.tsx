import { Anchor, Box, Group, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { evidenceApi } from '../api/client.js';
import type { components } from '../api/generated/evidence-api.js';
import { evidenceContentUrl } from '../api/upload.js';
import { formatBytes } from '../format.js';

type Evidence = components['schemas']['Evidence'];

/** Evidence files shown in the page: PDFs and images inline, other files as a download. */
export function EvidenceViewer({ ids }: { ids: string[] }) {
  const [files, setFiles] = useState<Evidence[]>([]);
  useEffect(() => {
    void Promise.all(ids.map((id) => evidenceApi.GET('/evidence/{id}', { params: { path: { id } } }).then((r) => r.data))).then((all) => setFiles(all.filter((f): f is Evidence => f !== undefined)));
  }, [ids]);
  if (ids.length === 0) return <Text size="sm">Không có minh chứng.</Text>;
  return (
    <>
      {files.map((f) => (
        <Box key={f.id} mt="xs">
          <Group gap="xs">
            <Anchor href={evidenceContentUrl(f.id)} target="_blank" size="sm">
              {f.originalName}
            </Anchor>
            <Text size="sm">({formatBytes(f.sizeBytes)})</Text>
          </Group>
          {f.mediaType === 'application/pdf' && <iframe src={evidenceContentUrl(f.id)} title={`Minh chứng ${f.originalName}`} style={{ width: '100%', height: 360, border: '1px solid var(--mantine-color-gray-4)' }} />}
          {f.mediaType.startsWith('image/') && <img src={evidenceContentUrl(f.id)} alt={`Minh chứng ${f.originalName}`} style={{ maxWidth: '100%', maxHeight: 360 }} />}
        </Box>
      ))}
    </>
  );
}
