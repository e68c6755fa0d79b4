// Usage event pricing as core runs it: BillingUsageSink takes an event off the request path
// (submit: a queue push), and its thread builds the plugin-facing view, asks the biller for a
// price, records it and forwards the priced event downstream. The biller here is a per-token
// rate in the benchmark itself, so the figure is core's cost per priced event, not any billing
// plugin's own logic (no billing plugin ships in the tree).
#include <gatehouse/gateway/billing_usage_sink.hpp>

#include <benchmark/benchmark.h>

#include <atomic>
#include <string>
#include <thread>

namespace {

using gatehouse::UsageEvent;
using gatehouse::gateway::Biller;
using gatehouse::gateway::BillingUsageSink;

// Counts what reaches it, as the usage writer would receive it.
class CountingSink final : public gatehouse::UsageSink {
public:
  void submit(UsageEvent event) noexcept override {
    if (event.costMicroUsd >= 0)
      priced.fetch_add(1, std::memory_order_release);
  }
  std::atomic<std::int64_t> priced{0};
};

Biller perTokenBiller() {
  Biller biller;
  biller.name = "per-token";
  biller.price = [](const gh_usage_event& event) {
    gatehouse::PriceOutcome outcome;
    // 2.50 USD per million prompt tokens, 10.00 per million completion tokens, in micro-USD.
    outcome.costMicroUsd = (event.usage.prompt_tokens * 250 + event.usage.completion_tokens * 1000) / 100;
    return outcome;
  };
  biller.record = [](const gh_usage_event&, std::int64_t) { return gatehouse::PluginResult{}; };
  return biller;
}

UsageEvent typicalEvent(int index) {
  UsageEvent event;
  event.requestId = "req_" + std::to_string(index) + "_0123456789abcdef0123456789";
  event.subject = "user_2f6c1e0a";
  event.team = "team_platform";
  event.app = "chat-assistant";
  event.keyId = "key_8d1c44b2";
  event.provider = "openai";
  event.model = "gpt-4o";
  event.upstreamModel = "gpt-4o-2024-08-06";
  event.startedAtMs = 1'764'300'000'000;
  event.durationMs = 412;
  event.usage.prompt_tokens = 1200 + index % 100;
  event.usage.completion_tokens = 300;
  return event;
}

// Items per second: events submitted, priced and forwarded; the submit call's own cost shows in
// CPU time per item on the submitting thread.
void BM_BillingSink_PriceAndForward(benchmark::State& state) {
  constexpr int kEventsPerRound = 10'000;
  CountingSink downstream;
  BillingUsageSink sink({perTokenBiller()}, &downstream, 100'000);
  std::int64_t expected = 0;
  int index = 0;
  for (auto _ : state) {
    for (int i = 0; i < kEventsPerRound; ++i)
      sink.submit(typicalEvent(index++));
    expected += kEventsPerRound;
    while (downstream.priced.load(std::memory_order_acquire) < expected)
      std::this_thread::yield();
  }
  state.SetItemsProcessed(state.iterations() * kEventsPerRound);
  sink.stop(std::chrono::seconds(5));
}
BENCHMARK(BM_BillingSink_PriceAndForward)->UseRealTime()->Unit(benchmark::kMillisecond);

} // namespace
