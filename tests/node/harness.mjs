// Starts the processes an official-client test talks to: the project's mock upstream and a
// real gatehouse process configured against it, each on a free loopback port. Paths come
// from the environment CTest sets (see CMakeLists.txt). Every process started here is
// stopped by its pid, and only those.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function requiredEnv(name) {
  const value = process.env[name];
  if (!value) throw new Error(`environment variable ${name} is not set (run this test through ctest)`);
  return value;
}

// Spawns `command` and resolves once a line of its output matches `ready` (whose first
// group is the port). Rejects with the output so far when it exits or takes too long.
export function startProcess(command, args, ready, label) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let settled = false;
    const timer = setTimeout(() => fail(new Error(`${label} did not start within 20 s:\n${output}`)), 20000);
    function fail(error) {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(error);
    }
    function onData(chunk) {
      output += chunk.toString();
      const match = ready.exec(output);
      if (match && !settled) {
        settled = true;
        clearTimeout(timer);
        resolve({ child, port: Number(match[1]), output: () => output });
      }
    }
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => fail(new Error(`${label} exited with ${code} before it was ready:\n${output}`)));
    child.on('error', fail);
  });
}

export function stopProcess(started) {
  return new Promise((resolve) => {
    if (!started || started.child.exitCode !== null) return resolve();
    started.child.once('exit', () => resolve());
    started.child.kill('SIGTERM');
    setTimeout(() => started.child.kill('SIGKILL'), 10000).unref();
  });
}

export async function startMockUpstream() {
  const binary = requiredEnv('GATEHOUSE_MOCK_UPSTREAM');
  const started = await startProcess(binary, ['--host', '127.0.0.1', '--port', '0'],
    /mock-upstream listening on 127\.0\.0\.1:(\d+)/, 'mock upstream');
  const base = `http://127.0.0.1:${started.port}`;
  return {
    base,
    async requests() {
      const response = await fetch(`${base}/__mock/requests`);
      return (await response.json()).requests;
    },
    async reset() {
      await fetch(`${base}/__mock/reset`, { method: 'POST' });
    },
    stop: () => stopProcess(started),
  };
}

// `providers` and `plugins` are the config's arrays; everything else is fixed.
export async function startGateway({ plugins, providers, env = {} }) {
  const binary = requiredEnv('GATEHOUSE_BINARY');
  const pluginDir = requiredEnv('GATEHOUSE_PLUGIN_DIR');
  const workDir = mkdtempSync(join(tmpdir(), 'gatehouse-node-'));
  const config = {
    log_level: 'info',
    server: { host: '127.0.0.1', port: 0, threads: 8 },
    storage: { driver: 'sqlite', sqlite: { path: join(workDir, 'gatehouse.db') } },
    usage: { spool_path: join(workDir, 'usage.spool') },
    plugins,
    providers,
  };
  const configPath = join(workDir, 'gatehouse.json');
  writeFileSync(configPath, JSON.stringify(config, null, 2));
  Object.assign(process.env, env);
  const started = await startProcess(binary, ['--config', configPath, '--plugin-dir', pluginDir],
    /listening on 127\.0\.0\.1:(\d+)/, 'gatehouse');
  return {
    base: `http://127.0.0.1:${started.port}`,
    output: started.output,
    async stop() {
      await stopProcess(started);
      rmSync(workDir, { recursive: true, force: true });
    },
  };
}
