// The openai plugin's chat request patch (prepareChatRequest): parse the client's body,
// replace "model", add stream_options.include_usage to streams, write it back out. This is
// all the plugin does to a passthrough request before the host sends it. And what it does
// to a non-streamed answer: parse it and read the usage; the body goes out as it came.
#include <benchmark/benchmark.h>

#include <sample_chat.hpp>
#include <stdexcept>

#include "chat_request.hpp"
#include "json_body.hpp"
#include "usage_json.hpp"

namespace {

using gatehouse::plugins::openai::prepareChatRequest;

void BM_OpenAiPatch_Plain(benchmark::State& state) {
  const std::string body = gatehouse::bench::typicalChatBody(false);
  for (auto _ : state) {
    auto request = prepareChatRequest(body, "gpt-4o-2024-08-06", false, false);
    benchmark::DoNotOptimize(request.body.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * body.size()));
}
BENCHMARK(BM_OpenAiPatch_Plain);

void BM_OpenAiPatch_StreamWithUsage(benchmark::State& state) {
  const std::string body = gatehouse::bench::typicalChatBody(true);
  for (auto _ : state) {
    auto request = prepareChatRequest(body, "gpt-4o-2024-08-06", true, true);
    benchmark::DoNotOptimize(request.body.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * body.size()));
}
BENCHMARK(BM_OpenAiPatch_StreamWithUsage);

void BM_OpenAiPatch_WithTools(benchmark::State& state) {
  const std::string body = gatehouse::bench::chatBodyWithTools();
  for (auto _ : state) {
    auto request = prepareChatRequest(body, "gpt-4o-2024-08-06", false, false);
    benchmark::DoNotOptimize(request.body.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * body.size()));
}
BENCHMARK(BM_OpenAiPatch_WithTools);

void BM_OpenAiResponse_ReadUsage(benchmark::State& state) {
  using namespace gatehouse::plugins::openai;
  const std::string body = gatehouse::bench::openAiCompletionBody();
  for (auto _ : state) {
    rapidjson::Document answer;
    if (!parseJson(body, answer)) {
      throw std::runtime_error("the sample completion should parse");
    }
    const rapidjson::Value* usage = findChatUsage(answer);
    if (usage == nullptr) {
      throw std::runtime_error("the sample completion has usage");
    }
    benchmark::DoNotOptimize(readChatUsage(*usage));
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * body.size()));
}
BENCHMARK(BM_OpenAiResponse_ReadUsage);

} // namespace
