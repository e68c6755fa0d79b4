// Just enough of a browser for sign-in tests: fetch with manual redirects and a cookie jar
// that follows the browser rules that matter here (cookies belong to a host, not a port;
// Path prefixes; Max-Age/Expires; Secure cookies are not sent over http). The gateway and
// the identity provider both run on 127.0.0.1, so, as in a real browser, each sees the
// other's cookies and must ignore them.
export class Browser {
  #cookies = new Map(); // "host|path|name" -> {host, path, name, value, expiresAt, secure}

  // Parsed attributes of the last Set-Cookie named `name` (lowercased keys), or undefined.
  lastSetCookie = new Map();

  cookie(name) {
    for (const cookie of this.#cookies.values()) {
      if (cookie.name === name && !this.#expired(cookie)) return cookie.value;
    }
    return undefined;
  }

  setCookie(host, name, value, path = '/') {
    this.#cookies.set(`${host}|${path}|${name}`, { host, path, name, value, expiresAt: Infinity, secure: false });
  }

  forget(name) {
    for (const [key, cookie] of this.#cookies) if (cookie.name === name) this.#cookies.delete(key);
  }

  async request(url, { method = 'GET', headers = {}, body } = {}) {
    const target = new URL(url);
    const cookieHeader = this.#cookieHeaderFor(target);
    const response = await fetch(target, {
      method,
      body,
      redirect: 'manual',
      headers: { ...(cookieHeader ? { cookie: cookieHeader } : {}), ...headers },
    });
    for (const line of response.headers.getSetCookie()) this.#store(target, line);
    return response;
  }

  // Follows redirects from `url` until `stop(location)` says so or a response is not a
  // redirect. Returns {response, url} of the last request made.
  async follow(url, stop = () => false, limit = 15) {
    let current = url;
    for (let hop = 0; hop < limit; hop += 1) {
      const response = await this.request(current);
      const location = response.headers.get('location');
      if (response.status < 300 || response.status > 399 || !location) return { response, url: current };
      await response.arrayBuffer();
      const next = new URL(location, current).href;
      if (stop(next)) return { response, url: current, location: next };
      current = next;
    }
    throw new Error(`more than ${limit} redirects from ${url}`);
  }

  #expired(cookie) {
    return cookie.expiresAt <= Date.now();
  }

  #cookieHeaderFor(target) {
    const pairs = [];
    for (const cookie of this.#cookies.values()) {
      if (cookie.host !== target.hostname || this.#expired(cookie)) continue;
      if (cookie.secure && target.protocol !== 'https:') continue;
      const inPath = target.pathname === cookie.path || target.pathname.startsWith(
        cookie.path.endsWith('/') ? cookie.path : `${cookie.path}/`);
      if (inPath) pairs.push(`${cookie.name}=${cookie.value}`);
    }
    return pairs.join('; ');
  }

  #store(target, line) {
    const [pair, ...attributeParts] = line.split(';');
    const equals = pair.indexOf('=');
    const name = pair.slice(0, equals).trim();
    const value = pair.slice(equals + 1).trim();
    const attributes = new Map();
    for (const part of attributeParts) {
      const [key, ...rest] = part.split('=');
      attributes.set(key.trim().toLowerCase(), rest.join('=').trim());
    }
    this.lastSetCookie.set(name, attributes);
    const defaultPath = target.pathname.slice(0, target.pathname.lastIndexOf('/')) || '/';
    const path = attributes.get('path') || defaultPath;
    let expiresAt = Infinity;
    if (attributes.has('max-age')) expiresAt = Date.now() + Number(attributes.get('max-age')) * 1000;
    else if (attributes.has('expires')) expiresAt = Date.parse(attributes.get('expires'));
    const key = `${target.hostname}|${path}|${name}`;
    if (expiresAt <= Date.now()) {
      this.#cookies.delete(key);
      return;
    }
    this.#cookies.set(key, {
      host: target.hostname, path, name, value, expiresAt, secure: attributes.has('secure'),
    });
  }
}
