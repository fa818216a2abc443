import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, requireUnitAccess } from '@ntm/access';
import { Problem } from '@ntm/contracts';
import { readAuditTrail, verifyAuditChain, type Db } from '@ntm/db';

const AuditEventView = z
  .object({
    seq: z.string(),
    occurredAt: z.string(),
    actor: z.string(),
    role: z.string().nullable(),
    unitCode: z.string().nullable(),
    dossierId: z.string().nullable(),
    command: z.string(),
    requestId: z.string().nullable(),
    summary: z.unknown(),
    prevHash: z.string(),
    hash: z.string(),
  })
  .meta({ id: 'AuditEvent' });

const AuditVerification = z
  .object({
    ok: z.boolean(),
    rows: z.number().int(),
    lastHash: z.string().nullable(),
    brokenAt: z.object({ seq: z.string(), reason: z.string(), expected: z.string(), found: z.string() }).nullable(),
  })
  .meta({ id: 'AuditVerification', description: 'Kết quả kiểm tra chuỗi nhật ký kiểm toán: toàn vẹn, hoặc bản ghi đầu tiên bị sửa/xóa.' });

/** The audit trail, for auditors: read it in order, and verify its hash chain. */
export function auditRoutes(db: Db): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/audit/events',
      {
        schema: {
          operationId: 'listAuditEvents',
          tags: ['audit'],
          summary: 'Nhật ký kiểm toán theo thứ tự ghi (lọc theo hồ sơ)',
          querystring: z.object({ dossierId: z.uuid().optional(), after: z.coerce.bigint().min(0n).optional(), limit: z.coerce.number().int().min(1).max(1000).default(100) }),
          response: { 200: z.array(AuditEventView), 403: Problem },
        },
      },
      async (request) => {
        requireUnitAccess(actorOf(request), 'audit.read', [], null);
        return readAuditTrail(db, request.query);
      },
    );

    app.get(
      '/audit/verification',
      {
        schema: {
          operationId: 'verifyAuditTrail',
          tags: ['audit'],
          summary: 'Kiểm tra toàn bộ chuỗi băm của nhật ký kiểm toán; báo bản ghi đầu tiên bị phá vỡ',
          response: { 200: AuditVerification, 403: Problem },
        },
      },
      async (request) => {
        requireUnitAccess(actorOf(request), 'audit.read', [], null);
        const result = await verifyAuditChain(db);
        return result.ok
          ? { ok: true, rows: result.rows, lastHash: result.lastHash, brokenAt: null }
          : { ok: false, rows: result.rows, lastHash: null, brokenAt: { ...result.brokenAt, seq: result.brokenAt.seq.toString() } };
      },
    );
  };
}
