// The official `openai` client driving a Claude-named and a Gemini-named model through the
// gateway: the app changes the model name and nothing else, and gets the same shapes back
// (chat, stream, tools), while the anthropic and gemini plugins speak each provider's own
// wire format to the project's mock upstream.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import OpenAI from 'openai';
import { startGateway, startMockUpstream } from './harness.mjs';

const keys = {
  anthropic: 'sk-ant-company-test-0123456789',
  gemini: 'AIzaCompanyTestKey0123456789',
};
let mock;
let gateway;
let client;

before(async () => {
  mock = await startMockUpstream();
  gateway = await startGateway({
    env: { GATEHOUSE_NODE_TEST_ANTHROPIC_KEY: keys.anthropic, GATEHOUSE_NODE_TEST_GEMINI_KEY: keys.gemini },
    plugins: [
      { name: 'anthropic', path: 'libgatehouse_provider_anthropic.so' },
      { name: 'gemini', path: 'libgatehouse_provider_gemini.so' },
    ],
    providers: [
      {
        name: 'anthropic', plugin: 'anthropic',
        config: { base_url: mock.base, api_key: 'env:GATEHOUSE_NODE_TEST_ANTHROPIC_KEY' },
        models: [{ name: 'claude-sonnet-4', upstream_model: 'claude-sonnet-4-20250514' }],
      },
      {
        name: 'gemini', plugin: 'gemini',
        config: { base_url: mock.base, api_key: 'env:GATEHOUSE_NODE_TEST_GEMINI_KEY' },
        models: [{ name: 'gemini-2.0-flash' }],
      },
    ],
  });
  client = new OpenAI({ baseURL: `${gateway.base}/v1`, apiKey: 'app-key', maxRetries: 0 });
});

after(async () => {
  await gateway?.stop();
  await mock?.stop();
});

async function lastUpstreamRequest() {
  const requests = await mock.requests();
  return requests[requests.length - 1];
}

const weatherTool = {
  type: 'function',
  function: {
    name: 'get_weather',
    description: 'Current weather for a city',
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  },
};

const models = [
  {
    model: 'claude-sonnet-4',
    checkUpstream(request) {
      assert.equal(request.target, '/v1/messages');
      assert.equal(request.headers['x-api-key'], keys.anthropic);
      assert.equal(JSON.parse(request.body).model, 'claude-sonnet-4-20250514');
    },
    checkToolResult(sent, callId) {
      const blocks = sent.messages.flatMap((message) => (Array.isArray(message.content) ? message.content : []));
      const use = blocks.find((block) => block.type === 'tool_use');
      const result = blocks.find((block) => block.type === 'tool_result');
      assert.equal(use.id, callId);
      assert.equal(result.tool_use_id, callId);
    },
  },
  {
    model: 'gemini-2.0-flash',
    checkUpstream(request) {
      assert.match(request.target, /^\/v1beta\/models\/gemini-2\.0-flash:(generateContent|streamGenerateContent)/);
      assert.equal(request.headers['x-goog-api-key'], keys.gemini);
      assert.ok(!request.target.includes(keys.gemini), 'the key must not be in the URL');
    },
    checkToolResult(sent) {
      const parts = sent.contents.flatMap((content) => content.parts);
      assert.ok(parts.some((part) => part.functionCall?.name === 'get_weather'), JSON.stringify(sent));
      assert.ok(parts.some((part) => part.functionResponse?.name === 'get_weather'), JSON.stringify(sent));
    },
  },
];

for (const { model, checkUpstream, checkToolResult } of models) {
  test(`${model}: chat`, async () => {
    const completion = await client.chat.completions.create({
      model,
      messages: [
        { role: 'system', content: 'You are terse.' },
        { role: 'user', content: 'hello translated world' },
      ],
      max_tokens: 200,
    });
    assert.equal(completion.object, 'chat.completion');
    assert.equal(completion.model, model);
    assert.equal(completion.choices[0].message.role, 'assistant');
    assert.equal(completion.choices[0].message.content, 'Echo: hello translated world');
    assert.equal(completion.choices[0].finish_reason, 'stop');
    assert.ok(completion.usage.prompt_tokens > 0 && completion.usage.completion_tokens > 0);
    checkUpstream(await lastUpstreamRequest());
  });

  test(`${model}: stream`, async () => {
    const stream = await client.chat.completions.create({
      model, stream: true, stream_options: { include_usage: true },
      messages: [{ role: 'user', content: 'alpha beta gamma delta' }],
    });
    let text = '';
    let finish = null;
    let usage = null;
    for await (const chunk of stream) {
      assert.equal(chunk.object, 'chat.completion.chunk');
      if (chunk.usage) usage = chunk.usage;
      const choice = chunk.choices[0];
      if (!choice) continue;
      text += choice.delta.content ?? '';
      finish = choice.finish_reason ?? finish;
    }
    assert.equal(text, 'Echo: alpha beta gamma delta');
    assert.equal(finish, 'stop');
    assert.ok(usage && usage.prompt_tokens > 0 && usage.completion_tokens > 0, 'no usage chunk');
    checkUpstream(await lastUpstreamRequest());
  });

  test(`${model}: forced tool call, then the tool result turn`, async () => {
    const first = await client.chat.completions.create({
      model, tools: [weatherTool], tool_choice: 'required',
      messages: [{ role: 'user', content: 'Lisbon' }],
    });
    const choice = first.choices[0];
    assert.equal(choice.finish_reason, 'tool_calls');
    const call = choice.message.tool_calls[0];
    assert.equal(call.type, 'function');
    assert.equal(call.function.name, 'get_weather');
    assert.deepEqual(JSON.parse(call.function.arguments), { city: 'Lisbon' });
    assert.ok(call.id.length > 0);

    const second = await client.chat.completions.create({
      model, tools: [weatherTool],
      messages: [
        { role: 'user', content: 'Lisbon' },
        choice.message,
        { role: 'tool', tool_call_id: call.id, content: '{"temp_c":21}' },
        { role: 'user', content: 'thanks' },
      ],
    });
    // The tool result and the next user text share one user turn upstream; the mock
    // echoes the whole turn's text.
    assert.match(second.choices[0].message.content, /^Echo: .*thanks$/);
    checkToolResult(JSON.parse((await lastUpstreamRequest()).body), call.id);
  });

  test(`${model}: streamed tool call arguments reassemble`, async () => {
    const stream = await client.chat.completions.create({
      model, stream: true, tools: [weatherTool], tool_choice: 'required',
      messages: [{ role: 'user', content: 'Porto' }],
    });
    let name = '';
    let args = '';
    let finish = null;
    for await (const chunk of stream) {
      const choice = chunk.choices[0];
      if (!choice) continue;
      finish = choice.finish_reason ?? finish;
      for (const call of choice.delta.tool_calls ?? []) {
        assert.equal(call.index, 0);
        name += call.function?.name ?? '';
        args += call.function?.arguments ?? '';
      }
    }
    assert.equal(name, 'get_weather');
    assert.deepEqual(JSON.parse(args), { city: 'Porto' });
    assert.equal(finish, 'tool_calls');
  });
}

test('no provider key reaches the app or the log', async () => {
  for (const key of Object.values(keys)) {
    assert.ok(!gateway.output().includes(key), 'a provider key reached the gateway log');
  }
});
