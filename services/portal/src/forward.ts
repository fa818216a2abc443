import { request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { HttpProblem } from '@ntm/http';
import type { SessionAccess } from './access.js';

/** Request headers the APIs may see; the cookie never leaves the portal. */
const forwardedRequestHeaders = ['accept', 'accept-language', 'content-type', 'content-length', 'transfer-encoding', 'if-none-match', 'range', 'x-request-id'];
/** Answer headers not passed back: hop-by-hop, and those the portal sets itself. */
const droppedAnswerHeaders = new Set(['connection', 'keep-alive', 'transfer-encoding', 'set-cookie', 'content-security-policy', 'x-frame-options', 'cross-origin-resource-policy', 'strict-transport-security', 'access-control-allow-origin', 'access-control-expose-headers', 'vary']);

export interface ForwardTarget {
  /** The prefix under /api, e.g. "dossier" for /api/dossier/... */
  prefix: string;
  baseUrl: string;
  /** Paths under the API (e.g. "/public/") anyone may read without signing in: GET and HEAD go there without a token. */
  publicPrefix?: string;
}

const readMethods = new Set(['GET', 'HEAD']);

function upstreamHeaders(request: FastifyRequest, token: string | null): Record<string, string> {
  const headers: Record<string, string> = { ...(token === null ? {} : { authorization: `Bearer ${token}` }), 'x-forwarded-for': request.ip };
  for (const name of forwardedRequestHeaders) {
    const value = request.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  if (headers['x-request-id'] === undefined) headers['x-request-id'] = request.id;
  return headers;
}

function answerHeaders(headers: IncomingHttpHeaders): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !droppedAnswerHeaders.has(name)) out[name] = value;
  }
  return out;
}

/**
 * /api/<prefix>/... goes to the API's /..., streamed both ways (uploads are not buffered), with
 * the session's bearer token added (public paths go without one). The browser talks to one origin and never holds a token.
 */
export function forwardRoutes(targets: ForwardTarget[], accessToken: SessionAccess): FastifyPluginAsync {
  return async (app) => {
    // Bodies stay streams: the API reads and limits them itself.
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', (_request, payload, done) => done(null, payload));

    for (const target of targets) {
      const base = new URL(target.baseUrl);
      const send = base.protocol === 'https:' ? httpsRequest : httpRequest;
      const handler = async (request: FastifyRequest, reply: FastifyReply) => {
        const path = request.url.slice(`/api/${target.prefix}`.length) || '/';
        const url = new URL(path, base);
        // The public tracking lookup and decision verification are read without a session, and without a
        // token (judged on the normalised path, so /public/../ leads nowhere else).
        const isPublic = target.publicPrefix !== undefined && readMethods.has(request.method) && url.pathname.startsWith(target.publicPrefix);
        const token = isPublic ? null : await accessToken(request, reply);
        if (token === null && !isPublic) throw new HttpProblem('unauthorized', 'Phiên đăng nhập đã hết. Vui lòng đăng nhập lại.');
        const upstream = await new Promise<IncomingMessage>((resolve, reject) => {
          const req = send(url, { method: request.method, headers: upstreamHeaders(request, token) }, resolve);
          req.on('error', reject);
          const body = request.body as NodeJS.ReadableStream | undefined;
          if (body && typeof body.pipe === 'function') body.pipe(req);
          else req.end();
        }).catch((e: unknown) => {
          request.log.warn({ err: e, target: target.prefix }, 'API unreachable');
          throw new HttpProblem('unavailable', 'Không kết nối được dịch vụ. Vui lòng thử lại sau ít phút.');
        });
        void reply.status(upstream.statusCode ?? 502).headers(answerHeaders(upstream.headers));
        return reply.send(upstream);
      };
      app.route({ method: ['GET', 'POST', 'PUT', 'DELETE', 'HEAD'], url: `/api/${target.prefix}/*`, handler });
    }
  };
}
