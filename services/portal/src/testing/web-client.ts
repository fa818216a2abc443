import { expect } from 'vitest';

/**
 * A browser's share of HTTP for tests that sign in through redirects: one cookie jar per host
 * (names and values only; every test server is on 127.0.0.1), redirects followed one by one so
 * each hop can be looked at.
 */
export class WebClient {
  private readonly jars = new Map<string, Map<string, string>>();
  /** Every address visited, in order. */
  readonly visited: string[] = [];

  cookies(url: string): Map<string, string> {
    const host = new URL(url).host;
    let jar = this.jars.get(host);
    if (!jar) this.jars.set(host, (jar = new Map<string, string>()));
    return jar;
  }

  async request(url: string, init: { method?: string; form?: Record<string, string>; headers?: Record<string, string> } = {}): Promise<Response> {
    this.visited.push(url);
    const jar = this.cookies(url);
    const headers: Record<string, string> = { ...init.headers };
    if (jar.size > 0) headers.cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    let body: string | undefined;
    if (init.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(init.form).toString();
    }
    const res = await fetch(url, { method: init.method ?? (body === undefined ? 'GET' : 'POST'), headers, body, redirect: 'manual' });
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || (/^\s*expires=/i.test(a) && Date.parse(a.split('=')[1] ?? '') < Date.now()));
      if (expired || value === '') jar.delete(name);
      else jar.set(name, value);
    }
    return res;
  }

  /**
   * Requests `url` and follows redirects (a 303 turns a POST into a GET) until an answer that is
   * not one, or until the next address is one `stopBefore` accepts (then `url` is that address, unvisited).
   */
  async follow(url: string, init: { method?: string; form?: Record<string, string>; stopBefore?: (url: URL) => boolean } = {}, maxHops = 20): Promise<{ res: Response; url: string }> {
    let res = await this.request(url, init);
    let current = url;
    for (let hop = 0; res.status >= 300 && res.status < 400 && res.headers.has('location'); hop += 1) {
      if (hop >= maxHops) throw new Error(`more than ${maxHops} redirects from ${url}`);
      current = new URL(res.headers.get('location') ?? '', current).href;
      await res.body?.cancel();
      if (init.stopBefore?.(new URL(current))) return { res, url: current };
      res = await this.request(current);
    }
    return { res, url: current };
  }
}

/** Signs in at the provider's development login and consent pages, from the portal's start address to the landing page. */
export async function signInThroughProvider(browser: WebClient, portalUrl: string, sub: string, next = '/ho-so/moi') {
  const login = await browser.follow(`${portalUrl}/auth/oidc/start?tiep=${encodeURIComponent(next)}`);
  expect(login.res.status).toBe(200);
  expect(await login.res.text()).toContain('name="login"');
  const consent = await browser.follow(login.url, { form: { prompt: 'login', login: sub, password: 'any' } });
  expect(consent.res.status).toBe(200);
  expect(await consent.res.text()).toContain('value="consent"');
  return { consentUrl: consent.url };
}
