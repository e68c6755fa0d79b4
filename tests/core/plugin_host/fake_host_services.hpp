// In-memory HostServices for plugin-host tests: a key directory keyed by the secret itself
// (the real one hashes it; the host never sees the difference) and an identity resolver
// that records what it was asked and answers from a script.
#pragma once

#include <gatehouse/plugin_host/host_services.hpp>

#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace gatehouse::host_testing {

class FakeCredentialDirectory : public CredentialDirectory {
public:
  std::map<std::string, CredentialRecord, std::less<>> keys; // secret -> key
  bool loaded = true;
  bool throwOnFind = false;
  mutable std::vector<std::string> asked; // every secret looked up, in order

  Lookup find(std::string_view secret, CredentialRecord& out) const override {
    asked.emplace_back(secret);
    if (throwOnFind) {
      throw std::runtime_error("directory exploded: mysql://admin:hunter2@db");
    }
    if (!loaded) {
      return Lookup::NotLoaded;
    }
    const auto found = keys.find(secret);
    if (found == keys.end()) {
      return Lookup::NotFound;
    }
    out = found->second;
    return Lookup::Found;
  }
};

class FakeIdentityResolver : public IdentityResolver {
public:
  std::vector<IdentityClaims> asked;
  // The answer: the principal, else this error, else (throwOther) a plain exception.
  Principal answer;
  std::optional<IdentityError> error;
  bool throwOther = false;

  Principal resolve(const IdentityClaims& claims) override {
    asked.push_back(claims);
    if (error) {
      throw *error;
    }
    if (throwOther) {
      throw std::runtime_error("store exploded: mysql://admin:hunter2@db");
    }
    Principal resolved = answer;
    if (resolved.subject.empty()) {
      resolved.subject = "user:" + claims.subject;
    }
    return resolved;
  }
};

// A key with every field set, for round trips.
inline CredentialRecord sampleKey(std::string keyId = "key_1") {
  CredentialRecord key;
  key.keyId = std::move(keyId);
  key.owner = "user_7";
  key.team = "team_3";
  key.name = "batch-jobs";
  key.scopes = "model:gpt-4o* endpoint:chat";
  key.role = GH_ROLE_ADMIN;
  key.expiresAtMs = 1'900'000'000'000;
  key.revokedAtMs = 0;
  key.requestsPerMinute = 60;
  key.tokensPerMinute = 90'000;
  key.monthlyBudgetMicroUsd = 50'000'000;
  return key;
}

} // namespace gatehouse::host_testing
