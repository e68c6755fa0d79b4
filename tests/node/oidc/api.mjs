// Small request helpers shared by the OpenID Connect tests.
import assert from 'node:assert/strict';

// Asserts an OpenAI-shaped error ({"error": {message, type, param, code}}) with `status`;
// returns the error object. `secret` (a token, a key) must not be echoed anywhere in it.
export async function expectApiError(response, status, { code, secret } = {}) {
  const text = await response.text();
  assert.equal(response.status, status, text);
  assert.match(response.headers.get('content-type') ?? '', /application\/json/);
  const body = JSON.parse(text);
  assert.equal(typeof body.error, 'object', text);
  for (const member of ['message', 'type', 'param', 'code']) assert.ok(member in body.error, `${member} missing: ${text}`);
  assert.equal(typeof body.error.message, 'string');
  assert.ok(body.error.message.length > 0);
  if (code) assert.equal(body.error.code, code, text);
  if (secret) assert.ok(!text.includes(secret), `the response echoes the secret: ${text}`);
  return body.error;
}

export function bearer(token) {
  return { authorization: `Bearer ${token}` };
}

export function chatRequest(text = 'hello gateway', model = 'mock-echo') {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model, messages: [{ role: 'user', content: text }] }),
  };
}

export async function chat(gateway, headers, text = 'hello gateway') {
  const request = chatRequest(text);
  return fetch(`${gateway.base}/v1/chat/completions`, { ...request, headers: { ...request.headers, ...headers } });
}
