// The key directory behind the FakeHost's credential_find (ABI 1.2): the test adds API keys
// by their secret, the plugin looks them up, and every lookup is recorded.
//
//   sdk::Credential key;
//   key.keyId = "key-1";
//   key.owner = "user:7";
//   host.credentials().add("ghk_...", key);
//   host.credentials().setUnavailable(true); // as before the real directory has loaded
//
// The views a lookup hands out die as the ABI says (at the next lookup, or when the plugin
// call returns): they are overwritten with '#', so a plugin that keeps one sends visible
// garbage instead of passing by luck.
#pragma once

#include <gatehouse/plugin_abi.h>
#include <gatehouse/sdk/credential.hpp>
#include <gatehouse/testing/abi_struct.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gatehouse::testing {

// gh_credential as ABI 1.2 introduced it: no plugin can pass a smaller one.
inline constexpr std::size_t kCredentialSize12 = offsetof(gh_credential, disabled) + sizeof(int32_t);

class FakeCredentials {
public:
  // Adds the key `secret` stands for, replacing one added under the same secret.
  FakeCredentials& add(std::string secret, sdk::Credential credential) {
    keys_[std::move(secret)] = std::move(credential);
    return *this;
  }
  FakeCredentials& remove(std::string_view secret) {
    const auto found = keys_.find(secret);
    if (found != keys_.end()) {
      keys_.erase(found);
    }
    return *this;
  }
  // While true, every lookup fails with GH_ERROR_UNAVAILABLE, as the real host's does
  // before its key directory has loaded.
  FakeCredentials& setUnavailable(bool unavailable) {
    unavailable_ = unavailable;
    return *this;
  }

  // Every secret the plugin looked up, in order. Only a test host keeps them: the real
  // one never stores, logs or echoes a secret.
  const std::vector<std::string>& lookups() const { return lookups_; }

  // --- the host side: what credential_find does ---
  gh_status find(std::string_view secret, gh_credential& out, std::string& why) {
    if (out.struct_size < kCredentialSize12) {
      why = "credential_find: struct_size is smaller than ABI 1.2's gh_credential";
      return GH_ERROR_INVALID_ARGUMENT;
    }
    lookups_.emplace_back(secret);
    if (unavailable_) {
      why = "the API key directory has not loaded yet";
      return GH_ERROR_UNAVAILABLE;
    }
    const auto found = keys_.find(secret);
    if (found == keys_.end()) {
      why = "no such API key";
      return GH_ERROR_NOT_FOUND;
    }
    endCall();
    // A fresh copy each time (the poisoned ones stay allocated), so an outdated view reads
    // '#'s rather than the next key's data.
    lent_.push_back(std::make_unique<sdk::Credential>(found->second));
    copyInto(sdk::detail::credentialView(*lent_.back()), out);
    return GH_OK;
  }

  // The views of the last lookup die (the plugin call returned).
  void endCall() {
    if (lent_.empty()) {
      return;
    }
    sdk::Credential& last = *lent_.back();
    for (std::string* text : {&last.keyId, &last.owner, &last.team, &last.name, &last.scopes}) {
      std::fill(text->begin(), text->end(), '#');
    }
  }

private:
  std::map<std::string, sdk::Credential, std::less<>> keys_;
  bool unavailable_ = false;
  std::vector<std::string> lookups_;
  std::vector<std::unique_ptr<sdk::Credential>> lent_; // the last one backs the live views
};

} // namespace gatehouse::testing
