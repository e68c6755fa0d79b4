// The bodies of POST /admin/keys and PATCH /admin/keys/{id}, read and validated before
// anyone's permissions are looked at: unknown fields, wrong types, bad model globs,
// unknown endpoint names, limits below 1 and expiries in the past are all 400s naming the
// field.
//
//   {"name": "ci-bot", "team_id": "...", "role": "member",
//    "scopes": {"models": ["gpt-4o*"], "endpoints": ["chat"]},
//    "expires_at": 1767225600 | "expires_in_days": 90,
//    "limits": {"requests_per_minute": 60, "tokens_per_minute": 100000, "monthly_budget_usd": 25.5},
//    "owner_id": "..."}
#pragma once

#include <gatehouse/admin/key_scopes.hpp>
#include <gatehouse/http/api_error.hpp>
#include <gatehouse/store/api_key.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace gatehouse::admin {

inline constexpr std::size_t kMaxKeyNameLength = 100;
inline constexpr std::size_t kMaxScopeItems = 100;
inline constexpr std::int64_t kMaxRequestsPerMinute = 10'000'000;
inline constexpr std::int64_t kMaxTokensPerMinute = 10'000'000'000;
inline constexpr double kMaxMonthlyBudgetUsd = 1e9;
inline constexpr std::int64_t kMaxExpiresInDays = 3650;

struct CreateKeyRequest {
  std::string name;
  std::string teamId;                      // empty: no team
  std::optional<store::Role> role;         // absent: member
  KeyScopes scopes;                        // empty lists: everything
  store::ApiKeyLimits limits;              // absent: no limit
  std::optional<std::int64_t> expiresAtMs; // absent: never
  std::string ownerId;                     // empty: the caller
};

// A change to some of a key's fields; what is not set stays as it is.
struct KeyPatch {
  template <typename T> using Change = std::optional<T>; // set: change to this value

  Change<std::string> name;
  Change<std::vector<std::string>> models;    // replaces the model list only
  Change<std::vector<std::string>> endpoints; // replaces the endpoint list only
  // A limit set to nullopt is removed ("limits": {"tokens_per_minute": null}).
  Change<std::optional<std::int64_t>> requestsPerMinute;
  Change<std::optional<std::int64_t>> tokensPerMinute;
  Change<std::optional<std::int64_t>> monthlyBudgetMicroUsd;
  Change<std::optional<std::int64_t>> expiresAtMs; // set to nullopt: never expires
  Change<bool> disabled;

  bool changesScopes() const { return models.has_value() || endpoints.has_value(); }
  bool changesLimits() const {
    return requestsPerMinute.has_value() || tokensPerMinute.has_value() || monthlyBudgetMicroUsd.has_value();
  }
  // The first field given that only an administrator may change ("scopes", "limits",
  // "expires_at"), or empty.
  std::string firstAdminOnlyField() const;
};

// `nowMs` decides what "in the future" means for expires_at / expires_in_days.
std::variant<CreateKeyRequest, http::ApiError> parseCreateKeyRequest(std::string_view body,
                                                                     std::int64_t nowMs);
std::variant<KeyPatch, http::ApiError> parseKeyPatch(std::string_view body, std::int64_t nowMs);

// The scopes the key will have after `patch`.
KeyScopes patchedScopes(const KeyScopes& current, const KeyPatch& patch);
// The limits the key will have after `patch`.
store::ApiKeyLimits patchedLimits(const store::ApiKeyLimits& current, const KeyPatch& patch);

// US dollars -> millionths, rounded to the nearest.
std::int64_t toMicroUsd(double usd);

} // namespace gatehouse::admin
