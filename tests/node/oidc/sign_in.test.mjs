// Browser sign-in end to end: a real oidc-provider, a real gatehouse, and a cookie-jar
// "browser" following every redirect by hand: /auth/login -> the provider's authorization
// endpoint -> login -> consent -> /auth/callback -> session cookie -> the admin API.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import OpenAI from 'openai';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startStack, startGateway, freePort } from './setup.mjs';
import { Browser } from './browser.mjs';
import { signIn, startSignIn, authorizeAtIdp } from './sign_in_flow.mjs';
import { expectApiError } from './api.mjs';

let stack;

before(async () => {
  stack = await startStack({ auth: { failed_auth: { max_failures: 1000, window_seconds: 60 } } });
});

after(async () => {
  await stack?.stop();
});

const gateway = () => stack.gateway;

// A request as the browser makes it: its cookies, and for unsafe methods the Origin a
// browser adds (the gateway refuses cookie-authenticated writes without it).
function call(browser, path, { method = 'GET', json, origin = true } = {}) {
  const headers = {};
  if (json !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && origin) headers.origin = gateway().base;
  return browser.request(`${gateway().base}${path}`, {
    method, headers, body: json === undefined ? undefined : JSON.stringify(json),
  });
}

async function signedIn(login) {
  const browser = new Browser();
  const response = await signIn(browser, gateway(), { login });
  assert.equal(response.status, 302, `sign-in of ${login} failed: ${response.status}`);
  assert.ok(browser.cookie('gatehouse_session'), 'no session cookie after sign-in');
  return browser;
}

function teamNames(me) {
  return me.teams.map((team) => team.name).sort();
}

async function whoAmI(browser) {
  const response = await call(browser, '/admin/me');
  const body = await response.json();
  assert.equal(response.status, 200, JSON.stringify(body));
  return body;
}

test('an admin signs in through the identity provider and gets a session cookie', async () => {
  const browser = new Browser();
  const response = await signIn(browser, gateway(), { login: 'alice', returnTo: '/admin/me' });
  assert.equal(response.status, 302);
  assert.equal(new URL(response.headers.get('location'), gateway().base).href, `${gateway().base}/admin/me`);

  const cookie = browser.lastSetCookie.get('gatehouse_session');
  assert.ok(cookie, 'the callback set no gatehouse_session cookie');
  assert.ok(cookie.has('httponly'), 'the session cookie must be HttpOnly');
  assert.equal(cookie.get('samesite')?.toLowerCase(), 'lax');
  assert.equal(cookie.get('path'), '/');
  assert.ok(!cookie.has('secure'), 'public_url is http here, so the cookie cannot be Secure');

  const me = await whoAmI(browser);
  assert.equal(me.role, 'admin');
  assert.equal(me.user.email, 'alice@example.test');
  assert.equal(me.user.name, 'Alice Admin');
  assert.deepEqual(teamNames(me), ['research']);

  const session = await call(browser, '/auth/session');
  const sessionBody = await session.json();
  assert.equal(session.status, 200, JSON.stringify(sessionBody));
  assert.ok(JSON.stringify(sessionBody).includes('alice@example.test'), JSON.stringify(sessionBody));

  const users = await call(browser, '/admin/users');
  assert.equal(users.status, 200, await users.text());

  const sessionId = browser.cookie('gatehouse_session');
  assert.ok(!gateway().output().includes(sessionId), 'the session id reached the gateway log');
  assert.ok(!JSON.stringify(sessionBody).includes(sessionId), 'the session id is in the session answer');
});

test('behind an https public_url the sign-in cookie is Secure', async () => {
  // A TLS-terminating proxy in front: the gateway speaks http, browsers see https.
  const port = await freePort();
  const workDir = join(stack.workDir, 'behind-tls');
  mkdirSync(workDir);
  const behindTls = await startGateway({
    port, issuer: stack.idp.issuer, workDir, publicUrl: `https://gateway.example.test:${port}`,
  });
  try {
    const browser = new Browser();
    const login = await browser.request(`${behindTls.base}/auth/login?return_to=%2F`);
    assert.equal(login.status, 302);
    const authorize = new URL(login.headers.get('location'));
    assert.equal(authorize.searchParams.get('redirect_uri'), `https://gateway.example.test:${port}/auth/callback`);
    const cookie = browser.lastSetCookie.get('gatehouse_login');
    assert.ok(cookie, 'no gatehouse_login cookie');
    assert.ok(cookie.has('secure'), 'an https public_url must make the cookie Secure');
    assert.ok(cookie.has('httponly'));
  } finally {
    await behindTls.stop();
  }
});

test('a member is mapped from the groups claim, and their teams are created', async () => {
  const bob = await signedIn('bob');
  const me = await whoAmI(bob);
  assert.equal(me.role, 'member');
  assert.equal(me.user.email, 'bob@example.test');
  // "staff" has no "team-" prefix: not a team.
  assert.deepEqual(teamNames(me), ['platform', 'research']);

  await expectApiError(await call(bob, '/admin/users'), 403);

  const alice = await signedIn('alice');
  const teams = await call(alice, '/admin/teams');
  const teamList = await teams.json();
  assert.equal(teams.status, 200, JSON.stringify(teamList));
  const names = teamList.data.map((team) => team.name);
  assert.ok(names.includes('research') && names.includes('platform'), names.join(', '));
});

test('signing in again finds the same user', async () => {
  const first = await whoAmI(await signedIn('bob'));
  const second = await whoAmI(await signedIn('bob'));
  assert.equal(second.user.id, first.user.id);
  assert.deepEqual(teamNames(second), teamNames(first));
});

test('logout ends the session and clears the cookie', async () => {
  const browser = await signedIn('alice');
  const sessionId = browser.cookie('gatehouse_session');
  await whoAmI(browser);

  const logout = await call(browser, '/auth/logout', { method: 'POST' });
  assert.equal(logout.status, 204, await logout.text());
  assert.equal(browser.cookie('gatehouse_session'), undefined, 'logout did not clear the session cookie');

  // The old cookie, replayed by hand, no longer works.
  const replay = new Browser();
  replay.setCookie('127.0.0.1', 'gatehouse_session', sessionId);
  await expectApiError(await call(replay, '/admin/me'), 401, { secret: sessionId });
});

test('a tampered state is refused and gives no session', async () => {
  const browser = new Browser();
  const authorizeUrl = await startSignIn(browser, gateway(), '/');
  const callbackUrl = new URL(await authorizeAtIdp(browser, authorizeUrl, gateway(), { login: 'alice' }));
  const state = callbackUrl.searchParams.get('state');
  assert.ok(state, 'the provider sent no state back');
  callbackUrl.searchParams.set('state', `${state.slice(0, -2)}xx`);

  const response = await browser.request(callbackUrl.href);
  const status = response.status;
  assert.ok(status === 400 || status === 401, `expected 400 or 401, got ${status}`);
  await expectApiError(response, status);
  assert.equal(browser.cookie('gatehouse_session'), undefined, 'a tampered callback created a session');
});

test('a callback opened in another browser (no sign-in cookie) is refused', async () => {
  const victim = new Browser();
  const authorizeUrl = await startSignIn(victim, gateway(), '/');
  const callbackUrl = await authorizeAtIdp(victim, authorizeUrl, gateway(), { login: 'alice' });

  const attacker = new Browser();
  const response = await attacker.request(callbackUrl);
  assert.ok(response.status === 400 || response.status === 401, `got ${response.status}`);
  await expectApiError(response, response.status);
  assert.equal(attacker.cookie('gatehouse_session'), undefined);
});

test('a callback cannot be used twice', async () => {
  const browser = new Browser();
  const authorizeUrl = await startSignIn(browser, gateway(), '/');
  const callbackUrl = await authorizeAtIdp(browser, authorizeUrl, gateway(), { login: 'bob' });
  const loginCookie = browser.cookie('gatehouse_login');
  const first = await browser.request(callbackUrl);
  assert.equal(first.status, 302);

  const again = new Browser();
  if (loginCookie) again.setCookie('127.0.0.1', 'gatehouse_login', loginCookie, '/auth');
  const second = await again.request(callbackUrl);
  assert.ok(second.status === 400 || second.status === 401, `replay answered ${second.status}`);
  await expectApiError(second, second.status);
  assert.equal(again.cookie('gatehouse_session'), undefined);
});

test('the provider refusing the sign-in is a client error, not a 500', async () => {
  const browser = new Browser();
  const authorizeUrl = await startSignIn(browser, gateway(), '/');
  const callbackUrl = await authorizeAtIdp(browser, authorizeUrl, gateway(), { abort: true });
  assert.equal(new URL(callbackUrl).searchParams.get('error'), 'access_denied');
  const response = await browser.request(callbackUrl);
  assert.ok(response.status === 400 || response.status === 401, `got ${response.status}`);
  const error = await expectApiError(response, response.status);
  assert.match(error.message, /access_denied/);
  assert.equal(browser.cookie('gatehouse_session'), undefined);
});

test('return_to only ever leads back into the gateway', async () => {
  const browser = new Browser();
  const login = await browser.request(`${gateway().base}/auth/login?return_to=${encodeURIComponent('//evil.example/x')}`);
  if (login.status === 302 && login.headers.get('location').startsWith(stack.idp.issuer)) {
    // Accepted as "/" instead: the sign-in must then land on the gateway, not elsewhere.
    const callbackUrl = await authorizeAtIdp(browser, login.headers.get('location'), gateway(), { login: 'bob' });
    const done = await browser.request(callbackUrl);
    assert.equal(done.status, 302);
    assert.equal(new URL(done.headers.get('location'), gateway().base).origin, gateway().base);
  } else {
    await expectApiError(login, 400);
  }
});

test('a signed-in member creates their own key, uses it with the openai client, and revokes it', async () => {
  const bob = await signedIn('bob');

  // Cookie-authenticated writes need the browser's Origin (CSRF).
  const forged = await call(bob, '/admin/keys', {
    method: 'POST', origin: false, json: { name: 'csrf', scopes: { models: ['mock-*'], endpoints: ['chat'] } },
  });
  await expectApiError(forged, 403);

  const created = await call(bob, '/admin/keys', {
    method: 'POST', json: { name: 'bob-laptop', scopes: { models: ['mock-*'], endpoints: ['chat'] } },
  });
  const record = await created.json();
  assert.equal(created.status, 201, JSON.stringify(record));
  assert.match(record.key, /^ghk_[A-Za-z0-9_-]{43}$/);

  const client = new OpenAI({ baseURL: `${gateway().base}/v1`, apiKey: record.key, maxRetries: 0 });
  const completion = await client.chat.completions.create({
    model: 'mock-echo', messages: [{ role: 'user', content: 'signed in then scripted' }],
  });
  assert.equal(completion.choices[0].message.content, 'Echo: signed in then scripted');
  // The key's endpoint scope is chat only.
  await assert.rejects(client.embeddings.create({ model: 'mock-echo', input: 'x' }),
    (error) => error instanceof OpenAI.PermissionDeniedError && error.status === 403);

  const listed = await call(bob, '/admin/keys');
  const listedText = await listed.text();
  assert.equal(listed.status, 200, listedText);
  assert.ok(listedText.includes('bob-laptop'), listedText);
  assert.ok(!listedText.includes(record.key), 'the key list shows the secret');

  const revoked = await call(bob, `/admin/keys/${record.id}`, { method: 'DELETE' });
  assert.ok(revoked.status === 200 || revoked.status === 204, `revoke answered ${revoked.status}`);
  await assert.rejects(client.chat.completions.create({ model: 'mock-echo', messages: [{ role: 'user', content: 'x' }] }),
    (error) => error instanceof OpenAI.AuthenticationError && error.status === 401);
  assert.ok(!gateway().output().includes(record.key), 'the key reached the gateway log');
});
