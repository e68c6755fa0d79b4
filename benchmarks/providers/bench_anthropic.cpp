// The anthropic plugin: an OpenAI chat body translated to a Messages API body, and one
// Anthropic stream event (content_block_delta, the event a stream is made of) translated to
// an OpenAI chat.completion.chunk, and a whole non-streamed message to a chat.completion.
#include <benchmark/benchmark.h>

#include <sample_chat.hpp>
#include <stdexcept>

#include "request_translator.hpp"
#include "response_translator.hpp"
#include "stream_translator.hpp"

namespace {

using namespace gatehouse::plugins::anthropic;

void translateOrFail(benchmark::State& state, const std::string& body, bool stream) {
  RequestOptions options;
  options.upstreamModel = "claude-sonnet-4-5";
  options.stream = stream;
  for (auto _ : state) {
    auto request = translateRequest(body, options);
    benchmark::DoNotOptimize(request.body.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * body.size()));
}

void BM_AnthropicRequest_Typical(benchmark::State& state) {
  translateOrFail(state, gatehouse::bench::typicalChatBody(false), false);
}
BENCHMARK(BM_AnthropicRequest_Typical);

void BM_AnthropicRequest_WithTools(benchmark::State& state) {
  translateOrFail(state, gatehouse::bench::chatBodyWithTools(), false);
}
BENCHMARK(BM_AnthropicRequest_WithTools);

void BM_AnthropicResponse_Typical(benchmark::State& state) {
  ReplyContext context;
  context.identity = {"chatcmpl-8f3a", 1764280000, "claude"};
  context.providerName = "anthropic";
  const std::string body = gatehouse::bench::anthropicMessageBody();
  for (auto _ : state) {
    auto translated = translateResponse(body, context);
    benchmark::DoNotOptimize(translated.body.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * body.size()));
}
BENCHMARK(BM_AnthropicResponse_Typical);

void BM_AnthropicStream_TextDeltaEvent(benchmark::State& state) {
  ReplyContext context;
  context.identity = {"chatcmpl-8f3a", 1764280000, "claude"};
  context.providerName = "anthropic";
  StreamTranslator translator(context);
  const std::string messageStart =
      R"({"type":"message_start","message":{"id":"msg_01","type":"message","role":"assistant",)"
      R"("model":"claude-sonnet-4-5","content":[],"stop_reason":null,)"
      R"("usage":{"input_tokens":120,"output_tokens":1}}})";
  const std::string blockStart =
      R"({"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}})";
  translator.translate("message_start", messageStart);
  translator.translate("content_block_start", blockStart);
  const std::string delta =
      R"({"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"reimbursement "}})";
  for (auto _ : state) {
    auto chunks = translator.translate("content_block_delta", delta);
    if (chunks.size() != 1)
      throw std::runtime_error("a text delta should give exactly one chunk");
    benchmark::DoNotOptimize(chunks.data());
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_AnthropicStream_TextDeltaEvent);

} // namespace
