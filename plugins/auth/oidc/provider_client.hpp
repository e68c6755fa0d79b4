// The gateway's view of one identity provider: its discovery document and its signing
// keys, fetched on first use (the IdP need not be up when the gateway starts), cached,
// and shared by every thread.
//
// Keys rotate: a token with a kid the cached set lacks makes the client fetch the set
// again, but at most once per jwks_min_refresh_seconds, so a flood of tokens with made-up
// kids costs the IdP one request per interval. The set is also re-read when it is older
// than an hour, so a key the IdP withdrew stops being trusted.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "discovery.hpp"
#include "http_client.hpp"
#include "jwk_set.hpp"
#include "token_validator.hpp"

namespace gatehouse::plugins::oidc {

class ProviderClient final : public KeySource {
public:
  // How long a failed discovery or first key fetch is remembered before the next try,
  // so an IdP outage does not turn every request into a request to the IdP.
  static constexpr std::int64_t kRetryAfterFailureMs = 1000;
  // A key set older than this is fetched again on next use.
  static constexpr std::int64_t kKeySetMaxAgeMs = 3600 * 1000;

  // `http`, the clock and the log sink must outlive the client.
  ProviderClient(std::string issuer, std::int64_t minRefreshMs, HttpClient& http, Clock clock, LogSink log);

  // The discovery document, fetched on first use. Throws sdk::Error(GH_ERROR_UNAVAILABLE)
  // when the IdP is unreachable or its document is unusable (e.g. another issuer).
  ProviderMetadata metadata();

  PublicKey keyFor(const std::optional<std::string>& kid) override;

  // Key-set fetches so far (successful or not), for tests and diagnostics.
  int keySetFetches() const;

private:
  struct KeySnapshot {
    std::shared_ptr<const JwkSet> keys;
    std::int64_t fetchedAtMs = 0;
  };

  HttpResponse get(const std::string& url, std::string_view what);
  std::shared_ptr<const JwkSet> fetchKeys();
  KeySnapshot snapshot() const;

  const std::string issuer_;
  const std::int64_t minRefreshMs_;
  HttpClient& http_;
  const Clock clock_;
  const LogSink log_;

  // Guards the cached values below; never held during a request to the IdP.
  mutable std::mutex mutex_;
  std::optional<ProviderMetadata> metadata_;
  std::int64_t discoveryFailedAtMs_ = 0;
  std::string discoveryFailure_;
  KeySnapshot keys_;
  std::int64_t keysAttemptedAtMs_ = 0;
  std::string keysFailure_;
  int keySetFetches_ = 0;

  // Serialise the fetches themselves, so concurrent requests share one.
  std::mutex discoveryFetch_;
  std::mutex keysFetch_;
};

} // namespace gatehouse::plugins::oidc
