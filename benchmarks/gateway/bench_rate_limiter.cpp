// RateLimiter::admit for a principal it already tracks (the cache-hit path every limited
// request takes): one shard lock, a hash lookup, a few integer operations. Single-threaded
// and with 8 threads on distinct keys (shard contention), plus the header formatting that
// follows an admission.
#include <gatehouse/gateway/rate_limit_response.hpp>
#include <gatehouse/gateway/rate_limiter.hpp>

#include <benchmark/benchmark.h>

#include <array>
#include <stdexcept>
#include <string>

namespace {

gatehouse::Principal limitedPrincipal(const std::string& keyId) {
  gatehouse::Principal principal;
  principal.subject = "user-" + keyId;
  principal.keyId = keyId;
  // High enough that a benchmark run never hits them: the admitted path is measured.
  principal.requestsPerMinute = 1'000'000'000;
  principal.tokensPerMinute = 1'000'000'000;
  return principal;
}

void BM_RateLimiter_AdmitKnownPrincipal(benchmark::State& state) {
  static gatehouse::gateway::RateLimiter limiter;
  // Other principals in the table, so the lookup is not into an empty map.
  if (state.thread_index() == 0) {
    for (int i = 0; i < 10'000; ++i)
      limiter.admit(limitedPrincipal("key-other-" + std::to_string(i)));
  }
  const gatehouse::Principal principal =
      limitedPrincipal("key-bench-" + std::to_string(state.thread_index()));
  limiter.admit(principal); // now known
  for (auto _ : state) {
    const gatehouse::gateway::RateLimitDecision decision = limiter.admit(principal);
    if (!decision.admitted)
      throw std::runtime_error("the benchmark principal was refused");
    benchmark::DoNotOptimize(decision.requestsRemaining);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_RateLimiter_AdmitKnownPrincipal);
BENCHMARK(BM_RateLimiter_AdmitKnownPrincipal)->Threads(8);

void BM_RateLimiter_FormatResetHeader(benchmark::State& state) {
  std::array<char, 24> buffer{};
  std::int64_t milliseconds = 59'250;
  for (auto _ : state) {
    benchmark::DoNotOptimize(gatehouse::gateway::formatResetDuration(milliseconds, buffer).size());
    milliseconds = (milliseconds + 7) % 60'000;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_RateLimiter_FormatResetHeader);

} // namespace
