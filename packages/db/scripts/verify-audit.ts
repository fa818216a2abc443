// Checks the audit trail's hash chain end to end; exits 1 at the first broken row.
import { loadConfig } from '@ntm/config';
import { verifyAuditChain } from '../src/audit.js';
import { createPrismaClient } from '../src/client.js';

const reasons = {
  hash_mismatch: 'nội dung bản ghi không khớp với mã băm đã lưu (bản ghi đã bị sửa)',
  prev_hash_mismatch: 'mã băm liên kết không khớp với bản ghi liền trước (có bản ghi bị xóa, chèn thêm hoặc sửa)',
  gap: 'chuỗi bị thiếu bản ghi',
} as const;

const url = process.env.DATABASE_URL ?? loadConfig().postgres.url;
const db = createPrismaClient(url, { max: 1 });
try {
  const result = await verifyAuditChain(db);
  if (result.ok) {
    console.log(`Chuỗi nhật ký kiểm toán toàn vẹn: ${result.rows} bản ghi`);
    console.log(`Mã băm cuối: ${result.lastHash}`);
  } else {
    const { seq, reason, expected, found } = result.brokenAt;
    console.error(`Chuỗi nhật ký kiểm toán bị phá vỡ tại bản ghi số ${seq}: ${reasons[reason]}`);
    console.error(`Mã băm mong đợi: ${expected}`);
    console.error(`Mã băm tìm thấy: ${found}`);
    console.error(`Số bản ghi hợp lệ trước đó: ${result.rows}`);
    process.exitCode = 1;
  }
} finally {
  await db.$disconnect();
}
