// What the gateway pays to validate a chat completions body and pull out the model and
// the stream flag (parseChatRequest, the chat branch of parseModelRequest): one full
// RapidJSON parse of the client's body per request.
#include <gatehouse/gateway/chat_request.hpp>

#include <benchmark/benchmark.h>

#include <sample_chat.hpp>

#include <stdexcept>
#include <variant>

namespace {

void parseOrFail(benchmark::State& state, const std::string& body) {
  for (auto _ : state) {
    auto parsed = gatehouse::gateway::parseChatRequest(body);
    if (!std::holds_alternative<gatehouse::gateway::ModelRequest>(parsed))
      throw std::runtime_error("the sample chat body no longer validates");
    benchmark::DoNotOptimize(parsed);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * body.size()));
}

void BM_ParseChatRequest_Typical(benchmark::State& state) {
  parseOrFail(state, gatehouse::bench::typicalChatBody(false));
}
BENCHMARK(BM_ParseChatRequest_Typical);

void BM_ParseChatRequest_WithTools(benchmark::State& state) {
  parseOrFail(state, gatehouse::bench::chatBodyWithTools());
}
BENCHMARK(BM_ParseChatRequest_WithTools);

} // namespace
