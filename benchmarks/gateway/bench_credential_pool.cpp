// Weighted credential selection (providers[].credentials): what every request to a pooled
// provider pays when its plugin asks for a key. CredentialLease::secret is the real path
// (a clock read and CredentialPool::pick); the pool alone shows the pick's own cost, with
// none resting (one atomic add and a table read), with one resting (the picks that land
// on it scan the others) and with all but one resting (every pick scans). Pools of 2, 8
// and 64 keys; 8 threads share one pool's counter.
#include <gatehouse/common/log.hpp>
#include <gatehouse/gateway/credential_lease.hpp>
#include <gatehouse/gateway/credential_pool.hpp>

#include <benchmark/benchmark.h>

#include <memory>
#include <string>

namespace {

using gatehouse::gateway::CredentialLease;
using gatehouse::gateway::CredentialPool;

// Weights 3, 1, 1, ...: an uneven pool, so the round robin's cycle is not trivial.
std::unique_ptr<CredentialPool> poolOf(int size) {
  std::vector<CredentialPool::Credential> credentials;
  for (int i = 0; i < size; ++i) {
    credentials.push_back({"key-" + std::to_string(i), "sk-bench-" + std::to_string(i), i == 0 ? 3 : 1});
  }
  return std::make_unique<CredentialPool>("bench", std::move(credentials));
}

void BM_CredentialLease_Secret(benchmark::State& state) {
  static std::unique_ptr<CredentialPool> pool;
  if (state.thread_index() == 0) {
    pool = poolOf(static_cast<int>(state.range(0)));
  }
  for (auto _ : state) {
    CredentialLease lease(pool.get()); // one per request, on the stack
    benchmark::DoNotOptimize(lease.secret().data());
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_CredentialLease_Secret)->Arg(2)->Arg(8)->Arg(64);
BENCHMARK(BM_CredentialLease_Secret)->Arg(8)->Threads(8);

void BM_CredentialPool_Pick(benchmark::State& state) {
  const std::unique_ptr<CredentialPool> pool = poolOf(static_cast<int>(state.range(0)));
  constexpr std::int64_t kNowMs = 1'000'000;
  for (auto _ : state) {
    benchmark::DoNotOptimize(pool->pick(kNowMs));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_CredentialPool_Pick)->Arg(2)->Arg(8)->Arg(64);

// The heaviest key (a quarter or more of the picks) rests: those picks take the scan.
void BM_CredentialPool_PickWithOneResting(benchmark::State& state) {
  const std::unique_ptr<CredentialPool> pool = poolOf(static_cast<int>(state.range(0)));
  constexpr std::int64_t kNowMs = 1'000'000;
  gatehouse::log::setLevel(gatehouse::log::Level::Error); // the rest's warning, once per run
  pool->rest(0, 60'000, 429, kNowMs);
  for (auto _ : state) {
    const std::size_t picked = pool->pick(kNowMs);
    if (picked == 0) {
      state.SkipWithError("picked the resting key");
      break;
    }
    benchmark::DoNotOptimize(picked);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_CredentialPool_PickWithOneResting)->Arg(2)->Arg(8)->Arg(64);

// The worst case: every key but the last rests, so nearly every pick lands on a resting
// key and scans the whole pool for the one available.
void BM_CredentialPool_PickWithAllButOneResting(benchmark::State& state) {
  const std::unique_ptr<CredentialPool> pool = poolOf(static_cast<int>(state.range(0)));
  constexpr std::int64_t kNowMs = 1'000'000;
  gatehouse::log::setLevel(gatehouse::log::Level::Error);
  const std::size_t last = pool->size() - 1;
  for (std::size_t i = 0; i < last; ++i) {
    pool->rest(i, 60'000, 429, kNowMs);
  }
  for (auto _ : state) {
    const std::size_t picked = pool->pick(kNowMs);
    if (picked != last) {
      state.SkipWithError("picked a resting key");
      break;
    }
    benchmark::DoNotOptimize(picked);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_CredentialPool_PickWithAllButOneResting)->Arg(2)->Arg(8)->Arg(64);

} // namespace
