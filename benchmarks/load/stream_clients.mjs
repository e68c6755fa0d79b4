// Streaming clients for the load harness (run.sh), on Node's own http module only.
//
//   node stream_clients.mjs ttft URL BODY COUNT
//     COUNT streamed requests one after another on one keep-alive connection; prints the
//     time to the first body byte (the role chunk: the first token's frame) and to the end,
//     p50/p99 in microseconds.
//   node stream_clients.mjs concurrent URL BODY COUNT PID STALL_MS DEADLINE_MS
//     opens COUNT streamed requests at once (one connection each) and waits for all of them,
//     never longer than DEADLINE_MS. A stream is ok when it answered 200 and ended with
//     "data: [DONE]"; it stalled when its first byte, or any gap between two reads, took
//     longer than STALL_MS (both timed from the TCP connect). Samples VmRSS and Threads of PID
//     (the gateway) every 100 ms.
// Both print one line: RESULT {json}.
import http from 'node:http';
import fs from 'node:fs';

const [mode, url, body, countText, ...rest] = process.argv.slice(2);
const count = Number(countText);
if (!mode || !url || !body || !(count > 0)) {
  console.error('usage: stream_clients.mjs ttft|concurrent URL BODY COUNT [PID STALL_MS DEADLINE_MS]');
  process.exit(2);
}

// STREAM_HEADERS: extra request headers, "name: value" pairs separated by "|".
const extraHeaders = Object.fromEntries((process.env.STREAM_HEADERS || '').split('|')
  .map((pair) => pair.match(/^\s*([^:]+):\s*(.*?)\s*$/)).filter(Boolean).map((m) => [m[1], m[2]]));

const now = () => Number(process.hrtime.bigint()) / 1000; // microseconds
const percentile = (values, p) => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

function streamOnce(agent, onEvent) {
  return new Promise((resolve) => {
    let started = now();
    const result = { status: 0, firstByteUs: null, totalUs: null, maxGapUs: 0, done: false, error: null };
    let last = started;
    let tail = '';
    let settled = false;
    const settle = (error) => {
      if (settled) return;
      settled = true;
      if (error) result.error = error.message;
      result.totalUs = now() - started;
      result.done = !result.error && result.status === 200 && tail.includes('data: [DONE]');
      if (result.status) onEvent?.('close');
      resolve(result);
    };
    const request = http.request(url, {
      method: 'POST', agent,
      headers: {
        ...extraHeaders, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body),
      },
    }, (response) => {
      result.status = response.statusCode;
      onEvent?.('open');
      response.on('data', (chunk) => {
        const t = now();
        if (result.firstByteUs === null) result.firstByteUs = t - started;
        else result.maxGapUs = Math.max(result.maxGapUs, t - last);
        last = t;
        tail = (tail + chunk.toString('latin1')).slice(-64);
      });
      response.on('end', () => settle(null));
      response.on('error', settle);
      response.on('aborted', () => settle(new Error('aborted')));
    });
    // Timed from the TCP connect, not from the call: opening thousands of requests in one
    // tick queues them in this client first, and that wait is not the server's.
    request.on('socket', (socket) => {
      if (socket.connecting) socket.once('connect', () => { started = now(); last = started; });
    });
    request.on('error', settle);
    request.end(body);
  });
}

async function ttft() {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const first = [];
  const total = [];
  let errors = 0;
  for (let i = 0; i < count; ++i) {
    const r = await streamOnce(agent);
    if (!r.done) { ++errors; continue; }
    first.push(r.firstByteUs);
    total.push(r.totalUs);
  }
  agent.destroy();
  return {
    requests: count, errors,
    ttft_p50_us: percentile(first, 50), ttft_p99_us: percentile(first, 99),
    total_p50_us: percentile(total, 50), total_p99_us: percentile(total, 99),
  };
}

function readProcStatus(pid) {
  try {
    const text = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (name) => Number((text.match(new RegExp(`^${name}:\\s+(\\d+)`, 'm')) || [])[1] || 0);
    return { rssKb: field('VmRSS'), threads: field('Threads') };
  } catch {
    return { rssKb: 0, threads: 0 };
  }
}

async function concurrent() {
  const [pidText, stallText, deadlineText] = rest;
  const stallUs = Number(stallText) * 1000;
  const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });
  let open = 0;
  let peakOpen = 0;
  let rssAtPeakKb = 0;
  let peakRssKb = 0;
  let peakThreads = 0;
  const sampler = setInterval(() => {
    const s = readProcStatus(pidText);
    peakRssKb = Math.max(peakRssKb, s.rssKb);
    peakThreads = Math.max(peakThreads, s.threads);
    if (open >= peakOpen) rssAtPeakKb = s.rssKb;
  }, 100);
  const onEvent = (what) => {
    open += what === 'open' ? 1 : -1;
    peakOpen = Math.max(peakOpen, open);
  };
  const started = now();
  const streams = Array.from({ length: count }, () => streamOnce(agent, onEvent));
  let timer;
  const deadline = new Promise((resolve) => {
    timer = setTimeout(resolve, Number(deadlineText), 'deadline');
  });
  const outcome = await Promise.race([Promise.all(streams), deadline]);
  clearTimeout(timer);
  clearInterval(sampler);
  const timedOut = outcome === 'deadline';
  agent.destroy();
  const results = timedOut ? [] : outcome;
  const ok = results.filter((r) => r.done).length;
  const firsts = results.filter((r) => r.firstByteUs !== null).map((r) => r.firstByteUs);
  const stalledOne = (r) => r.firstByteUs === null || r.firstByteUs > stallUs || r.maxGapUs > stallUs;
  const stalled = results.filter(stalledOne).length;
  return {
    streams: count, ok, errors: timedOut ? count : count - ok, stalled, timed_out: timedOut,
    wall_ms: Math.round((now() - started) / 1000), peak_open: peakOpen,
    ttft_p50_ms: firsts.length ? percentile(firsts, 50) / 1000 : null,
    ttft_p99_ms: firsts.length ? percentile(firsts, 99) / 1000 : null,
    ttft_max_ms: firsts.length ? Math.max(...firsts) / 1000 : null,
    max_gap_ms: results.length ? Math.max(...results.map((r) => r.maxGapUs)) / 1000 : null,
    rss_at_peak_kb: rssAtPeakKb, peak_rss_kb: peakRssKb, peak_threads: peakThreads,
  };
}

const result = mode === 'ttft' ? await ttft() : await concurrent();
console.log('RESULT ' + JSON.stringify(result));
process.exit(0);
