// A provider's pool of credentials (providers[].credentials): several keys of the same
// upstream, each with a weight. Every request takes one, in proportion to the weights; a
// credential the upstream refused (429, 401, 403) rests for a while and the others take
// its share. Built once at start-up; pick() and rest() take no lock (one atomic add per
// pick), so any number of request threads share one pool.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace gatehouse::gateway {

class CredentialPool {
public:
  struct Credential {
    std::string name;   // for logs; never the secret
    std::string secret; // the resolved key
    int weight = 1;     // 1..kMaxWeight
  };

  static constexpr int kMaxWeight = 1000;
  static constexpr std::size_t kMaxCredentials = 64;

  // Throws std::invalid_argument for an empty pool, more than kMaxCredentials or a weight
  // outside 1..kMaxWeight. `providerName` labels the log lines about rests.
  CredentialPool(std::string providerName, std::vector<Credential> credentials);

  // The clock the times below are on (steady, milliseconds).
  static std::int64_t nowMs() noexcept;

  // The index of the credential for the next request. With none resting, successive
  // picks follow a smooth weighted round robin (weights 3 and 1 give A A B A, not A A A
  // B), so every window of sum-of-weights picks matches the weights exactly. Resting
  // credentials are skipped, the others sharing the requests by weight; when every one
  // rests, the one whose rest ends first is used (the upstream decides, not the gateway).
  std::size_t pick(std::int64_t nowMs) noexcept;

  // Rests credential `index` until nowMs + restMs, unless it already rests longer. Logs a
  // warning when it starts resting (not for every refusal while it rests).
  void rest(std::size_t index, std::int64_t restMs, int httpStatus, std::int64_t nowMs);

  bool resting(std::size_t index, std::int64_t nowMs) const noexcept;
  const Credential& credential(std::size_t index) const { return credentials_[index]; }
  std::size_t size() const noexcept { return credentials_.size(); }
  const std::string& providerName() const noexcept { return providerName_; }

private:
  std::size_t pickAvailable(std::uint64_t ticket, std::int64_t nowMs) const noexcept;

  std::string providerName_;
  std::vector<Credential> credentials_;
  std::vector<std::uint8_t> schedule_;                       // one weight cycle of the round robin, by index
  std::unique_ptr<std::atomic<std::int64_t>[]> restUntilMs_; // per credential; 0: not resting
  std::atomic<std::uint64_t> nextTicket_{0};
};

} // namespace gatehouse::gateway
