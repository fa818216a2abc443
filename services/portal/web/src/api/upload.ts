import type { Problem } from './client.js';

export interface UploadedEvidence {
  id: string;
  originalName: string;
  mediaType: string;
  sizeBytes: number;
}

/** What a file is uploaded for: a dossier, or a unit's yearly re-check. */
export type EvidenceOwner = { dossierId: string } | { recheckId: string };

const uploadPath = (owner: EvidenceOwner) => ('dossierId' in owner ? `/api/evidence/dossiers/${owner.dossierId}/evidence` : `/api/evidence/rechecks/${owner.recheckId}/evidence`);

/**
 * Uploads one evidence file with progress (fetch cannot report upload progress; XMLHttpRequest
 * can). Resolves with the stored evidence, or rejects with the API's Vietnamese refusal.
 */
export function uploadEvidence(owner: EvidenceOwner, file: File, onProgress: (fraction: number) => void): Promise<UploadedEvidence> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', uploadPath(owner));
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status === 201) resolve(body as UploadedEvidence);
      else reject(new Error((body as Problem | null)?.detail ?? (body as Problem | null)?.title ?? `Tải lên không thành công (mã ${xhr.status}).`));
    };
    xhr.onerror = () => reject(new Error('Mất kết nối khi tải lên. Hãy thử lại: nội dung đã nhập vẫn được giữ.'));
    const form = new FormData();
    form.append('file', file);
    xhr.send(form);
  });
}

export const evidenceContentUrl = (id: string) => `/api/evidence/evidence/${id}/content`;
