import { describeContentRules } from './content-check.js';
import { fileField } from './multipart-upload.js';
import type { UploadTimeouts } from './upload-deadline.js';
import { binary, type RouteDocs } from './openapi-docs.js';
import type { UploadLimits } from './upload.js';
import { editingSteps } from './evidence-owners.js';

const mebibytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MiB`;

/**
 * The Vietnamese summary and description of each evidence operation. Limits are read from the
 * configuration the service runs with, so the document never drifts from what it enforces.
 */
export function operationDocs(settings: { limits: UploadLimits; timeouts: UploadTimeouts; uploadsPerMinute: { perActor: number; perIp: number } }) {
  const { limits, timeouts, uploadsPerMinute } = settings;
  const rules = describeContentRules(limits.mediaTypes)
    .map((r) => `- ${r}`)
    .join('\n');
  const uploadBody: RouteDocs = {
    consumes: ['multipart/form-data'],
    body: {
      type: 'object',
      required: [fileField],
      additionalProperties: false,
      properties: { [fileField]: { ...binary, description: `Một tệp, tối đa ${limits.maxBytes} byte (${mebibytes(limits.maxBytes)}).` } },
    },
  };
  /** What every upload says, then what its owner adds. */
  const uploadDescription = (owner: string) =>
    [
      `Gửi multipart/form-data với đúng một tệp ở trường "${fileField}" và không có trường nào khác: tệp thứ hai, tệp ở trường khác hay trường lạ đều bị từ chối (400), kiểu nội dung khác multipart/form-data bị từ chối (415).`,
      `Kích thước tối đa: ${limits.maxBytes} byte (${mebibytes(limits.maxBytes)}); lớn hơn: 413. Tệp rỗng: 400.`,
      `Loại tệp được xác định từ nội dung, không theo tên hay Content-Type; các loại được nhận và quy tắc nội dung (khác đi: 415):\n${rules}`,
      `Tên tệp được giữ (chuẩn hóa NFC, tối đa 255 ký tự, giữ phần mở rộng khi rút gọn); tên có ký tự điều khiển bị từ chối (400).`,
      `Thời gian: không nhận được dữ liệu trong ${timeouts.idleMs / 1000} giây, hoặc chưa gửi xong sau ${timeouts.totalMs / 1000} giây: 408, tệp không được lưu.`,
      `Giới hạn: ${uploadsPerMinute.perActor} tệp mỗi phút cho mỗi người dùng, ${uploadsPerMinute.perIp} tệp mỗi phút cho mỗi địa chỉ IP; vượt quá: 429 với Retry-After.`,
      `${owner} Kho lưu trữ không phản hồi: 503, hãy tải lên lại. Một yêu cầu bị từ chối không để lại gì.`,
    ].join('\n\n');
  return {
    uploadEvidence: {
      summary: 'Tải lên một tệp minh chứng cho hồ sơ',
      description: uploadDescription('Chỉ thêm được minh chứng khi hồ sơ ở bước tự đánh giá (khác: 409).'),
      docs: uploadBody,
    },
    uploadRecheckEvidence: {
      summary: 'Tải lên một tệp minh chứng mới cho lượt rà soát duy trì',
      description: uploadDescription(
        `Đơn vị của lượt rà soát thêm minh chứng khi lượt rà soát ở bước ${editingSteps} (khác: 409); lượt rà soát của đơn vị khác: 404, như thể không tồn tại. Kết quả tự rà soát dẫn minh chứng bằng mã của nó.`,
      ),
      docs: uploadBody,
    },
    listRecheckEvidence: {
      summary: 'Liệt kê minh chứng của lượt rà soát: mới tải lên và chuyển tiếp từ kết quả năm trước',
      description:
        'Các tệp tải lên cho lượt rà soát (recheckId) và các tệp mà kết quả được đánh giá lần trước dẫn tới (của lượt rà soát trước hoặc của hồ sơ được công nhận), theo thứ tự tải lên. Ai xem được lượt rà soát (đơn vị, sở, ngành thẩm định lại, cấp quyết định) thì xem và tải được các tệp này. Lượt rà soát người dùng không được xem: 404; chưa được mở: 409.',
    },
    listEvidence: {
      summary: 'Liệt kê minh chứng của hồ sơ',
      description: 'Các tệp minh chứng của hồ sơ, theo thứ tự tải lên. Hồ sơ người dùng không được xem: 404, như thể không tồn tại.',
    },
    getEvidence: {
      summary: 'Thông tin một minh chứng',
      description: 'Mã băm SHA-256, kích thước, loại tệp (theo nội dung), tên tệp, người và thời điểm tải lên, hồ sơ hoặc lượt rà soát có minh chứng. Minh chứng người dùng không được xem: 404; người xem được lượt rà soát chuyển tiếp minh chứng này thì xem được.',
    },
    downloadEvidence: {
      summary: 'Tải nội dung tệp minh chứng',
      description: 'Nội dung tệp, truyền trực tiếp từ kho lưu trữ, với Content-Type là loại đã xác định khi tải lên và tiêu đề X-Content-SHA256. Kho lưu trữ không phản hồi: 503.',
      docs: {
        responses: {
          200: {
            description: 'Nội dung tệp',
            headers: { 'x-content-sha256': { type: 'string', description: 'SHA-256 của nội dung (hex)' } },
            content: Object.fromEntries(limits.mediaTypes.map((t) => [t, { schema: binary }])),
          },
        },
      } satisfies RouteDocs,
    },
    presignEvidence: {
      summary: 'Đường dẫn tải tệp có hiệu lực ngắn',
      description: 'Một đường dẫn có chữ ký tới tệp trong kho lưu trữ, dùng được trong vài phút, cho người được xem hồ sơ.',
    },
    deleteEvidence: {
      summary: 'Xóa minh chứng chưa nộp',
      description: 'Chỉ khi hồ sơ ở bước tự đánh giá (lượt rà soát ở bước tự rà soát hoặc khắc phục) và minh chứng chưa được nộp cùng hồ sơ, chưa gửi cùng kết quả tự rà soát (khác: 409). Người chỉ được xem: 403.',
    },
  };
}
