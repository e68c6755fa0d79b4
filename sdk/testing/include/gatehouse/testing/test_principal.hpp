// An owning principal for billing tests; view() lends it out as the ABI's gh_principal.
#pragma once

#include <gatehouse/plugin_abi.h>
#include <gatehouse/sdk/str.hpp>

#include <cstdint>
#include <string>

namespace gatehouse::testing {

struct TestPrincipal {
  gh_role role = GH_ROLE_MEMBER;
  std::string subject = "user:test";
  std::string team;
  std::string app;
  std::string keyId;
  std::string scopes;
  std::int64_t requestsPerMinute = 0; // ABI 1.2; 0: no limit (the same for the next two)
  std::int64_t tokensPerMinute = 0;
  std::int64_t monthlyBudgetMicroUsd = 0;

  // Borrows this object's strings: keep it alive while the result is in use.
  gh_principal view() const {
    gh_principal out{};
    out.struct_size = sizeof out;
    out.role = role;
    out.subject = sdk::ghStr(subject);
    out.team = sdk::ghStr(team);
    out.app = sdk::ghStr(app);
    out.key_id = sdk::ghStr(keyId);
    out.scopes = sdk::ghStr(scopes);
    out.requests_per_minute = requestsPerMinute;
    out.tokens_per_minute = tokensPerMinute;
    out.monthly_budget_micro_usd = monthlyBudgetMicroUsd;
    return out;
  }
};

} // namespace gatehouse::testing
