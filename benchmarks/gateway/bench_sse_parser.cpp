// The core's SseParser on an upstream stream, per event: OpenAI chunks as one mock upstream
// read each (the usual case), and a whole 20-chunk stream arriving in one read.
#include <gatehouse/upstream/sse_parser.hpp>

#include <benchmark/benchmark.h>

#include <stdexcept>
#include <string>

namespace {

std::string openAiChunkEvent(int i) {
  return R"(data: {"id":"chatcmpl-8f3a","object":"chat.completion.chunk","created":1764280000,)"
         R"("model":"gpt-4o","choices":[{"index":0,"delta":{"content":"word)" +
         std::to_string(i) + R"( "},"finish_reason":null}],"usage":null})" + "\n\n";
}

void BM_SseParser_EventPerRead(benchmark::State& state) {
  const std::string event = openAiChunkEvent(7);
  gatehouse::SseParser parser;
  gatehouse::SseEvent out;
  for (auto _ : state) {
    parser.feed(event);
    if (!parser.next(out))
      throw std::runtime_error("the parser did not return the event");
    benchmark::DoNotOptimize(out.data.data());
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_SseParser_EventPerRead);

void BM_SseParser_WholeStream20(benchmark::State& state) {
  std::string stream;
  for (int i = 0; i < 20; ++i)
    stream += openAiChunkEvent(i);
  stream += "data: [DONE]\n\n";
  for (auto _ : state) {
    gatehouse::SseParser parser;
    parser.feed(stream);
    gatehouse::SseEvent out;
    int events = 0;
    while (parser.next(out))
      ++events;
    if (events != 21)
      throw std::runtime_error("the parser lost events");
    benchmark::DoNotOptimize(events);
  }
  state.SetItemsProcessed(state.iterations() * 21); // per-event time = 1 / items_per_second
}
BENCHMARK(BM_SseParser_WholeStream20);

} // namespace
