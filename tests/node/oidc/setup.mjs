// The processes an OpenID Connect test talks to: a real identity provider (idp.mjs) and a
// real gatehouse with the api_key, oidc and mock plugins, both on free loopback ports.
// The gateway's port is picked first because the provider must know the redirect URI
// (public_url + "/auth/callback") before the gateway starts. Every process is stopped by
// its pid (see ../harness.mjs).
import { createServer } from 'node:net';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { requiredEnv, startProcess, stopProcess } from '../harness.mjs';
import { makeKeySet } from './jwt.mjs';

export const dashboardClient = { id: 'gatehouse-dashboard', secret: 'dashboard-secret-4f1c2a9e7b' };
export const apiAudience = 'urn:gatehouse:api';

// Service clients (client-credentials grant) and what their tokens say about them.
export const serviceClients = {
  batch: { id: 'svc-batch', secret: 'svc-batch-secret-81d0', groups: ['team-batch'] },
  ops: { id: 'svc-ops', secret: 'svc-ops-secret-33a7', groups: ['gatehouse-admins', 'team-ops'] },
};

// Users the provider knows. `groups` carries both the role (gatehouse-admins) and the teams
// ("team-" prefix, stripped by the gateway).
export const accounts = {
  alice: {
    password: 'alice-pw',
    claims: { email: 'alice@example.test', name: 'Alice Admin', groups: ['gatehouse-admins', 'team-research'] },
  },
  bob: {
    password: 'bob-pw',
    claims: { email: 'bob@example.test', name: 'Bob Member', groups: ['team-research', 'team-platform', 'staff'] },
  },
};

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export async function startIdp({ redirectUri, workDir }) {
  let keys = makeKeySet('first');
  const settingsPath = join(workDir, 'idp-settings.json');
  writeFileSync(settingsPath, JSON.stringify({
    port: 0,
    jwks: keys,
    clients: [
      {
        client_id: dashboardClient.id,
        client_secret: dashboardClient.secret,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
      ...Object.values(serviceClients).map((client) => ({
        client_id: client.id,
        client_secret: client.secret,
        redirect_uris: [],
        grant_types: ['client_credentials'],
        response_types: [],
        token_endpoint_auth_method: 'client_secret_basic',
      })),
    ],
    accounts,
    resource: { indicator: apiAudience, scope: 'gatehouse.invoke' },
    service_claims: Object.fromEntries(Object.values(serviceClients)
      .map((client) => [client.id, { claims: { groups: client.groups } }])),
  }));
  const script = fileURLToPath(new URL('./idp.mjs', import.meta.url));
  const started = await startProcess(process.execPath, [script, settingsPath],
    /idp issuer http:\/\/127\.0\.0\.1:(\d+)/, 'identity provider');
  const issuer = `http://127.0.0.1:${started.port}`;
  return {
    issuer,
    keys: () => keys,
    output: started.output,
    // New signing keys: the provider publishes and signs with these only from now on.
    async rotate(label) {
      keys = makeKeySet(label);
      const response = await fetch(`${issuer}/__idp/jwks`, { method: 'POST', body: JSON.stringify(keys) });
      if (response.status !== 200) throw new Error(`rotation failed: ${response.status}`);
    },
    // A client-credentials access token (a JWT for apiAudience) straight from the provider.
    async serviceToken(client) {
      const response = await fetch(`${issuer}/token`, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${client.id}:${client.secret}`).toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'gatehouse.invoke' }),
      });
      const body = await response.json();
      if (response.status !== 200) throw new Error(`token request failed: ${JSON.stringify(body)}`);
      return body.access_token;
    },
    stop: () => stopProcess(started),
  };
}

// The gateway: api_key first (it passes on anything that is not a ghk_ key), then oidc;
// the mock provider answers chat requests in process.
// `publicUrl` defaults to the gateway's own http address.
export async function startGateway({ port, issuer, workDir, auth = {}, publicUrl = `http://127.0.0.1:${port}` }) {
  const pluginDir = requiredEnv('GATEHOUSE_PLUGIN_DIR');
  const config = {
    log_level: 'info',
    server: { host: '127.0.0.1', port, threads: 8 },
    storage: { driver: 'sqlite', sqlite: { path: join(workDir, 'gatehouse.db') } },
    usage: { spool_path: join(workDir, 'usage.spool') },
    auth: { public_url: publicUrl, key_refresh_ms: 200, ...auth },
    plugins: [
      { name: 'api_key', path: 'libgatehouse_auth_api_key.so' },
      {
        name: 'oidc',
        path: 'libgatehouse_auth_oidc.so',
        config: {
          issuer,
          client_id: dashboardClient.id,
          client_secret: 'env:GATEHOUSE_E2E_OIDC_SECRET',
          scopes: ['openid', 'email', 'profile', 'groups'],
          allowed_audiences: [apiAudience],
          role_claim: 'groups',
          admin_values: ['gatehouse-admins'],
          teams_claim: 'groups',
          team_prefix: 'team-',
          jwks_min_refresh_seconds: 1,
        },
      },
      { name: 'mock', path: 'libgatehouse_provider_mock.so' },
    ],
    providers: [{
      name: 'mock',
      plugin: 'mock',
      config: { latency_ms: 0, chunks: 3 },
      models: [{ name: 'mock-echo', upstream_model: 'echo-1' }],
    }],
  };
  const configPath = join(workDir, 'gatehouse.json');
  writeFileSync(configPath, JSON.stringify(config, null, 2));
  process.env.GATEHOUSE_E2E_OIDC_SECRET = dashboardClient.secret;
  const started = await startProcess(requiredEnv('GATEHOUSE_BINARY'),
    ['--config', configPath, '--plugin-dir', pluginDir], /listening on 127\.0\.0\.1:(\d+)/, 'gatehouse');
  return {
    base: `http://127.0.0.1:${port}`,
    configPath,
    output: started.output,
    stop: () => stopProcess(started),
  };
}

// An identity provider and a gateway that trusts it, in a temp dir removed by stop().
export async function startStack(options = {}) {
  const workDir = mkdtempSync(join(tmpdir(), 'gatehouse-oidc-'));
  const port = await freePort();
  const idp = await startIdp({ redirectUri: `http://127.0.0.1:${port}/auth/callback`, workDir });
  let gateway;
  try {
    gateway = await startGateway({ port, issuer: idp.issuer, workDir, ...options });
  } catch (error) {
    await idp.stop();
    rmSync(workDir, { recursive: true, force: true });
    throw error;
  }
  return {
    idp,
    gateway,
    workDir,
    async stop() {
      await gateway.stop();
      await idp.stop();
      rmSync(workDir, { recursive: true, force: true });
    },
  };
}
