#include <gatehouse/common/log.hpp>
#include <gatehouse/gateway/credential_pool.hpp>

#include <chrono>
#include <limits>
#include <numeric>
#include <stdexcept>

namespace gatehouse::gateway {
namespace {

constexpr std::string_view kLogComponent = "credentials";

// One cycle of the smooth weighted round robin: each step every credential gains its
// weight, the richest is chosen and pays the total. Weights are divided by their common
// divisor first, so 300/100 cycles like 3/1.
std::vector<std::uint8_t> roundRobinCycle(const std::vector<CredentialPool::Credential>& credentials) {
  int divisor = 0;
  for (const auto& credential : credentials) {
    divisor = std::gcd(divisor, credential.weight);
  }
  std::vector<int> weights;
  int total = 0;
  for (const auto& credential : credentials) {
    weights.push_back(credential.weight / divisor);
    total += weights.back();
  }
  std::vector<int> current(weights.size(), 0);
  std::vector<std::uint8_t> cycle;
  cycle.reserve(static_cast<std::size_t>(total));
  for (int step = 0; step < total; ++step) {
    std::size_t best = 0;
    for (std::size_t i = 0; i < weights.size(); ++i) {
      current[i] += weights[i];
      if (current[i] > current[best]) {
        best = i;
      }
    }
    current[best] -= total;
    cycle.push_back(static_cast<std::uint8_t>(best));
  }
  return cycle;
}

} // namespace

std::int64_t CredentialPool::nowMs() noexcept {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

CredentialPool::CredentialPool(std::string providerName, std::vector<Credential> credentials)
    : providerName_(std::move(providerName)), credentials_(std::move(credentials)) {
  if (credentials_.empty() || credentials_.size() > kMaxCredentials) {
    throw std::invalid_argument("provider '" + providerName_ + "': a credential pool holds 1 to " +
                                std::to_string(kMaxCredentials) + " credentials");
  }
  for (const Credential& credential : credentials_) {
    if (credential.weight < 1 || credential.weight > kMaxWeight) {
      throw std::invalid_argument("provider '" + providerName_ + "': credential '" + credential.name +
                                  "': weight must be 1.." + std::to_string(kMaxWeight));
    }
  }
  schedule_ = roundRobinCycle(credentials_);
  restUntilMs_ = std::make_unique<std::atomic<std::int64_t>[]>(credentials_.size());
  for (std::size_t i = 0; i < credentials_.size(); ++i) {
    restUntilMs_[i].store(0, std::memory_order_relaxed);
  }
}

std::size_t CredentialPool::pick(std::int64_t nowMs) noexcept {
  if (credentials_.size() == 1) {
    return 0;
  }
  const std::uint64_t ticket = nextTicket_.fetch_add(1, std::memory_order_relaxed);
  const std::size_t scheduled = schedule_[ticket % schedule_.size()];
  if (!resting(scheduled, nowMs)) {
    return scheduled;
  }
  return pickAvailable(ticket, nowMs);
}

// The slow path, only while some credential rests: a weighted choice among the others,
// the ticket cycling through their weight bands so their shares still hold over time.
std::size_t CredentialPool::pickAvailable(std::uint64_t ticket, std::int64_t nowMs) const noexcept {
  std::uint64_t availableWeight = 0;
  std::size_t soonest = 0;
  std::int64_t soonestEnd = std::numeric_limits<std::int64_t>::max();
  for (std::size_t i = 0; i < credentials_.size(); ++i) {
    const std::int64_t until = restUntilMs_[i].load(std::memory_order_relaxed);
    if (until <= nowMs) {
      availableWeight += static_cast<std::uint64_t>(credentials_[i].weight);
    } else if (until < soonestEnd) {
      soonestEnd = until;
      soonest = i;
    }
  }
  if (availableWeight == 0) {
    return soonest;
  }
  std::uint64_t band = ticket % availableWeight;
  for (std::size_t i = 0; i < credentials_.size(); ++i) {
    if (restUntilMs_[i].load(std::memory_order_relaxed) > nowMs) {
      continue;
    }
    const auto weight = static_cast<std::uint64_t>(credentials_[i].weight);
    if (band < weight) {
      return i;
    }
    band -= weight;
  }
  return soonest; // only if a rest began during the scan
}

void CredentialPool::rest(std::size_t index, std::int64_t restMs, int httpStatus, std::int64_t nowMs) {
  if (index >= credentials_.size() || restMs <= 0) {
    return;
  }
  const std::int64_t until = nowMs + restMs;
  std::atomic<std::int64_t>& slot = restUntilMs_[index];
  std::int64_t previous = slot.load(std::memory_order_relaxed);
  while (previous < until && !slot.compare_exchange_weak(previous, until, std::memory_order_relaxed)) {
  }
  if (previous >= until || previous > nowMs) {
    return; // it already rested at least this long, or still rests: said so once already
  }
  log::warn(kLogComponent, "provider '" + providerName_ + "': credential '" + credentials_[index].name +
                               "' was refused by the upstream (HTTP " + std::to_string(httpStatus) +
                               "); resting it for " + std::to_string((restMs + 999) / 1000) + " s");
}

bool CredentialPool::resting(std::size_t index, std::int64_t nowMs) const noexcept {
  return restUntilMs_[index].load(std::memory_order_relaxed) > nowMs;
}

} // namespace gatehouse::gateway
