// A real OpenID Connect provider (the `oidc-provider` npm package) for end-to-end sign-in
// tests: `node idp.mjs <settings.json>` listens on 127.0.0.1 and prints
// "idp issuer http://127.0.0.1:<port>". Nothing here is a browser: the interaction
// endpoints answer JSON and take form posts, so a test can sign a user in with fetch.
//
// settings.json (written by the test harness):
//   port          0 for a free port
//   jwks          {keys: [private JWKs]}: the signing keys (the harness keeps them, to forge tokens)
//   clients       oidc-provider client metadata, passed through as is
//   accounts      {id: {password, claims: {email, name, groups, ...}}}
//   resource      {indicator, scope}: the API whose access tokens are JWTs (ES256)
//   service_claims {client_id: {claims}}: extra claims in client-credentials access tokens
//
// POST /__idp/jwks {keys: [...]} rotates the signing keys: a new Provider with the new key
// set takes over the same port and issuer (the old keys are no longer published).
import { createServer } from 'node:http';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import Provider from 'oidc-provider';

const settings = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const cookieKeys = [randomBytes(32).toString('base64url')];
const resource = settings.resource;

function accountClaims(accountId) {
  return settings.accounts[accountId]?.claims;
}

function makeProvider(issuer, jwks) {
  const provider = new Provider(issuer, {
    clients: settings.clients,
    jwks,
    cookies: { keys: cookieKeys },
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name'],
      groups: ['groups'],
    },
    // The gateway reads the user's claims from the ID token, not from userinfo.
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    async findAccount(_ctx, id) {
      const claims = accountClaims(id);
      if (!claims) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, email_verified: true, ...claims }) };
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      resourceIndicators: {
        enabled: true,
        // Client-credentials tokens are for the gateway's API even when no resource is named;
        // sign-in access tokens stay opaque (the gateway only uses the ID token).
        defaultResource: (ctx) => (ctx.oidc.params?.grant_type === 'client_credentials'
          ? resource.indicator : undefined),
        useGrantedResource: () => false,
        getResourceServerInfo: () => ({
          scope: resource.scope,
          audience: resource.indicator,
          accessTokenFormat: 'jwt',
          accessTokenTTL: 300,
          jwt: { sign: { alg: 'ES256' } },
        }),
      },
    },
    extraTokenClaims: (_ctx, token) => settings.service_claims?.[token.clientId]?.claims,
    ttl: {
      AccessToken: 300, AuthorizationCode: 60, ClientCredentials: 300, IdToken: 300,
      Interaction: 300, Session: 600, Grant: 600,
    },
    renderError(ctx, out) {
      ctx.type = 'application/json';
      ctx.body = out;
    },
  });
  // Errors inside the provider are answered to the client; keep stderr for real failures.
  provider.on('server_error', (_ctx, error) => console.error('idp server_error', error));
  return provider;
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res, status, value) {
  const body = JSON.stringify(value);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

// The login and consent screens, without the screens: GET describes the interaction,
// POST .../login signs an account in, POST .../consent grants what the client asked for,
// POST .../abort refuses the sign-in (the client gets error=access_denied).
async function handleInteraction(provider, req, res, uid, action) {
  const interaction = await provider.interactionDetails(req, res);
  if (interaction.uid !== uid) return sendJson(res, 400, { error: 'interaction mismatch' });
  const { prompt, params, session } = interaction;
  if (req.method === 'GET' && !action) {
    return sendJson(res, 200, { uid, prompt: prompt.name, client_id: params.client_id, scope: params.scope });
  }
  if (req.method !== 'POST') return sendJson(res, 405, { error: 'method not allowed' });
  const form = new URLSearchParams(await readBody(req));
  if (action === 'login' && prompt.name === 'login') {
    const account = settings.accounts[form.get('login')];
    if (!account || account.password !== form.get('password')) {
      return sendJson(res, 401, { error: 'wrong login or password' });
    }
    return provider.interactionFinished(req, res, { login: { accountId: form.get('login') } },
      { mergeWithLastSubmission: false });
  }
  if (action === 'consent' && prompt.name === 'consent') {
    const grant = interaction.grantId
      ? await provider.Grant.find(interaction.grantId)
      : new provider.Grant({ accountId: session.accountId, clientId: params.client_id });
    const { details } = prompt;
    if (details.missingOIDCScope) grant.addOIDCScope(details.missingOIDCScope.join(' '));
    if (details.missingOIDCClaims) grant.addOIDCClaims(details.missingOIDCClaims);
    for (const [indicator, scopes] of Object.entries(details.missingResourceScopes ?? {})) {
      grant.addResourceScope(indicator, scopes.join(' '));
    }
    const grantId = await grant.save();
    return provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
  }
  if (action === 'abort') {
    return provider.interactionFinished(req, res,
      { error: 'access_denied', error_description: 'The user refused the sign-in.' },
      { mergeWithLastSubmission: false });
  }
  return sendJson(res, 400, { error: `cannot ${action} during the ${prompt.name} prompt` });
}

let provider;
let handleProvider; // provider.callback(), made once per provider
let issuer;

function useProvider(jwks) {
  provider = makeProvider(issuer, jwks);
  handleProvider = provider.callback();
}

const server = createServer(async (req, res) => {
  try {
    const url = new URL(req.url, issuer);
    if (url.pathname === '/__idp/jwks' && req.method === 'POST') {
      useProvider(JSON.parse(await readBody(req)));
      return sendJson(res, 200, { rotated: true });
    }
    const interaction = /^\/interaction\/([^/]+)(?:\/(login|consent|abort))?$/.exec(url.pathname);
    if (interaction) return await handleInteraction(provider, req, res, interaction[1], interaction[2]);
    return handleProvider(req, res);
  } catch (error) {
    // e.g. SessionNotFound when the interaction cookie is missing or stale.
    if (!res.headersSent) sendJson(res, error.statusCode ?? 500, { error: error.message });
    else res.destroy();
  }
});

server.listen(settings.port ?? 0, '127.0.0.1', () => {
  issuer = `http://127.0.0.1:${server.address().port}`;
  useProvider(settings.jwks);
  console.log(`idp issuer ${issuer}`);
});

function stop() {
  server.close(() => process.exit(0));
  server.closeAllConnections();
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
