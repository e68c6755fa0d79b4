// The identity resolver behind the FakeHost's identity_resolve (ABI 1.2). It records every
// identity the plugin asked about and answers, by default, with the principal
//   subject = the identity's subject, team = its first team, role = its role
// (the real host answers with its own user id; tests only need something predictable).
// A test can answer differently or make every call fail:
//
//   host.identities().respond([](const sdk::Identity& who) {
//     sdk::Principal principal;
//     principal.subject = "user:" + who.subject;
//     return principal;                            // or throw sdk::Error(status, message)
//   });
//   host.identities().fail(GH_ERROR_PERMISSION_DENIED, "This account is disabled.");
//
// As with credential_find, the views handed out die at the next call or when the plugin
// call returns (overwritten with '#').
#pragma once

#include <gatehouse/plugin_abi.h>
#include <gatehouse/sdk/error.hpp>
#include <gatehouse/sdk/identity.hpp>
#include <gatehouse/sdk/principal.hpp>
#include <gatehouse/testing/abi_struct.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace gatehouse::testing {

// gh_identity as ABI 1.2 introduced it: no plugin can pass a smaller one.
inline constexpr std::size_t kIdentitySize12 = offsetof(gh_identity, reserved) + sizeof(int32_t);

class FakeIdentities {
public:
  using Responder = std::function<sdk::Principal(const sdk::Identity&)>;

  // Answers every later call with `responder`; an sdk::Error it throws fails the call with
  // its status and message.
  FakeIdentities& respond(Responder responder) {
    responder_ = std::move(responder);
    return *this;
  }
  // Every later call fails with `status` and `message`; GH_OK makes them succeed again.
  FakeIdentities& fail(gh_status status, std::string message) {
    failure_ = status;
    failureMessage_ = std::move(message);
    return *this;
  }

  // Every identity the plugin asked about, in order, as the host read it.
  const std::vector<sdk::Identity>& calls() const { return calls_; }

  // The default answer (see the top of this file).
  static sdk::Principal defaultPrincipal(const sdk::Identity& identity) {
    sdk::Principal principal;
    principal.role = identity.role;
    principal.subject = identity.subject;
    principal.team = identity.teams.empty() ? std::string() : identity.teams.front();
    return principal;
  }

  // --- the host side: what identity_resolve does ---
  gh_status resolve(const gh_identity& identity, gh_principal& out, std::string& why) {
    if (identity.struct_size < kIdentitySize12) {
      why = "identity_resolve: struct_size is smaller than ABI 1.2's gh_identity";
      return GH_ERROR_INVALID_ARGUMENT;
    }
    if (out.struct_size < sdk::detail::kPrincipalSize10) {
      why = "identity_resolve: out_principal's struct_size is smaller than ABI 1.0's gh_principal";
      return GH_ERROR_INVALID_ARGUMENT;
    }
    calls_.push_back(sdk::detail::identityFrom(identity));
    const sdk::Identity& asked = calls_.back();
    if (failure_ != GH_OK) {
      why = failureMessage_;
      return failure_;
    }
    // As the real resolver: a user is found by its subject, so there must be one.
    if (asked.subject.empty()) {
      why = "the identity has no subject";
      return GH_ERROR_INVALID_ARGUMENT;
    }
    sdk::Principal principal;
    try {
      principal = responder_ ? responder_(asked) : defaultPrincipal(asked);
    } catch (const sdk::Error& error) {
      why = error.what();
      return error.status();
    } catch (const std::exception& error) {
      why = error.what();
      return GH_ERROR_INTERNAL;
    }
    endCall();
    lent_.push_back(std::make_unique<sdk::Principal>(std::move(principal)));
    copyInto(sdk::detail::principalView(*lent_.back()), out);
    return GH_OK;
  }

  // The views of the last answer die (the plugin call returned).
  void endCall() {
    if (lent_.empty()) {
      return;
    }
    sdk::Principal& last = *lent_.back();
    for (std::string* text : {&last.subject, &last.team, &last.app, &last.keyId, &last.scopes}) {
      std::fill(text->begin(), text->end(), '#');
    }
  }

private:
  Responder responder_;
  gh_status failure_ = GH_OK;
  std::string failureMessage_;
  std::vector<sdk::Identity> calls_;
  std::vector<std::unique_ptr<sdk::Principal>> lent_; // the last one backs the live views
};

} // namespace gatehouse::testing
