import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { z } from 'zod';
import { actorOf, requireUnitAccess } from '@ntm/access';
import { readProvince } from '@ntm/catalog';
import {
  CampaignRun, CampaignScheduleView, CampaignView, CampaignViewQuery, MaintenanceCalendarBody, MaintenanceCalendarView, Problem, RunCampaignBody, ScheduleNoteBody, campaignIds, type CampaignWorkflowInput,
} from '@ntm/contracts';
import { appendAudit, type Db } from '@ntm/db';
import { maintenanceCalendarOf, maintenanceCalendarProblems, vietnamDay } from '@ntm/domain';
import { HttpProblem } from '@ntm/http';
import { readCalendars } from './calendars.js';
import { checkCampaignFilter } from './campaign-filter-check.js';
import { readCampaignView } from './campaign-view.js';
import { describeCampaignSchedule, ensureCampaignSchedule, type ScheduleTarget } from './schedules.js';

export interface CampaignRoutesDeps {
  db: Db;
  temporal: Client;
  taskQueue: string;
  /** Separates test runs sharing a Temporal namespace; empty in production. */
  scheduleScope?: string;
  now?: () => Date;
}

const Province = z.object({ code: z.string().min(1).max(64) });
const ProvinceTrack = Province.extend({ track: z.string().min(1).max(64) });
const errors = { 400: Problem, 403: Problem, 404: Problem };

/** The yearly re-check campaigns: calendars, their Temporal Schedules and the operator's controls (docs/recheck-campaigns.md). */
export function campaignRoutes(deps: CampaignRoutesDeps): FastifyPluginAsyncZod {
  const { db } = deps;
  const target: ScheduleTarget = { temporal: deps.temporal, taskQueue: deps.taskQueue, scope: deps.scheduleScope ?? '' };
  const manager = (request: FastifyRequest, provinceCode: string) => {
    const actor = actorOf(request);
    return { actor: actor.username, role: requireUnitAccess(actor, 'campaign.manage', [provinceCode], null), requestId: request.id };
  };
  const requireProvince = async (code: string) => {
    if (!(await readProvince(db, code))) throw new HttpProblem('notFound', `Không có tỉnh "${code}" trong danh mục.`);
  };
  const calendarOf = async (provinceCode: string, trackCode: string) => {
    const [calendar] = await readCalendars(db, provinceCode, trackCode);
    if (!calendar) throw new HttpProblem('notFound', `Không có loại hồ sơ "${trackCode}".`);
    return calendar;
  };
  const scheduleOf = async (provinceCode: string, trackCode: string) => {
    const view = await describeCampaignSchedule(target, await calendarOf(provinceCode, trackCode));
    if (!view.exists) throw new HttpProblem('notFound', `Tỉnh chưa có lịch rà soát tự động cho loại hồ sơ "${trackCode}"; lưu lịch rà soát hoặc đồng bộ lịch trước.`);
    return view;
  };

  return async (app) => {
    app.get(
      '/provinces/:code/maintenance-calendars',
      { schema: { operationId: 'listMaintenanceCalendars', tags: ['campaigns'], summary: 'Lịch rà soát duy trì hằng năm của tỉnh, theo loại hồ sơ', description: 'Ngày mở đợt rà soát, hạn xã tự rà soát, hạn các sở thẩm định lại và hạn báo cáo của từng loại hồ sơ; ngày tỉnh chưa quy định là ngày mặc định và được ghi rõ (defaults, note).', params: Province, response: { 200: z.array(MaintenanceCalendarView), ...errors } } },
      async ({ params }) => {
        await requireProvince(params.code);
        return readCalendars(db, params.code);
      },
    );

    app.put(
      '/provinces/:code/maintenance-calendars/:track',
      {
        schema: {
          operationId: 'setMaintenanceCalendar',
          tags: ['campaigns'],
          summary: 'Quy định lịch rà soát duy trì của một loại hồ sơ; lịch chạy tự động được tạo hoặc cập nhật theo',
          description: 'Ngày dạng MM-DD; ngày bỏ trống dùng ngày mặc định. Lịch chạy tự động (Temporal Schedule) của tỉnh và loại hồ sơ được tạo hoặc cập nhật ngay, không bao giờ tạo hai lần. 400 khi ngày không hợp lệ hoặc sai thứ tự.',
          params: ProvinceTrack,
          body: MaintenanceCalendarBody,
          response: { 200: CampaignScheduleView, ...errors },
        },
      },
      async (request) => {
        const { params, body } = request;
        const by = manager(request, params.code);
        await requireProvince(params.code);
        await calendarOf(params.code, params.track);
        const { calendar, defaults } = maintenanceCalendarOf(body);
        const problems = maintenanceCalendarProblems(calendar);
        if (problems.length > 0) throw new HttpProblem('validation', 'Lịch rà soát không hợp lệ; không có thay đổi nào được ghi.', problems.map((p) => ({ location: `body.${p.field}`, message: p.message })));
        const data = { ...calendar, defaultFields: defaults, updatedBy: by.actor };
        await db.$transaction(async (tx) => {
          await tx.maintenanceCalendar.upsert({ where: { provinceCode_trackCode: { provinceCode: params.code, trackCode: params.track } }, create: { provinceCode: params.code, trackCode: params.track, ...data }, update: data });
          await appendAudit(tx, { ...by, unitCode: params.code, dossierId: null, command: 'campaign.calendar', summary: { after: { trackCode: params.track, ...calendar, defaults: defaults.join(',') } } });
        });
        const view = await calendarOf(params.code, params.track);
        await ensureCampaignSchedule(target, view);
        return describeCampaignSchedule(target, view);
      },
    );

    app.get(
      '/provinces/:code/campaign-schedules',
      { schema: { operationId: 'listCampaignSchedules', tags: ['campaigns'], summary: 'Các lịch chạy tự động đợt rà soát hằng năm của tỉnh', description: 'Mỗi loại hồ sơ: lịch chạy có hay chưa, đang tạm dừng hay không, lần chạy tới và các lần chạy gần đây, cùng lịch rà soát đang áp dụng.', params: Province, response: { 200: z.array(CampaignScheduleView), ...errors } } },
      async (request) => {
        manager(request, request.params.code);
        await requireProvince(request.params.code);
        return Promise.all((await readCalendars(db, request.params.code)).map((c) => describeCampaignSchedule(target, c)));
      },
    );

    app.post(
      '/provinces/:code/campaign-schedules/sync',
      { schema: { operationId: 'syncCampaignSchedules', tags: ['campaigns'], summary: 'Tạo hoặc cập nhật lịch chạy tự động cho mọi loại hồ sơ theo lịch rà soát đang áp dụng', description: 'Tạo lịch chạy còn thiếu (theo ngày mặc định nếu tỉnh chưa quy định) và cập nhật lịch đã khác; lặp lại không tạo gì thêm.', params: Province, response: { 200: z.array(CampaignScheduleView), ...errors } } },
      async (request) => {
        manager(request, request.params.code);
        await requireProvince(request.params.code);
        const calendars = await syncCampaignSchedules(db, target, request.params.code);
        return Promise.all(calendars.map((c) => describeCampaignSchedule(target, c)));
      },
    );

    for (const [action, summary] of [['pause', 'Tạm dừng'], ['resume', 'Cho chạy lại'], ['trigger', 'Mở ngay đợt rà soát của năm nay theo']] as const) {
      app.post(
        `/provinces/:code/campaign-schedules/:track/${action}`,
        {
          schema: {
            operationId: `${action}CampaignSchedule`,
            tags: ['campaigns'],
            summary: `${summary} lịch chạy tự động đợt rà soát của một loại hồ sơ`,
            description: action === 'trigger'
              ? 'Mở đợt rà soát ngay hôm nay: các đơn vị đang được công nhận hôm nay được rà soát; chạy lại không mở thêm lượt rà soát nào cho đơn vị đã có. 404 khi chưa có lịch chạy.'
              : `${summary} lịch chạy tự động; ghi chú (note) được lưu cùng lịch. 404 khi chưa có lịch chạy.`,
            params: ProvinceTrack,
            body: ScheduleNoteBody,
            response: { 200: CampaignScheduleView, ...errors },
          },
        },
        async (request) => {
          const { params, body } = request;
          const by = manager(request, params.code);
          const view = await scheduleOf(params.code, params.track);
          const handle = deps.temporal.schedule.getHandle(view.scheduleId);
          const note = body.note ?? `${by.actor}: ${summary.toLowerCase()}`;
          if (action === 'pause') await handle.pause(note);
          else if (action === 'resume') await handle.unpause(note);
          else await handle.trigger();
          await db.$transaction((tx) => appendAudit(tx, { ...by, unitCode: params.code, dossierId: null, command: `campaign.${action}`, summary: { after: { scheduleId: view.scheduleId, note } } }));
          return describeCampaignSchedule(target, view.calendar);
        },
      );
    }

    app.get(
      '/provinces/:code/campaigns/:year',
      {
        schema: {
          operationId: 'getCampaignView',
          tags: ['campaigns'],
          summary: 'Tình hình đợt rà soát duy trì của tỉnh trong một năm',
          description:
            'Số đơn vị đang chờ, đang rà soát, quá hạn, duy trì, có nguy cơ, đề nghị thu hồi, đã thu hồi và giữ công nhận, cùng danh sách phía sau mỗi số (quá hạn trước); ' +
            'lọc theo loại hồ sơ, huyện, sở/phòng, tiêu chí và nhóm. Lọc theo sở/phòng: các đơn vị mà sở/phòng có nhiệm vụ thẩm định lại ở vòng hiện tại (đang làm hoặc đã xong). ' +
            'Lọc theo tiêu chí: các đơn vị đang không đạt tiêu chí đó (kết quả thẩm định lại mới nhất là không đạt, kể cả đang khắc phục; hoặc chưa thẩm định lại mà đơn vị tự rà soát là không đạt). ' +
            'Các số đếm theo mọi bộ lọc trừ nhóm. Mục "các sở/phòng quá hạn" (overdueDepartments) liệt kê các sở/phòng có nhiệm vụ thẩm định lại chưa xong đã quá hạn trong các đơn vị được lọc, ' +
            'sở/phòng nhiều nhiệm vụ quá hạn nhất trước, rồi đến hạn sớm nhất. Văn phòng tỉnh xem cả tỉnh; phòng, ban cấp huyện xem huyện mình (nêu district). ' +
            '400 khi huyện, sở/phòng hoặc tiêu chí không có trong danh mục (nêu rõ trường); 403 khi ngoài phạm vi phụ trách (cả tỉnh, hoặc huyện khác); 404 khi không có tỉnh.',
          params: Province.extend({ year: z.coerce.number().int().min(2010).max(2100) }),
          querystring: CampaignViewQuery,
          response: { 200: CampaignView, ...errors },
        },
      },
      async (request) => {
        const { params, query } = request;
        // The province's whole campaign, or one district's: a district officer reads only its own.
        const unit = query.district === undefined ? [params.code] : [params.code, query.district];
        requireUnitAccess(actorOf(request), 'campaign.read', unit, query.district === undefined ? null : 'district');
        await requireProvince(params.code);
        await checkCampaignFilter(db, params.code, query);
        return readCampaignView(db, { provinceCode: params.code, year: params.year, today: vietnamDay(deps.now?.() ?? new Date()), ...query });
      },
    );

    app.post(
      '/provinces/:code/campaigns',
      {
        schema: {
          operationId: 'runMissedCampaign',
          tags: ['campaigns'],
          summary: 'Chạy đợt rà soát của một năm bị bỏ lỡ',
          description: 'Mở đợt rà soát của năm đã cho cho một loại hồ sơ: các đơn vị đang được công nhận vào ngày mở đợt của năm đó theo lịch rà soát. 409 khi đợt rà soát của năm đó đã được mở.',
          params: Province,
          body: RunCampaignBody,
          response: { 202: CampaignRun, 409: Problem, ...errors },
        },
      },
      async (request, reply) => {
        const { params, body } = request;
        const by = manager(request, params.code);
        await requireProvince(params.code);
        await calendarOf(params.code, body.trackCode);
        const campaignId = campaignIds.campaign(params.code, body.trackCode, body.year);
        if (await db.recheckCampaign.findUnique({ where: { id: campaignId } })) throw new HttpProblem('conflict', `Đợt rà soát năm ${body.year} của loại hồ sơ "${body.trackCode}" đã được mở.`);
        const input: CampaignWorkflowInput = { provinceCode: params.code, trackCode: body.trackCode, year: body.year, ...(target.scope ? { idScope: target.scope } : {}) };
        const workflowId = campaignIds.missedYearWorkflow(campaignId, target.scope);
        try {
          const handle = await deps.temporal.workflow.start('recheckCampaignWorkflow', { workflowId, taskQueue: deps.taskQueue, args: [input], workflowIdReusePolicy: 'REJECT_DUPLICATE' });
          await db.$transaction((tx) => appendAudit(tx, { ...by, unitCode: params.code, dossierId: null, command: 'campaign.run_missed_year', summary: { after: { campaignId, workflowId } } }));
          return reply.status(202).send({ workflowId, runId: handle.firstExecutionRunId });
        } catch (e) {
          if (e instanceof WorkflowExecutionAlreadyStartedError) throw new HttpProblem('conflict', `Đợt rà soát năm ${body.year} của loại hồ sơ "${body.trackCode}" đang được mở.`);
          throw e;
        }
      },
    );
  };
}


/** Creates the province's missing schedules and updates the changed ones, from the calendars in force; answers those calendars. */
export async function syncCampaignSchedules(db: Db, target: ScheduleTarget, provinceCode: string) {
  const calendars = await readCalendars(db, provinceCode);
  for (const c of calendars) await ensureCampaignSchedule(target, c);
  return calendars;
}
