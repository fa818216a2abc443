import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, requireUnitAccess } from '@ntm/access';
import type { Config } from '@ntm/config';
import { Problem, UserAccount, UserAccountPut, UserAccountQuery, Username, pageOf } from '@ntm/contracts';
import { appendAudit, Prisma, type Db } from '@ntm/db';
import { HttpProblem } from '@ntm/http';
import { upsertLocalUser } from '@ntm/identity';
import { accountOf, auditState, changesNothing, grantErrors, readAccount, userSelect } from './user-records.js';

const tags = ['users'];
const Params = z.object({ username: Username });
const problems = { 403: Problem, 404: Problem };

/**
 * Users and their roles, for system administrators (`users.manage`): list and read them, and
 * create or update one by username — the step that maps a person of the province's identity
 * provider (oidcSubject = their `sub`) to the roles this system gives them. Every change is written
 * together with its audit event; an administrator can neither disable themselves nor drop their
 * own system_admin grant.
 */
export function usersRoutes({ db, config }: { db: Db; config: Config }): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/users',
      {
        schema: {
          operationId: 'listUsers',
          description: 'Chỉ quản trị hệ thống. Danh sách người dùng, phân trang; tìm theo tên đăng nhập, họ tên; lọc theo vai trò.',
          tags,
          summary: 'Danh sách người dùng (tìm theo tên đăng nhập, họ tên; lọc theo vai trò)',
          querystring: UserAccountQuery,
          response: { 200: pageOf(UserAccount), 403: Problem },
        },
      },
      async (request) => {
        requireUnitAccess(actorOf(request), 'users.manage', [], null);
        const { q, role, page, pageSize } = request.query;
        const where: Prisma.UserWhereInput = {
          ...(q === undefined ? {} : { OR: [{ username: { contains: q, mode: 'insensitive' } }, { displayName: { contains: q, mode: 'insensitive' } }] }),
          ...(role === undefined ? {} : { grants: { some: { role } } }),
        };
        const [total, rows] = await Promise.all([
          db.user.count({ where }),
          db.user.findMany({ where, select: userSelect, orderBy: { username: 'asc' }, skip: (page - 1) * pageSize, take: pageSize }),
        ]);
        return { items: rows.map(accountOf), page, pageSize, total };
      },
    );

    app.get(
      '/users/:username',
      { schema: { operationId: 'getUser', description: 'Chỉ quản trị hệ thống. Một người dùng với mã định danh OIDC, trạng thái khóa và các quyền được cấp. 404 khi không có người dùng.', tags, summary: 'Một người dùng và các quyền được cấp', params: Params, response: { 200: UserAccount, ...problems } } },
      async (request) => {
        requireUnitAccess(actorOf(request), 'users.manage', [], null);
        const account = await readAccount(db, request.params.username);
        if (!account) throw new HttpProblem('notFound', `Không có người dùng "${request.params.username}".`);
        return account;
      },
    );

    app.put(
      '/users/:username',
      {
        schema: {
          operationId: 'putUser',
          description: 'Chỉ quản trị hệ thống. Tạo (201) hoặc cập nhật (200) người dùng; các quyền gửi lên thay toàn bộ quyền cũ và được kiểm tra với danh mục (400). Mỗi thay đổi ghi một bản ghi nhật ký kiểm toán. 409 khi tự bỏ quyền quản trị, tự khóa mình, hoặc mã định danh OIDC đã gắn với người khác.',
          tags,
          summary: 'Tạo hoặc cập nhật người dùng: họ tên, mã định danh OIDC, khóa tài khoản, mật khẩu (bộ cấp phát tích hợp) và các quyền (thay toàn bộ quyền cũ)',
          params: Params,
          body: UserAccountPut,
          response: { 200: UserAccount, 201: UserAccount, 400: Problem, 409: Problem, ...problems },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const role = requireUnitAccess(actor, 'users.manage', [], null);
        const { username } = request.params;
        const put = request.body;

        const errors = await grantErrors(db, put.grants);
        if (put.password !== undefined && !config.auth.localIssuer) {
          errors.unshift({ location: 'body.password', message: 'Chỉ đặt được mật khẩu khi bật bộ cấp phát tích hợp (NTM_AUTH_LOCAL_ISSUER); người dùng đăng nhập qua nhà cung cấp định danh của tỉnh.' });
        }
        if (errors.length > 0) throw new HttpProblem('validation', 'Thông tin người dùng không hợp lệ; không có thay đổi nào được ghi.', errors);

        if (username === actor.username) {
          if (!put.grants.some((g) => g.role === 'system_admin')) {
            throw new HttpProblem('conflict', 'Không thể tự bỏ vai trò quản trị hệ thống của chính mình; nhờ một quản trị viên khác thực hiện.');
          }
          if (put.disabled === true) throw new HttpProblem('conflict', 'Không thể tự khóa tài khoản của chính mình; nhờ một quản trị viên khác thực hiện.');
        }

        const outcome = await db
          .$transaction(async (tx) => {
            // Concurrent changes to one user queue here, so each audit event's "before" is what it replaced.
            await tx.$queryRaw`SELECT 1 FROM users WHERE username = ${username} FOR UPDATE`;
            const before = await readAccount(tx, username);
            if (typeof put.oidcSubject === 'string') {
              const other = await tx.user.findFirst({ where: { oidcSubject: put.oidcSubject, NOT: { username } }, select: { username: true } });
              if (other) throw new HttpProblem('conflict', `Mã định danh OIDC này đã gắn với người dùng "${other.username}".`);
            }
            if (before && changesNothing(before, put)) return { created: false, account: before };

            await upsertLocalUser(tx, { username, ...put });
            const after = await readAccount(tx, username);
            if (!after) throw new Error(`user ${username} vanished inside its own transaction`);
            await appendAudit(tx, {
              actor: actor.username,
              role,
              unitCode: null,
              dossierId: null,
              command: before ? 'user.updated' : 'user.created',
              requestId: request.id,
              summary: { before: before && auditState(before), after: { ...auditState(after), passwordChanged: put.password !== undefined } },
            });
            return { created: before === null, account: after };
          })
          .catch((e: unknown) => {
            // Two requests created the same user, or gave two users one subject, at the same moment.
            if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002') {
              throw new HttpProblem('conflict', 'Người dùng hoặc mã định danh OIDC vừa được một yêu cầu khác ghi; vui lòng tải lại và thử lại.');
            }
            throw e;
          });
        return reply.status(outcome.created ? 201 : 200).send(outcome.account);
      },
    );
  };
}
