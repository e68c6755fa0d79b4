// Keys shaped like the gateway's ("ghk_" + 43 base64url characters) and directory entries
// for them, shared by the api_key plugin's tests.
#pragma once

#include <gatehouse/sdk/credential.hpp>

#include <string>

namespace gatehouse::plugins::api_key::test_keys {

// A well-formed key whose 43 characters are all `fill`.
inline std::string wellFormedKey(char fill) {
  return "ghk_" + std::string(43, fill);
}

// A usable member key of user:7 in team-3 with every limit set.
inline sdk::Credential usableKey(std::string keyId = "key-1") {
  sdk::Credential key;
  key.keyId = std::move(keyId);
  key.owner = "user:7";
  key.team = "team-3";
  key.name = "billing-bot";
  key.scopes = "model:gpt-4o* endpoint:chat";
  key.role = GH_ROLE_MEMBER;
  key.requestsPerMinute = 60;
  key.tokensPerMinute = 90'000;
  key.monthlyBudgetMicroUsd = 5'000'000;
  return key;
}

} // namespace gatehouse::plugins::api_key::test_keys
