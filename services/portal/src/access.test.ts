import type { FastifyReply, FastifyRequest } from 'fastify';
import { describe, expect, it, vi } from 'vitest';
import { HttpProblem } from '@ntm/http';
import { createSessionAccess } from './access.js';
import type { OidcClient } from './oidc-client.js';
import { sessionCookie, type Session } from './session.js';

const now = () => Math.floor(Date.now() / 1000);
const request = (session: Session) => ({ cookies: { [sessionCookie]: Buffer.from(JSON.stringify(session)).toString('base64url') } }) as unknown as FastifyRequest;
const reply = () => ({ setCookie: vi.fn(), clearCookie: vi.fn() });
const provider = (refresh: OidcClient['refresh']) => ({ refresh }) as unknown as OidcClient;
const options = { dossierApiUrl: 'http://127.0.0.1:1', secureCookie: false };

describe("a session from the province's provider", () => {
  const stale: Session = { a: 'old-access', r: 'provider-refresh', e: now() - 1, re: now() + 3600, o: 1 };

  it("is renewed at the provider, not at the built-in issuer, and stays the provider's", async () => {
    const refresh = vi.fn<OidcClient['refresh']>(async () => ({ accessToken: 'new-access', expiresIn: 300, refreshToken: 'provider-refresh', refreshExpiresIn: 1800 }));
    const r = reply();
    expect(await createSessionAccess(options, provider(refresh))(request(stale), r as unknown as FastifyReply)).toBe('new-access');
    expect(refresh).toHaveBeenCalledWith('provider-refresh');
    const written = JSON.parse(Buffer.from(String(r.setCookie.mock.calls[0]?.[1]), 'base64url').toString('utf8')) as Session;
    expect(written).toMatchObject({ a: 'new-access', r: 'provider-refresh', o: 1 });
  });

  it('answers 503 and keeps the session when the provider is out of reach, and ends it when the provider refuses', async () => {
    const down = reply();
    const error = await createSessionAccess(options, provider(async () => Promise.reject(new Error('ECONNREFUSED'))))(request(stale), down as unknown as FastifyReply).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpProblem);
    expect(error).toMatchObject({ kind: 'unavailable', detail: 'Không kết nối được dịch vụ đăng nhập của tỉnh. Vui lòng thử lại sau ít phút.' });
    expect(down.clearCookie).not.toHaveBeenCalled();

    const refused = reply();
    expect(await createSessionAccess(options, provider(async () => null))(request(stale), refused as unknown as FastifyReply)).toBeNull();
    expect(refused.clearCookie).toHaveBeenCalled();
  });

  it('without a refresh token, lasts as long as its access token', async () => {
    const refresh = vi.fn<OidcClient['refresh']>();
    const access = createSessionAccess(options, provider(refresh));
    expect(await access(request({ a: 'only-access', r: '', e: now() + 30, re: now() + 30, o: 1 }), reply() as unknown as FastifyReply)).toBe('only-access');
    expect(await access(request({ a: 'only-access', r: '', e: now() - 1, re: now() - 1, o: 1 }), reply() as unknown as FastifyReply)).toBeNull();
    expect(refresh).not.toHaveBeenCalled();
  });
});
