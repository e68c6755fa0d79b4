// The gemini plugin: an OpenAI chat body translated to a GenerateContentRequest, and one
// streamGenerateContent?alt=sse event (a whole GenerateContentResponse holding the next piece
// of the answer) translated to the OpenAI chat.completion.chunk it becomes, and a whole
// non-streamed GenerateContentResponse to a chat.completion.
#include <benchmark/benchmark.h>

#include <sample_chat.hpp>
#include <stdexcept>

#include "chat_request.hpp"
#include "chat_response.hpp"
#include "chat_stream_translator.hpp"
#include "tool_call_ids.hpp"

namespace {

using namespace gatehouse::plugins::gemini;

void translateOrFail(benchmark::State& state, const std::string& body) {
  const ChatRequestOptions options;
  for (auto _ : state) {
    auto request = translateChatRequest(body, options);
    benchmark::DoNotOptimize(request.body.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * body.size()));
}

void BM_GeminiRequest_Typical(benchmark::State& state) {
  translateOrFail(state, gatehouse::bench::typicalChatBody(false));
}
BENCHMARK(BM_GeminiRequest_Typical);

void BM_GeminiRequest_WithTools(benchmark::State& state) {
  translateOrFail(state, gatehouse::bench::chatBodyWithTools());
}
BENCHMARK(BM_GeminiRequest_WithTools);

void BM_GeminiResponse_Typical(benchmark::State& state) {
  ChatResponseOptions options;
  options.identity = {"chatcmpl-8f3a", 1764280000, "gemini"};
  options.errors.providerName = "gemini";
  RandomToolCallIds ids;
  const std::string body = gatehouse::bench::geminiResponseBody();
  for (auto _ : state) {
    auto translated = translateChatResponse(body, options, ids);
    benchmark::DoNotOptimize(translated.body.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * body.size()));
}
BENCHMARK(BM_GeminiResponse_Typical);

// Stream events as gemini-2.5-flash sends them (the data of each SSE event): every event
// repeats usageMetadata, modelVersion and responseId.
const char* const kFirstTextEvent =
    R"({"candidates": [{"content": {"parts": [{"text": "Section 4.2 of the travel "}],"role": "model"},)"
    R"("index": 0}],"usageMetadata": {"promptTokenCount": 112,"candidatesTokenCount": 6,)"
    R"("totalTokenCount": 118},"modelVersion": "gemini-2.5-flash","responseId": "Zm-JaKyAMqjJz7IPp8ro4A0"})";
const char* const kTextEvent =
    R"({"candidates": [{"content": {"parts": [{"text": "reimbursement policy covers "}],"role": "model"},)"
    R"("index": 0}],"usageMetadata": {"promptTokenCount": 112,"candidatesTokenCount": 11,)"
    R"("totalTokenCount": 123},"modelVersion": "gemini-2.5-flash","responseId": "Zm-JaKyAMqjJz7IPp8ro4A0"})";
const char* const kFunctionCallEvent =
    R"({"candidates": [{"content": {"parts": [{"functionCall": {"name": "get_current_weather",)"
    R"("args": {"location": "Boston, MA","unit": "celsius"}},"thoughtSignature": "CiQBAdHtim8sigA="}],)"
    R"("role": "model"},"index": 0}],"usageMetadata": {"promptTokenCount": 112,"candidatesTokenCount": 20,)"
    R"("totalTokenCount": 132},"modelVersion": "gemini-2.5-flash","responseId": "Zm-JaKyAMqjJz7IPp8ro4A0"})";

StreamOptions streamOptions() {
  return StreamOptions{{"chatcmpl-8f3a", 1764280000, "gemini"}, false, true, ErrorContext{"gemini", ""}};
}

// Translates `event`, failing unless it gives exactly one chunk and that chunk holds `expected`.
void expectOneChunk(ChatStreamTranslator& translator, const std::string& event, const std::string& expected) {
  auto chunks = translator.translate(event);
  if (chunks.size() != 1 || chunks.front().find(expected) == std::string::npos) {
    throw std::runtime_error("unexpected chunks for a Gemini stream event");
  }
}

// A stream already under way: the first event (role chunk and first text) is handled before
// the timed loop, so each iteration is one mid-stream event giving one content chunk.
void BM_GeminiStream_TextChunkEvent(benchmark::State& state) {
  RandomToolCallIds ids;
  ChatStreamTranslator translator(streamOptions(), ids);
  if (translator.translate(kFirstTextEvent).size() != 2) {
    throw std::runtime_error("the first event should give the role chunk and a content chunk");
  }
  const std::string event = kTextEvent;
  expectOneChunk(translator, event, R"("delta":{"content":"reimbursement policy covers "})");
  if (translator.usage().completionTokens != 11) {
    throw std::runtime_error("the event's usageMetadata was not read");
  }
  for (auto _ : state) {
    auto chunks = translator.translate(event);
    if (chunks.size() != 1) {
      throw std::runtime_error("a text event should give exactly one chunk");
    }
    benchmark::DoNotOptimize(chunks.data());
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_GeminiStream_TextChunkEvent);

// One functionCall part (with the thoughtSignature 2.5 models attach) -> one tool_calls chunk
// with a generated id. The choice's call index grows by one per iteration, as in a stream of
// many calls.
void BM_GeminiStream_FunctionCallEvent(benchmark::State& state) {
  RandomToolCallIds ids;
  ChatStreamTranslator translator(streamOptions(), ids);
  if (translator.translate(kFirstTextEvent).size() != 2) {
    throw std::runtime_error("the first event should give the role chunk and a content chunk");
  }
  const std::string event = kFunctionCallEvent;
  expectOneChunk(
      translator, event,
      R"("name":"get_current_weather","arguments":"{\"location\":\"Boston, MA\",\"unit\":\"celsius\"}"},)"
      R"("extra_content":{"google":{"thought_signature":"CiQBAdHtim8sigA="}})");
  for (auto _ : state) {
    auto chunks = translator.translate(event);
    if (chunks.size() != 1) {
      throw std::runtime_error("a functionCall event should give exactly one chunk");
    }
    benchmark::DoNotOptimize(chunks.data());
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_GeminiStream_FunctionCallEvent);

} // namespace
