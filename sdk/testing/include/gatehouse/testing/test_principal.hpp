// An owning principal for billing tests; view() lends it out as the ABI's gh_principal.
#pragma once

#include <gatehouse/plugin_abi.h>
#include <gatehouse/sdk/str.hpp>

#include <string>

namespace gatehouse::testing {

struct TestPrincipal {
  gh_role role = GH_ROLE_MEMBER;
  std::string subject = "user:test";
  std::string team;
  std::string app;
  std::string keyId;
  std::string scopes;

  // Borrows this object's strings: keep it alive while the result is in use.
  gh_principal view() const {
    return gh_principal{
        sizeof(gh_principal), role, sdk::ghStr(subject), sdk::ghStr(team), sdk::ghStr(app), sdk::ghStr(keyId),
        sdk::ghStr(scopes)};
  }
};

} // namespace gatehouse::testing
