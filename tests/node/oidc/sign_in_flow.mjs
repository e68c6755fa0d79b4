// The browser side of "Sign in with your identity provider", step by step so a test can
// tamper between steps: the gateway's /auth/login, the provider's login and consent
// interactions, then the gateway's /auth/callback.
import assert from 'node:assert/strict';
import { accounts } from './setup.mjs';

// GET /auth/login: the gateway answers 302 to the provider's authorization endpoint.
export async function startSignIn(browser, gateway, returnTo = '/') {
  const response = await browser.request(`${gateway.base}/auth/login?return_to=${encodeURIComponent(returnTo)}`);
  await response.arrayBuffer();
  assert.equal(response.status, 302, 'GET /auth/login should redirect to the identity provider');
  return response.headers.get('location');
}

// At the provider: follows redirects, signs `login` in and consents (or refuses with
// `abort`), until the provider sends the browser back to the gateway. Returns that URL.
export async function authorizeAtIdp(browser, authorizeUrl, gateway, { login = 'alice', abort = false } = {}) {
  const callback = `${gateway.base}/auth/callback`;
  const stopAt = (location) => location.startsWith(callback) || location.includes('/interaction/');
  let step = await browser.follow(authorizeUrl, stopAt);
  for (let round = 0; round < 4; round += 1) {
    if (!step.location) {
      assert.fail(`the provider did not redirect: ${step.response.status} ${await step.response.text()}`);
    }
    if (step.location.startsWith(callback)) return step.location;
    const interaction = step.location;
    const details = await (await browser.request(interaction)).json();
    const action = abort ? 'abort' : details.prompt;
    const answer = await browser.request(`${interaction}/${action}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ login, password: accounts[login]?.password ?? '' }),
    });
    await answer.arrayBuffer();
    assert.equal(answer.status, 303, `the provider refused the ${action} step`);
    const next = new URL(answer.headers.get('location'), interaction).href;
    step = stopAt(next) ? { location: next } : await browser.follow(next, stopAt);
  }
  throw new Error('the provider never sent the browser back to the gateway');
}

// The whole sign-in; returns the gateway's answer to /auth/callback (302 + session cookie).
export async function signIn(browser, gateway, { login = 'alice', returnTo = '/' } = {}) {
  const authorizeUrl = await startSignIn(browser, gateway, returnTo);
  const callbackUrl = await authorizeAtIdp(browser, authorizeUrl, gateway, { login });
  const response = await browser.request(callbackUrl);
  await response.arrayBuffer();
  return response;
}
