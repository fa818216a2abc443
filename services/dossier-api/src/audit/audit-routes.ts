import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, requireUnitAccess } from '@ntm/access';
import { unitChain, unitSubtree } from '@ntm/catalog';
import { Problem } from '@ntm/contracts';
import { readAuditTrail, verifyAuditChain, type Db } from '@ntm/db';
import { HttpProblem } from '@ntm/http';

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

/** The whole trail is for auditors whose grant covers every unit; others name a unit of theirs. */
function requireNationalAuditor(actor: ReturnType<typeof actorOf>): void {
  try {
    requireUnitAccess(actor, 'audit.read', [], null);
  } catch (e) {
    if (!(e instanceof HttpProblem) || !actor.grants.some((g) => g.role === 'auditor')) throw e;
    throw new HttpProblem('forbidden', 'Chỉ kiểm toán viên phạm vi toàn quốc mới xem và kiểm tra được toàn bộ nhật ký; hãy chọn đơn vị thuộc phạm vi của mình (tham số unit).');
  }
}

/** The audit trail, for auditors: read it in order (a unit's share, or all of it), and verify its hash chain. */
export function auditRoutes(db: Db): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/audit/events',
      {
        schema: {
          operationId: 'listAuditEvents',
          description: 'Dành cho kiểm toán viên: các bản ghi nhật ký theo thứ tự (after, limit), của một đơn vị và các đơn vị trực thuộc (unit) hoặc toàn bộ (chỉ kiểm toán viên phạm vi toàn quốc); lọc theo hồ sơ.',
          tags: ['audit'],
          summary: 'Nhật ký kiểm toán theo thứ tự ghi, của một đơn vị và các đơn vị trực thuộc (lọc theo hồ sơ)',
          querystring: z.object({
            /** The unit whose events (its own and its sub-units') are read; without it, the whole trail. */
            unit: z.string().min(1).max(64).optional(),
            dossierId: z.uuid().optional(),
            /** An event's sequence number (a PostgreSQL bigint, given as decimal digits): the events after it. */
            after: z.string().regex(/^\d{1,18}$/, 'cần số thứ tự bản ghi (chữ số)').transform(BigInt).optional().describe('số thứ tự bản ghi; trả các bản ghi sau nó'),
            limit: z.coerce.number().int().min(1).max(1000).default(100),
          }),
          response: { 200: z.array(AuditEventView), 403: Problem, 404: Problem },
        },
      },
      async (request) => {
        const { unit, ...filter } = request.query;
        const actor = actorOf(request);
        if (unit === undefined) {
          requireNationalAuditor(actor);
          return readAuditTrail(db, filter);
        }
        const chain = await unitChain(db, unit);
        if (chain.length === 0) throw new HttpProblem('notFound', `Không có đơn vị "${unit}".`);
        requireUnitAccess(actor, 'audit.read', chain, null);
        return readAuditTrail(db, { ...filter, unitCodes: await unitSubtree(db, unit) });
      },
    );

    app.get(
      '/audit/verification',
      {
        schema: {
          operationId: 'verifyAuditTrail',
          description: 'Dành cho kiểm toán viên phạm vi toàn quốc: kiểm tra chuỗi băm của toàn bộ nhật ký và báo bản ghi đầu tiên bị sửa hoặc bị xóa.',
          tags: ['audit'],
          summary: 'Kiểm tra toàn bộ chuỗi băm của nhật ký kiểm toán; báo bản ghi đầu tiên bị phá vỡ',
          response: { 200: AuditVerification, 403: Problem },
        },
      },
      async (request) => {
        // The chain runs through every province's rows: verifying it is a national task.
        requireNationalAuditor(actorOf(request));
        const result = await verifyAuditChain(db);
        return result.ok
          ? { ok: true, rows: result.rows, lastHash: result.lastHash, brokenAt: null }
          : { ok: false, rows: result.rows, lastHash: null, brokenAt: { ...result.brokenAt, seq: result.brokenAt.seq.toString() } };
      },
    );
  };
}
