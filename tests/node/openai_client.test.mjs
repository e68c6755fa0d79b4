// The official `openai` npm client pointed at a real gatehouse process whose `openai`
// provider plugin talks to the project's mock upstream: what an app sees when it swaps
// api.openai.com for the gateway's base URL.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import OpenAI from 'openai';
import { startGateway, startMockUpstream } from './harness.mjs';

const companyKey = 'sk-company-test-0123456789abcdef';
let mock;
let gateway;
let client;

before(async () => {
  mock = await startMockUpstream();
  gateway = await startGateway({
    env: { GATEHOUSE_NODE_TEST_OPENAI_KEY: companyKey },
    plugins: [{ name: 'openai', path: 'libgatehouse_provider_openai.so' }],
    providers: [{
      name: 'openai',
      plugin: 'openai',
      config: { base_url: `${mock.base}/v1`, api_key: 'env:GATEHOUSE_NODE_TEST_OPENAI_KEY' },
      models: [
        { name: 'gpt-4o', upstream_model: 'gpt-4o-2024-08-06', aliases: ['company-default'] },
        { name: 'text-embedding-3-small' },
        { name: 'dall-e-3' },
        { name: 'gpt-4o-busy', upstream_model: 'mock-fail-429/gpt-4o' },
      ],
    }],
  });
  // The app's own key: the gateway, not the app, holds the provider key.
  client = new OpenAI({ baseURL: `${gateway.base}/v1`, apiKey: 'app-key-not-a-provider-key', maxRetries: 0 });
});

after(async () => {
  await gateway?.stop();
  await mock?.stop();
});

async function lastUpstreamRequest() {
  const requests = await mock.requests();
  assert.ok(requests.length > 0, 'the upstream received nothing');
  return requests[requests.length - 1];
}

test('lists the configured models and aliases', async () => {
  const ids = [];
  for await (const model of client.models.list()) ids.push(model.id);
  for (const id of ['gpt-4o', 'company-default', 'text-embedding-3-small', 'dall-e-3']) {
    assert.ok(ids.includes(id), `${id} missing from ${ids.join(', ')}`);
  }
});

test('chat completion: the upstream gets the company key and the mapped model, the app the answer', async () => {
  const completion = await client.chat.completions.create({
    model: 'gpt-4o',
    messages: [{ role: 'user', content: 'hello gateway' }],
    temperature: 0.25,
    seed: 7,
  });
  assert.equal(completion.object, 'chat.completion');
  assert.equal(completion.choices[0].message.content, 'Echo: hello gateway');
  assert.equal(completion.choices[0].finish_reason, 'stop');
  assert.ok(completion.usage.prompt_tokens > 0);
  assert.ok(completion.usage.completion_tokens > 0);

  const upstream = await lastUpstreamRequest();
  assert.equal(upstream.target, '/v1/chat/completions');
  assert.equal(upstream.headers.authorization, `Bearer ${companyKey}`);
  const sent = JSON.parse(upstream.body);
  assert.equal(sent.model, 'gpt-4o-2024-08-06');
  assert.equal(sent.temperature, 0.25);
  assert.equal(sent.seed, 7);
  assert.deepEqual(sent.messages, [{ role: 'user', content: 'hello gateway' }]);
});

test('an alias reaches the same upstream model', async () => {
  const completion = await client.chat.completions.create({
    model: 'company-default', messages: [{ role: 'user', content: 'via alias' }],
  });
  assert.equal(completion.choices[0].message.content, 'Echo: via alias');
  assert.equal(JSON.parse((await lastUpstreamRequest()).body).model, 'gpt-4o-2024-08-06');
});

test('streaming delivers the text in pieces and no usage chunk the app did not ask for', async () => {
  const stream = await client.chat.completions.create({
    model: 'gpt-4o', stream: true, messages: [{ role: 'user', content: 'one two three four' }],
  });
  let text = '';
  let chunks = 0;
  let finish = null;
  for await (const chunk of stream) {
    chunks += 1;
    assert.equal(chunk.object, 'chat.completion.chunk');
    assert.ok(chunk.choices.length > 0, `unexpected usage-only chunk ${JSON.stringify(chunk)}`);
    text += chunk.choices[0].delta.content ?? '';
    finish = chunk.choices[0].finish_reason ?? finish;
  }
  assert.equal(text, 'Echo: one two three four');
  assert.ok(chunks >= 4, `only ${chunks} chunks`);
  assert.equal(finish, 'stop');
  // The gateway asked for usage anyway, to account for the request.
  assert.equal(JSON.parse((await lastUpstreamRequest()).body).stream_options.include_usage, true);
});

test('streaming with include_usage ends with the usage chunk', async () => {
  const stream = await client.chat.completions.create({
    model: 'gpt-4o', stream: true, stream_options: { include_usage: true },
    messages: [{ role: 'user', content: 'count me' }],
  });
  let usage = null;
  for await (const chunk of stream) {
    if (chunk.usage) usage = chunk.usage;
  }
  assert.ok(usage, 'no usage chunk');
  assert.ok(usage.prompt_tokens > 0 && usage.completion_tokens > 0);
});

const weatherTool = {
  type: 'function',
  function: {
    name: 'get_weather',
    description: 'Current weather for a city',
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  },
};

test('tools: a forced tool call comes back with parseable arguments', async () => {
  const completion = await client.chat.completions.create({
    model: 'gpt-4o', tools: [weatherTool], tool_choice: 'required',
    messages: [{ role: 'user', content: 'Paris' }],
  });
  const choice = completion.choices[0];
  assert.equal(choice.finish_reason, 'tool_calls');
  assert.equal(choice.message.tool_calls.length, 1);
  const call = choice.message.tool_calls[0];
  assert.equal(call.function.name, 'get_weather');
  assert.deepEqual(JSON.parse(call.function.arguments), { city: 'Paris' });
  const sent = JSON.parse((await lastUpstreamRequest()).body);
  assert.deepEqual(sent.tools, [weatherTool]);
  assert.equal(sent.tool_choice, 'required');
});

test('tools: streamed tool call arguments reassemble', async () => {
  const stream = await client.chat.completions.create({
    model: 'gpt-4o', stream: true, tools: [weatherTool], tool_choice: 'required',
    messages: [{ role: 'user', content: 'Reykjavik and beyond' }],
  });
  let name = '';
  let args = '';
  for await (const chunk of stream) {
    for (const call of chunk.choices[0]?.delta?.tool_calls ?? []) {
      assert.equal(call.index, 0);
      name += call.function?.name ?? '';
      args += call.function?.arguments ?? '';
    }
  }
  assert.equal(name, 'get_weather');
  assert.deepEqual(JSON.parse(args), { city: 'Reykjavik and beyond' });
});

test('embeddings for several inputs', async () => {
  const response = await client.embeddings.create({
    model: 'text-embedding-3-small', input: ['first text', 'second text'], dimensions: 8,
  });
  assert.equal(response.data.length, 2);
  assert.equal(response.data[1].index, 1);
  assert.equal(response.data[0].embedding.length, 8);
  assert.ok(response.usage.prompt_tokens > 0);
});

test('image generation', async () => {
  const response = await client.images.generate({
    model: 'dall-e-3', prompt: 'a lighthouse at dusk', size: '1024x1024', response_format: 'b64_json',
  });
  assert.equal(response.data.length, 1);
  assert.ok(Buffer.from(response.data[0].b64_json, 'base64').subarray(1, 4).toString() === 'PNG');
});

test('an unknown model is a NotFoundError', async () => {
  await assert.rejects(
    client.chat.completions.create({ model: 'no-such-model', messages: [{ role: 'user', content: 'x' }] }),
    (error) => error instanceof OpenAI.NotFoundError && error.status === 404);
});

test('an upstream rate limit reaches the app as a RateLimitError without the company key', async () => {
  await assert.rejects(
    client.chat.completions.create({ model: 'gpt-4o-busy', messages: [{ role: 'user', content: 'x' }] }),
    (error) => {
      assert.ok(error instanceof OpenAI.RateLimitError, String(error));
      assert.equal(error.status, 429);
      assert.ok(!JSON.stringify(error.error ?? {}).includes(companyKey));
      assert.ok(!String(error.message).includes(companyKey));
      return true;
    });
  assert.ok(!gateway.output().includes(companyKey), 'the company key reached the gateway log');
});
