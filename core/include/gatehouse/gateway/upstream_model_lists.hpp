// The upstream's own model lists of the providers configured with list_upstream_models,
// fetched through the provider plugin (GH_ENDPOINT_MODELS) and cached for a minute, for
// GET /v1/models. Thread-safe.
//
// A list is refreshed by the first request after it expired, on that request's thread;
// requests arriving meanwhile are served the list as it was. No lock is held while a
// provider runs. A failed refresh keeps the previous list (none before the first
// success), logs a warning, and is retried kRetryAfterFailure later.
#pragma once

#include <gatehouse/gateway/model_catalog.hpp>
#include <gatehouse/gateway/model_list_json.hpp>

#include <chrono>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace gatehouse::gateway {

class UpstreamModelLists {
public:
  using Clock = std::function<std::chrono::steady_clock::time_point()>;
  static constexpr std::chrono::seconds kTimeToLive{60};
  // Shorter than the TTL so a brief outage is not remembered for a minute, long enough
  // that a dead upstream is not asked on every request.
  static constexpr std::chrono::seconds kRetryAfterFailure{10};

  // `defaultCreated` (unix seconds) stands in for an entry without "created".
  UpstreamModelLists(std::vector<ListingProvider> providers, std::int64_t defaultCreated,
                     Clock clock = &std::chrono::steady_clock::now);

  // Every provider's upstream models as "<provider>/<id>", owned by the provider, in
  // provider order then upstream order; refreshes the lists that are due first.
  // `requestId` labels the fetches.
  std::vector<ListedModel> current(std::string_view requestId);

  // One fetch, uncached: the models as current() lists them, or why it failed.
  static std::variant<std::vector<ListedModel>, std::string>
  fetch(const ListingProvider& listing, std::string_view requestId, std::int64_t defaultCreated);

private:
  struct Entry {
    ListingProvider listing;
    std::vector<ListedModel> models;
    bool fetchedOnce = false;
    bool refreshing = false;
    std::chrono::steady_clock::time_point nextRefresh = std::chrono::steady_clock::time_point::min();
  };

  void refresh(std::size_t index, std::string_view requestId);

  std::int64_t defaultCreated_;
  Clock clock_;
  std::mutex mutex_;
  std::vector<Entry> entries_; // fixed after construction, so indexes stay valid
};

} // namespace gatehouse::gateway
