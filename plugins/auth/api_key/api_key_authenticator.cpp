#include "api_key_authenticator.hpp"

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "key_principal.hpp"
#include "key_shape.hpp"
#include "key_state.hpp"
#include "presented_keys.hpp"

namespace gatehouse::plugins::api_key {
namespace {

std::string conflictMessage(const std::vector<PresentedKey>& presented) {
  std::string names;
  for (const PresentedKey& key : presented) {
    if (!names.empty()) {
      names += ", ";
    }
    names += headerName(key.header);
  }
  return "The request carries different credentials in " + names + "; send a single API key.";
}

} // namespace

ApiKeyAuthenticator::ApiKeyAuthenticator(const sdk::Host& host, ApiKeyConfig config)
    : host_(host), config_(std::move(config)) {
}

sdk::AuthDecision ApiKeyAuthenticator::authenticate(const sdk::Request& request, std::int64_t nowMs) const {
  const std::vector<PresentedKey> presented = presentedKeys(request, config_.headers);
  std::optional<std::string_view> key;
  for (const PresentedKey& candidate : presented) {
    if (hasKeyPrefix(candidate.value)) {
      key = candidate.value;
      break;
    }
  }
  if (!key) {
    return sdk::AuthDecision::notMine();
  }
  // The same key in several headers is fine (some clients send both); anything else
  // beside it is ambiguous, and guessing could bill the wrong key.
  for (const PresentedKey& candidate : presented) {
    if (candidate.value != *key) {
      return sdk::AuthDecision::deny(conflictMessage(presented));
    }
  }
  return judge(*key, nowMs);
}

sdk::AuthDecision ApiKeyAuthenticator::judge(std::string_view key, std::int64_t nowMs) const {
  if (!isWellFormedKey(key)) {
    host_.debug("API key refused: malformed");
    return sdk::AuthDecision::deny(std::string(kInvalidApiKey));
  }
  std::optional<sdk::Credential> found;
  try {
    found = host_.findCredential(key);
  } catch (const sdk::Error& error) {
    // The host never puts the secret in its message, but this is the one place it passed
    // through, so it is checked rather than trusted.
    const std::string why(error.what());
    host_.warn("API key lookup failed (status " + std::to_string(error.status()) +
               "): " + (why.find(key) == std::string::npos ? why : std::string("(message withheld)")));
    throw sdk::Error(error.status(), "API keys cannot be checked right now; retry shortly.");
  }
  if (!found) {
    host_.debug("API key refused: unknown");
    return sdk::AuthDecision::deny(std::string(kInvalidApiKey));
  }
  const KeyState state = stateOf(*found, nowMs);
  if (state != KeyState::Usable) {
    host_.info("API key " + found->keyId + " refused: " + std::string(describe(state)));
    return sdk::AuthDecision::deny(std::string(kInvalidApiKey));
  }
  return sdk::AuthDecision::accept(principalOf(*found));
}

} // namespace gatehouse::plugins::api_key
