// Usage events and their hourly rollups. Every method throws StoreError on failure.
#pragma once

#include <gatehouse/store/usage_summary.hpp>
#include <gatehouse/usage/usage_event.hpp>

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace gatehouse::store {

class UsageRepository {
public:
  virtual ~UsageRepository() = default;

  // Writes the events in one transaction with multi-row inserts and returns how many were new.
  // Idempotent on requestId: an event already stored (or repeated in `events`) is skipped and
  // not counted again in the rollups, which are updated in the same transaction from exactly
  // the rows this call inserted. Safe to retry after any failure.
  virtual std::size_t insert(std::span<const UsageEvent> events) = 0;
  virtual std::optional<UsageEvent> find(const std::string& requestId) = 0;
  virtual std::vector<UsageAggregate> summarize(const UsageQuery& query) = 0; // ordered by key
};

} // namespace gatehouse::store
