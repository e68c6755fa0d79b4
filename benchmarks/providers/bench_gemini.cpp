// The gemini plugin: an OpenAI chat body translated to a GenerateContentRequest.
#include <benchmark/benchmark.h>

#include <sample_chat.hpp>

#include "chat_request.hpp"

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

} // namespace
