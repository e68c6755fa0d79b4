// Who is calling, as the helper keeps it: what an auth plugin accepts a request as, and
// what Host::resolveIdentity answers.
#pragma once

#include <gatehouse/plugin_abi.h>
#include <gatehouse/sdk/str.hpp>

#include <cstddef>
#include <cstdint>
#include <string>

namespace gatehouse::sdk {

// Owning strings: the helper keeps them alive for the host.
struct Principal {
  gh_role role = GH_ROLE_MEMBER;
  std::string subject; // stable user id, e.g. "user:42"
  std::string team;
  std::string app;
  std::string keyId;  // credential id, never the secret itself
  std::string scopes; // space-separated, e.g. "model:gpt-4o* endpoint:chat"
  // Since ABI 1.2. The host enforces them per key (or per subject); 0 means no limit.
  std::int64_t requestsPerMinute = 0;
  std::int64_t tokensPerMinute = 0;       // prompt plus completion tokens
  std::int64_t monthlyBudgetMicroUsd = 0; // millionths of a US dollar per calendar month (UTC)
};

namespace detail {

// The sizes of gh_principal as ABI 1.0 and 1.2 define it: a host hands over at least the
// first, and the limits are there only when its struct_size reaches the second.
inline constexpr std::size_t kPrincipalSize10 = offsetof(gh_principal, requests_per_minute);
inline constexpr std::size_t kPrincipalSize12 =
    offsetof(gh_principal, monthly_budget_micro_usd) + sizeof(int64_t);

// A limit as written, or 0 (no limit) when the writer's struct predates it (the field is
// then not read at all: it may lie past the writer's memory); a negative limit means
// nothing sensible, so it reads as no limit too.
inline std::int64_t limitOf(const gh_principal& raw, std::int64_t gh_principal::*field) noexcept {
  if (raw.struct_size < kPrincipalSize12) {
    return 0;
  }
  const std::int64_t value = raw.*field;
  return value > 0 ? value : 0;
}

// Copies what a host wrote into `raw`, reading only what its struct_size covers.
inline Principal principalFrom(const gh_principal& raw) {
  Principal principal;
  principal.role = raw.role;
  principal.subject = std::string(view(raw.subject));
  principal.team = std::string(view(raw.team));
  principal.app = std::string(view(raw.app));
  principal.keyId = std::string(view(raw.key_id));
  principal.scopes = std::string(view(raw.scopes));
  principal.requestsPerMinute = limitOf(raw, &gh_principal::requests_per_minute);
  principal.tokensPerMinute = limitOf(raw, &gh_principal::tokens_per_minute);
  principal.monthlyBudgetMicroUsd = limitOf(raw, &gh_principal::monthly_budget_micro_usd);
  return principal;
}

// The ABI view of `principal`, borrowing its strings: keep it alive and unchanged while
// the host may read the view.
inline gh_principal principalView(const Principal& principal) noexcept {
  gh_principal out{};
  out.struct_size = sizeof(gh_principal);
  out.role = principal.role;
  out.subject = ghStr(principal.subject);
  out.team = ghStr(principal.team);
  out.app = ghStr(principal.app);
  out.key_id = ghStr(principal.keyId);
  out.scopes = ghStr(principal.scopes);
  out.requests_per_minute = principal.requestsPerMinute;
  out.tokens_per_minute = principal.tokensPerMinute;
  out.monthly_budget_micro_usd = principal.monthlyBudgetMicroUsd;
  return out;
}

} // namespace detail
} // namespace gatehouse::sdk
