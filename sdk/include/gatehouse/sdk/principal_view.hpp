// A read-only view of the host's gh_principal, valid during the call it came with.
#pragma once

#include <gatehouse/plugin_abi.h>
#include <gatehouse/sdk/error.hpp>
#include <gatehouse/sdk/str.hpp>

#include <string_view>

namespace gatehouse::sdk {

struct PrincipalView {
  gh_role role = GH_ROLE_MEMBER;
  std::string_view subject; // empty for an anonymous request
  std::string_view team;
  std::string_view app;
  std::string_view keyId;
  std::string_view scopes;

  // NULL stands for an anonymous caller (no auth plugin is configured). A struct smaller
  // than ABI 1.0's cannot come from a valid host.
  static PrincipalView from(const gh_principal* principal) {
    if (principal == nullptr) {
      return PrincipalView{};
    }
    if (principal->struct_size < sizeof(gh_principal)) {
      throw Error(GH_ERROR_INVALID_ARGUMENT, "gh_principal is smaller than ABI 1.0 defines");
    }
    return PrincipalView{principal->role,      view(principal->subject), view(principal->team),
                         view(principal->app), view(principal->key_id),  view(principal->scopes)};
  }
};

} // namespace gatehouse::sdk
