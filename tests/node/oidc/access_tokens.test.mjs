// API calls with an identity provider's access token instead of a gatehouse key: a
// client-credentials token from a real oidc-provider is accepted and mapped to a principal;
// tokens the test forges with exactly one flaw are refused with a 401 in the OpenAI error
// shape; after the provider rotates its signing keys, its new tokens are accepted.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createPublicKey } from 'node:crypto';
import { startStack, serviceClients, apiAudience } from './setup.mjs';
import { signJwt, makeKeySet, keyFor, publicJwk, decodeJwt, nowSeconds } from './jwt.mjs';
import { expectApiError, bearer, chat } from './api.mjs';

let stack;

before(async () => {
  stack = await startStack({ auth: { failed_auth: { max_failures: 1000, window_seconds: 60 } } });
});

after(async () => {
  await stack?.stop();
});

const gateway = () => stack.gateway;

async function me(token) {
  return fetch(`${gateway().base}/admin/me`, { headers: bearer(token) });
}

// Claims of a token the gateway should accept, signed with the provider's current ES256 key.
function forgedClaims(overrides = {}) {
  const now = nowSeconds();
  return {
    iss: stack.idp.issuer, aud: apiAudience, sub: 'svc-forged', client_id: 'svc-forged',
    groups: ['team-forgers'], iat: now, exp: now + 300, ...overrides,
  };
}

function providerKey(alg = 'ES256') {
  return keyFor(stack.idp.keys(), alg);
}

test('a client-credentials token from the provider calls the model API as its service principal', async () => {
  const token = await stack.idp.serviceToken(serviceClients.batch);
  assert.equal(decodeJwt(token).header.alg, 'ES256');

  const response = await chat(gateway(), bearer(token), 'from a batch job');
  const body = await response.json();
  assert.equal(response.status, 200, JSON.stringify(body));
  assert.equal(body.choices[0].message.content, 'Echo: from a batch job');

  const who = await me(token);
  const principal = await who.json();
  assert.equal(who.status, 200, JSON.stringify(principal));
  assert.equal(principal.role, 'member');
  assert.deepEqual(principal.teams.map((team) => team.name), ['batch']);
  assert.equal(principal.user.external_subject, `${stack.idp.issuer}|svc-batch`);

  // Members do not reach the user administration.
  await expectApiError(await fetch(`${gateway().base}/admin/users`, { headers: bearer(token) }), 403);
  assert.ok(!gateway().output().includes(token), 'the access token reached the gateway log');
});

test('a service whose token carries the admin group is an admin', async () => {
  const token = await stack.idp.serviceToken(serviceClients.ops);
  const who = await me(token);
  const principal = await who.json();
  assert.equal(who.status, 200, JSON.stringify(principal));
  assert.equal(principal.role, 'admin');
  const users = await fetch(`${gateway().base}/admin/users`, { headers: bearer(token) });
  assert.equal(users.status, 200, await users.text());
});

test('a token the test signs with the provider key and no flaw is accepted (the forgeries below are sound)', async () => {
  const response = await chat(gateway(), bearer(signJwt(forgedClaims(), { jwk: providerKey() })));
  assert.equal(response.status, 200, await response.text());
  const rs256 = await chat(gateway(), bearer(signJwt(forgedClaims(), { jwk: providerKey('RS256') })));
  assert.equal(rs256.status, 200, await rs256.text());
});

// Each case: a token with one flaw, and what the refusal's message should name.
const flawedTokens = {
  'a wrong issuer': () => [signJwt(forgedClaims({ iss: 'http://127.0.0.1:9/other-issuer' }), { jwk: providerKey() }),
    /issuer/i],
  'a wrong audience': () => [signJwt(forgedClaims({ aud: 'urn:someone-else' }), { jwk: providerKey() }), /audience/i],
  'an expiry in the past': () => [signJwt(forgedClaims({ iat: nowSeconds() - 7200, exp: nowSeconds() - 3600 }),
    { jwk: providerKey() }), /expired/i],
  'a not-before time in the future': () => [signJwt(forgedClaims({ nbf: nowSeconds() + 3600 }), { jwk: providerKey() }),
    /not (yet )?valid|future/i],
  'a bad signature (another key under the provider key id)': () => {
    const impostor = { ...keyFor(makeKeySet('impostor'), 'ES256'), kid: providerKey().kid };
    return [signJwt(forgedClaims(), { jwk: impostor }), /signature/i];
  },
  'claims changed after signing': () => {
    const [header, , signature] = signJwt(forgedClaims(), { jwk: providerKey() }).split('.');
    const escalated = Buffer.from(JSON.stringify(forgedClaims({ groups: ['gatehouse-admins'] }))).toString('base64url');
    return [`${header}.${escalated}.${signature}`, /signature/i];
  },
  'an unknown key id': () => [signJwt(forgedClaims(), { jwk: keyFor(makeKeySet('stranger'), 'ES256') }), /key/i],
  'alg "none"': () => [signJwt(forgedClaims(), { header: { alg: 'none', kid: providerKey().kid } }), /algorithm/i],
  'HS256 keyed with the provider\'s public key': () => {
    const pem = createPublicKey({ key: publicJwk(providerKey('RS256')), format: 'jwk' })
      .export({ type: 'spki', format: 'pem' });
    return [signJwt(forgedClaims(), { header: { alg: 'HS256', kid: providerKey('RS256').kid }, hmacSecret: pem }),
      /algorithm/i];
  },
};

for (const [flaw, make] of Object.entries(flawedTokens)) {
  test(`a token with ${flaw} is refused with 401`, async () => {
    const [token, reason] = make();
    const error = await expectApiError(await chat(gateway(), bearer(token)), 401, { secret: token });
    assert.match(error.message, reason);
    // Nothing reached the model.
    await expectApiError(await me(token), 401, { secret: token });
  });
}

test('a bearer value shaped like a JWT but not one is refused without a 500', async () => {
  await expectApiError(await chat(gateway(), bearer('eyJub3Q.eyJqc29u.c2ln')), 401);
});

// Last: it changes the provider's keys for the rest of the file.
test('after the provider rotates its signing keys, its new tokens are accepted', async () => {
  const before = await stack.idp.serviceToken(serviceClients.batch);
  const oldKey = providerKey();
  assert.equal((await chat(gateway(), bearer(before))).status, 200);

  await stack.idp.rotate('rotated');
  const after = await stack.idp.serviceToken(serviceClients.batch);
  assert.equal(decodeJwt(after).header.kid, 'rotated-es256');
  // The gateway refetches the key set on an unknown key id, at most once per
  // jwks_min_refresh_seconds (1 s here; the unknown-kid case above may just have used it).
  const deadline = Date.now() + 5000;
  let response = await chat(gateway(), bearer(after), 'after rotation');
  while (response.status === 401 && Date.now() < deadline) {
    await response.arrayBuffer();
    await new Promise((resolve) => setTimeout(resolve, 250));
    response = await chat(gateway(), bearer(after), 'after rotation');
  }
  const body = await response.json();
  assert.equal(response.status, 200, JSON.stringify(body));
  assert.equal(body.choices[0].message.content, 'Echo: after rotation');

  // The retired key is no longer published, so a token signed with it no longer counts.
  const retired = signJwt(forgedClaims(), { jwk: oldKey });
  await expectApiError(await chat(gateway(), bearer(retired)), 401, { secret: retired });
});
