#include "provider_client.hpp"

#include <gatehouse/sdk/error.hpp>

#include <algorithm>
#include <chrono>
#include <utility>

#include "token_error.hpp"

namespace gatehouse::plugins::oidc {
namespace {

bool contains(const std::vector<std::string>& list, std::string_view value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

} // namespace

std::int64_t systemClockMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

ProviderClient::ProviderClient(std::string issuer, std::int64_t minRefreshMs, HttpClient& http, Clock clock,
                               LogSink log)
    : issuer_(std::move(issuer)), minRefreshMs_(minRefreshMs), http_(http), clock_(std::move(clock)),
      log_(std::move(log)) {
}

HttpResponse ProviderClient::get(const std::string& url, std::string_view what) {
  sdk::UpstreamRequest request;
  request.method = "GET";
  request.url = url;
  request.headers.emplace_back("Accept", "application/json");
  HttpResponse response;
  try {
    response = http_.send(request);
  } catch (const sdk::Error& error) {
    throw sdk::Error(GH_ERROR_UNAVAILABLE, "the identity provider cannot be reached for its " +
                                               std::string(what) + ": " + error.what());
  }
  if (response.status != 200) {
    throw sdk::Error(GH_ERROR_UNAVAILABLE, "the identity provider answered HTTP " +
                                               std::to_string(response.status) + " for its " +
                                               std::string(what));
  }
  return response;
}

ProviderMetadata ProviderClient::metadata() {
  {
    const std::lock_guard lock(mutex_);
    if (metadata_) {
      return *metadata_;
    }
  }
  const std::lock_guard fetching(discoveryFetch_);
  {
    const std::lock_guard lock(mutex_);
    if (metadata_) {
      return *metadata_; // another thread fetched it while this one waited
    }
    if (!discoveryFailure_.empty() && clock_() - discoveryFailedAtMs_ < kRetryAfterFailureMs) {
      throw sdk::Error(GH_ERROR_UNAVAILABLE, discoveryFailure_);
    }
  }
  try {
    const HttpResponse response = get(discoveryUrl(issuer_), "discovery document");
    ProviderMetadata fetched = parseDiscovery(response.body, issuer_);
    if (!fetched.idTokenSigningAlgs.empty() && !contains(fetched.idTokenSigningAlgs, "RS256") &&
        !contains(fetched.idTokenSigningAlgs, "ES256")) {
      log_(GH_LOG_WARN, "the identity provider signs ID tokens with neither RS256 nor ES256; "
                        "its tokens will be refused");
    }
    if (!fetched.codeChallengeMethods.empty() && !contains(fetched.codeChallengeMethods, "S256")) {
      log_(GH_LOG_WARN, "the identity provider does not list PKCE method S256; sign-in may fail");
    }
    const std::lock_guard lock(mutex_);
    metadata_ = fetched;
    discoveryFailure_.clear();
    log_(GH_LOG_INFO, "discovered identity provider " + issuer_);
    return fetched;
  } catch (const sdk::Error& error) {
    const std::lock_guard lock(mutex_);
    discoveryFailedAtMs_ = clock_();
    discoveryFailure_ = error.what();
    log_(GH_LOG_WARN, discoveryFailure_);
    throw sdk::Error(GH_ERROR_UNAVAILABLE, discoveryFailure_);
  }
}

std::shared_ptr<const JwkSet> ProviderClient::fetchKeys() {
  const ProviderMetadata provider = metadata();
  const HttpResponse response = get(provider.jwksUri, "signing keys (jwks_uri)");
  std::vector<std::string> skipped;
  std::optional<JwkSet> keys = JwkSet::parse(response.body, &skipped);
  if (!keys) {
    throw sdk::Error(GH_ERROR_UNAVAILABLE, "the identity provider's jwks_uri did not answer with a JWK set");
  }
  for (const std::string& line : skipped) {
    log_(GH_LOG_INFO, "identity provider signing keys: skipped " + line);
  }
  std::string kids;
  for (const PublicKey& key : keys->keys()) {
    kids += (kids.empty() ? "" : ", ") + (key.kid.empty() ? std::string("(no kid)") : key.kid);
  }
  log_(keys->keys().empty() ? GH_LOG_WARN : GH_LOG_INFO,
       "identity provider signing keys: " + std::to_string(keys->keys().size()) + " usable" +
           (kids.empty() ? std::string() : " (" + kids + ")"));
  return std::make_shared<const JwkSet>(std::move(*keys));
}

ProviderClient::KeySnapshot ProviderClient::snapshot() const {
  const std::lock_guard lock(mutex_);
  return keys_;
}

int ProviderClient::keySetFetches() const {
  const std::lock_guard lock(mutex_);
  return keySetFetches_;
}

PublicKey ProviderClient::keyFor(const std::optional<std::string>& kid) {
  // A token without a kid is only unambiguous when the IdP has a single key.
  const auto pick = [&](const JwkSet& set) -> const PublicKey* {
    if (kid) {
      return set.find(*kid);
    }
    return set.keys().size() == 1 ? &set.keys().front() : nullptr;
  };
  const auto fresh = [&](const KeySnapshot& keys, std::int64_t now) {
    return keys.keys != nullptr && now - keys.fetchedAtMs < kKeySetMaxAgeMs;
  };

  KeySnapshot current = snapshot();
  if (fresh(current, clock_())) {
    if (const PublicKey* key = pick(*current.keys)) {
      return *key;
    }
  }

  const std::lock_guard fetching(keysFetch_);
  const std::int64_t now = clock_();
  current = snapshot(); // another thread may have fetched while this one waited
  if (fresh(current, now)) {
    if (const PublicKey* key = pick(*current.keys)) {
      return *key;
    }
  }
  bool mayFetch = false;
  std::string lastFailure;
  {
    const std::lock_guard lock(mutex_);
    const std::int64_t sinceAttempt = now - keysAttemptedAtMs_;
    mayFetch = keySetFetches_ == 0 || sinceAttempt >= (current.keys ? minRefreshMs_ : kRetryAfterFailureMs);
    if (mayFetch) {
      keysAttemptedAtMs_ = now;
      ++keySetFetches_;
    }
    lastFailure = keysFailure_;
  }
  if (mayFetch) {
    try {
      std::shared_ptr<const JwkSet> fetched = fetchKeys();
      const std::lock_guard lock(mutex_);
      keys_ = KeySnapshot{std::move(fetched), now};
      keysFailure_.clear();
      current = keys_;
    } catch (const sdk::Error& error) {
      {
        const std::lock_guard lock(mutex_);
        keysFailure_ = error.what();
      }
      // A kid the cached set does not know may be a new key the IdP just rotated in:
      // without the IdP there is no telling, so that is an outage, not a bad token.
      if (current.keys == nullptr || pick(*current.keys) == nullptr) {
        throw sdk::Error(GH_ERROR_UNAVAILABLE, error.what());
      }
      log_(GH_LOG_WARN, std::string(error.what()) + "; keeping the signing keys fetched before");
    }
  } else if (current.keys == nullptr) {
    throw sdk::Error(GH_ERROR_UNAVAILABLE, lastFailure.empty()
                                               ? "the identity provider's signing keys are not loaded"
                                               : lastFailure);
  }
  if (const PublicKey* key = pick(*current.keys)) {
    return *key;
  }
  if (!kid) {
    throw TokenError(TokenProblem::UnknownKeyId,
                     "the token names no signing key (kid) and the identity provider has " +
                         std::to_string(current.keys->keys().size()) + " keys");
  }
  throw TokenError(TokenProblem::UnknownKeyId,
                   "the token's signing key is not one of the identity provider's keys (unknown key id)");
}

} // namespace gatehouse::plugins::oidc
