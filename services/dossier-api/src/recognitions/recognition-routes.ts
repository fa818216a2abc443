import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { actorOf, requireUnitAccess } from '@ntm/access';
import { parseRecognitionsCsv, readProvince, recognitionCsvLocation } from '@ntm/catalog';
import { Problem, RecognitionImportReport, RegisterRecognitionBody, RegisteredRecognition, type RecordedBy } from '@ntm/contracts';
import type { Db } from '@ntm/db';
import { vietnamDay } from '@ntm/domain';
import { HttpProblem } from '@ntm/http';
import { objectKeys, type Storage } from '@ntm/storage';
import { readRegistered, registerRecognitions } from './registration.js';

export interface RecognitionRoutesDeps {
  db: Db;
  storage: Storage;
  now?: () => Date;
  /** Largest scanned decision accepted, in bytes (the evidence limit). */
  maxPdfBytes: number;
}

const Province = z.object({ code: z.string().min(1).max(64) });
const DecisionId = z.object({ id: z.uuid() });
const notFound = { 404: Problem };

/** A PDF is told by its content: `%PDF-` first and `%%EOF` in its last 1024 bytes (as evidence uploads check). */
const isPdf = (b: Buffer) => b.subarray(0, 5).toString('latin1') === '%PDF-' && b.subarray(Math.max(0, b.length - 1024)).toString('latin1').includes('%%EOF');

/** The provincial office of the province registers its earlier recognitions. */
function registrar(request: FastifyRequest, provinceCode: string): RecordedBy {
  const actor = actorOf(request);
  return { actor: actor.username, role: requireUnitAccess(actor, 'recognition.register', [provinceCode], null), requestId: request.id };
}

/** Recognitions decided before the province adopted the system (docs/registered-recognitions.md). */
export function recognitionRoutes(deps: RecognitionRoutesDeps): FastifyPluginAsyncZod {
  const { db, storage } = deps;
  const today = () => vietnamDay(deps.now?.() ?? new Date());
  const requireProvince = async (code: string) => {
    if (!(await readProvince(db, code))) throw new HttpProblem('notFound', `Không có tỉnh "${code}" trong danh mục.`);
  };
  return async (app) => {
    app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: 10 * 1024 * 1024 }, (_request, body, done) => done(null, body));
    app.addContentTypeParser('application/pdf', { parseAs: 'buffer', bodyLimit: deps.maxPdfBytes }, (_request, body, done) => done(null, body));

    app.post(
      '/provinces/:code/registered-recognitions',
      {
        schema: {
          operationId: 'registerRecognition',
          tags: ['recognitions'],
          summary: 'Đăng ký một quyết định công nhận đã ban hành trước khi tỉnh dùng hệ thống',
          description: 'Văn phòng Điều phối tỉnh đăng ký một đơn vị đã được công nhận (đơn vị, loại hồ sơ, năm, số, ngày ký, người ký). Đơn vị có ngay tình trạng đạt chuẩn từ ngày ký và được đưa vào các đợt rà soát hằng năm. 400 khi đơn vị không có hoặc thuộc tỉnh khác, số quyết định trùng, ngày ký sau hôm nay hoặc đơn vị đã có công nhận còn hiệu lực; không ghi gì.',
          params: Province,
          body: RegisterRecognitionBody,
          response: { 201: RegisteredRecognition, 400: Problem, 403: Problem, ...notFound },
        },
      },
      async (request, reply) => {
        const by = registrar(request, request.params.code);
        await requireProvince(request.params.code);
        const result = await registerRecognitions(db, request.params.code, [request.body], { dryRun: false, by, today: today(), locate: (_i, field) => `body.${field}` });
        if (!result.ok) throw new HttpProblem('validation', 'Không đăng ký được quyết định công nhận; không có thay đổi nào được ghi.', result.errors);
        const [made] = result.registered;
        if (!made) throw new HttpProblem('internal');
        return reply.status(201).send(made);
      },
    );

    app.post(
      '/provinces/:code/registered-recognitions/csv',
      {
        schema: {
          operationId: 'importRegisteredRecognitionsCsv',
          tags: ['recognitions'],
          summary: 'Nhập các quyết định công nhận đã ban hành từ tệp CSV (tất cả hoặc không, có chạy thử)',
          description: 'Cột: unit_code,track_code,year,decision_number,signed_on,signer,signer_title (signer_title có thể để trống). Tiêu đề bắt buộc, mã hóa UTF-8. Mỗi dòng lỗi được báo với số dòng như trong bảng tính (tiêu đề là dòng 1); có lỗi thì không dòng nào được ghi. dryRun=true chỉ kiểm tra.',
          params: Province,
          querystring: z.object({ dryRun: z.enum(['true', 'false']).default('false').transform((v) => v === 'true') }),
          consumes: ['text/csv'],
          body: z.string().min(1).meta({ examples: ['unit_code,track_code,year,decision_number,signed_on,signer,signer_title\n110-03628,COMMUNE_NTM,2022,1520/QĐ-UBND,2022-12-20,Nguyễn Văn A,Phó Chủ tịch\n'] }),
          response: { 200: RecognitionImportReport, 400: Problem, 403: Problem, ...notFound },
        },
      },
      async (request) => {
        const { params, query, body } = request;
        const by = registrar(request, params.code);
        await requireProvince(params.code);
        const csv = parseRecognitionsCsv(body);
        if (!csv.ok) throw new HttpProblem('validation', 'Tệp CSV không hợp lệ; không có thay đổi nào được ghi.', csv.errors);
        const result = await registerRecognitions(db, params.code, csv.rows, { dryRun: query.dryRun, by, today: today(), locate: recognitionCsvLocation });
        if (!result.ok) throw new HttpProblem('validation', 'Tệp CSV không hợp lệ; không có thay đổi nào được ghi.', result.errors);
        return {
          dryRun: query.dryRun,
          count: result.registered.length,
          registered: result.registered.map(({ unitCode, trackCode, year, decisionNumber, signedOn }) => ({ unitCode, trackCode, year, decisionNumber, signedOn })),
        };
      },
    );

    app.get(
      '/registered-recognitions/:id',
      {
        schema: {
          operationId: 'getRegisteredRecognition',
          tags: ['recognitions'],
          summary: 'Một quyết định công nhận đã đăng ký',
          description: 'Quyết định đã đăng ký với tình trạng công nhận và mã SHA-256 của bản quét nếu có. 404 khi không có.',
          params: DecisionId,
          response: { 200: RegisteredRecognition, ...notFound },
        },
      },
      async ({ params }) => {
        const found = await readRegistered(db, params.id);
        if (!found) throw new HttpProblem('notFound', 'Không có quyết định công nhận đã đăng ký với mã này.');
        return found;
      },
    );

    app.put(
      '/registered-recognitions/:id/pdf',
      {
        schema: {
          operationId: 'attachRegisteredDecisionPdf',
          tags: ['recognitions'],
          summary: 'Đính kèm bản quét (PDF) của quyết định công nhận đã đăng ký',
          description: 'Thân yêu cầu là tệp PDF (application/pdf), được kiểm tra theo nội dung và lưu như tài liệu minh chứng cùng mã SHA-256. Một quyết định chỉ có một bản quét: gửi lại cùng tệp không thay đổi gì, tệp khác là 409.',
          params: DecisionId,
          consumes: ['application/pdf'],
          body: z.custom<Buffer>((b) => Buffer.isBuffer(b) && b.length > 0, { message: 'cần nội dung tệp PDF' }).meta({ type: 'string', format: 'binary', description: 'tệp PDF của quyết định' }),
          response: { 200: RegisteredRecognition, 400: Problem, 403: Problem, 409: Problem, ...notFound },
        },
      },
      async (request) => {
        const found = await db.registeredDecision.findUnique({ where: { id: request.params.id } });
        if (!found) throw new HttpProblem('notFound', 'Không có quyết định công nhận đã đăng ký với mã này.');
        registrar(request, found.provinceCode);
        const pdf = request.body;
        if (!isPdf(pdf)) throw new HttpProblem('validation', 'Tệp gửi lên không phải PDF (cần bắt đầu bằng %PDF- và kết thúc bằng %%EOF).');
        const sha256 = createHash('sha256').update(pdf).digest('hex');
        if (found.pdfSha256 !== null) {
          if (found.pdfSha256 !== sha256) throw new HttpProblem('conflict', 'Quyết định này đã có bản quét khác; không thay được bản đã lưu.');
        } else {
          const stored = await storage.putStream(objectKeys.registeredDecision(found.provinceCode, found.id), Readable.from([pdf]), 'application/pdf');
          await db.registeredDecision.update({ where: { id: found.id }, data: { pdfKey: stored.key, pdfSha256: stored.sha256, pdfSizeBytes: stored.size } });
        }
        const shown = await readRegistered(db, found.id);
        if (!shown) throw new HttpProblem('notFound');
        return shown;
      },
    );

    app.get(
      '/registered-recognitions/:id/pdf',
      {
        schema: {
          operationId: 'downloadRegisteredDecisionPdf',
          tags: ['recognitions'],
          summary: 'Tải bản quét của quyết định công nhận đã đăng ký',
          description: 'Trả về tệp PDF đã lưu. 404 khi không có quyết định hoặc chưa có bản quét.',
          params: DecisionId,
          produces: ['application/pdf'],
          response: { 200: z.any(), ...notFound },
        },
      },
      async ({ params }, reply) => {
        const found = await db.registeredDecision.findUnique({ where: { id: params.id } });
        if (!found?.pdfKey) throw new HttpProblem('notFound', 'Quyết định này chưa có bản quét.');
        return reply.type('application/pdf').send(await storage.getStream(found.pdfKey));
      },
    );
  };
}
