// API keys as stored: only a hash of the secret, never the secret itself.
#pragma once

#include <gatehouse/store/user.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace gatehouse::store {

// Absent means unlimited.
struct ApiKeyLimits {
  std::optional<std::int64_t> requestsPerMinute;
  std::optional<std::int64_t> tokensPerMinute;
  std::optional<std::int64_t> monthlyBudgetMicroUsd;

  bool operator==(const ApiKeyLimits&) const = default;
};

struct NewApiKey {
  std::string keyHash;     // hash of the full secret, computed by the caller; unique
  std::string prefix;      // first characters of the secret, shown to people to tell keys apart
  std::string ownerUserId; // must exist
  std::string teamId;      // "" when the key belongs to no team; must exist otherwise
  std::string name;
  Role role = Role::Member;
  std::vector<std::string> scopes; // each without whitespace
  ApiKeyLimits limits;
  std::optional<std::int64_t> expiresAtMs;
};

struct ApiKey {
  std::string id;
  std::string keyHash;
  std::string prefix;
  std::string ownerUserId;
  std::string teamId;
  std::string name;
  Role role = Role::Member;
  std::vector<std::string> scopes;
  ApiKeyLimits limits;
  std::optional<std::int64_t> expiresAtMs;
  std::optional<std::int64_t> revokedAtMs;
  bool disabled = false; // switched off by its owner or an admin; unlike revocation, reversible (schema 6)
  std::int64_t createdAtMs = 0;
  std::int64_t updatedAtMs = 0;
  // Position in the store-wide order of key changes; see ApiKeyRepository::changedSince.
  std::int64_t changeSeq = 0;

  bool usableAt(std::int64_t nowMs) const {
    return !disabled && !revokedAtMs && (!expiresAtMs || nowMs < *expiresAtMs);
  }
};

// Keys written after a cursor, and the cursor to pass next time.
struct ApiKeyChanges {
  std::vector<ApiKey> keys; // in change order; includes revoked keys so caches drop them
  std::int64_t cursor = 0;
};

} // namespace gatehouse::store
