// Usage aggregated from the hourly rollups, for analytics and budgets.
#pragma once

#include <cstdint>
#include <string>

namespace gatehouse::store {

enum class UsageGroupBy { None, User, Team, App, Model, Key, Hour };

struct UsageQuery {
  // Hours whose start lies in [fromMs, toMs) are counted: the rollups are hourly.
  std::int64_t fromMs = 0;
  std::int64_t toMs = 0;
  UsageGroupBy groupBy = UsageGroupBy::None;
  std::string userId; // "" for every user
  std::string teamId; // "" for every team
  std::string keyId;  // "" for every key
};

struct UsageAggregate {
  std::string key; // user id, team id, app, model, key id, or the hour start in ms as text; "" for None
  std::int64_t requests = 0;
  std::int64_t errorRequests = 0;    // HTTP status >= 400
  std::int64_t unpricedRequests = 0; // cost unknown when recorded
  std::int64_t promptTokens = 0;
  std::int64_t completionTokens = 0;
  std::int64_t cachedPromptTokens = 0;
  std::int64_t reasoningTokens = 0;
  std::int64_t images = 0;
  std::int64_t audioMilliseconds = 0;
  std::int64_t characters = 0;
  std::int64_t costMicroUsd = 0;
  std::int64_t durationMs = 0;

  bool operator==(const UsageAggregate&) const = default;
};

} // namespace gatehouse::store
