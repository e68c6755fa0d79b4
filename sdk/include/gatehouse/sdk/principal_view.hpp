// A read-only view of the host's gh_principal, valid during the call it came with.
#pragma once

#include <gatehouse/plugin_abi.h>
#include <gatehouse/sdk/error.hpp>
#include <gatehouse/sdk/principal.hpp>
#include <gatehouse/sdk/str.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace gatehouse::sdk {

struct PrincipalView {
  gh_role role = GH_ROLE_MEMBER;
  std::string_view subject; // empty for an anonymous request
  std::string_view team;
  std::string_view app;
  std::string_view keyId;
  std::string_view scopes;
  // Since ABI 1.2; 0 (no limit) when the host's struct predates them.
  std::int64_t requestsPerMinute = 0;
  std::int64_t tokensPerMinute = 0;
  std::int64_t monthlyBudgetMicroUsd = 0;

  // NULL stands for an anonymous caller (no auth plugin is configured). A struct smaller
  // than ABI 1.0's cannot come from a valid host.
  static PrincipalView from(const gh_principal* principal) {
    if (principal == nullptr) {
      return PrincipalView{};
    }
    if (principal->struct_size < detail::kPrincipalSize10) {
      throw Error(GH_ERROR_INVALID_ARGUMENT, "gh_principal is smaller than ABI 1.0 defines");
    }
    return PrincipalView{principal->role,
                         view(principal->subject),
                         view(principal->team),
                         view(principal->app),
                         view(principal->key_id),
                         view(principal->scopes),
                         detail::limitOf(*principal, &gh_principal::requests_per_minute),
                         detail::limitOf(*principal, &gh_principal::tokens_per_minute),
                         detail::limitOf(*principal, &gh_principal::monthly_budget_micro_usd)};
  }
};

} // namespace gatehouse::sdk
