// The oidc auth plugin: OpenID Connect sign-in for the dashboard (authorization code +
// PKCE) and IdP-issued JWT access tokens on API calls. Written against the SDK alone, as
// any third-party auth plugin would be; the protocol lives in OidcAuthenticator.
#include <gatehouse/plugin.hpp>

#include <string>
#include <string_view>

#include "host_http_client.hpp"
#include "oidc_authenticator.hpp"
#include "oidc_config.hpp"
#include "token_error.hpp"

namespace gatehouse::plugins::oidc {

class OidcPlugin final : public sdk::SignInAuthPlugin {
public:
  explicit OidcPlugin(sdk::Host& host)
      : SignInAuthPlugin(host), config_(parseOidcConfig(host.pluginConfig())), http_(host),
        authenticator_(
            config_, resolveClientSecret(host, config_), http_, &systemClockMs,
            [&host](gh_log_level level, const std::string& message) { host.log(level, message); }) {
    if (config_.issuer.rfind("http://", 0) == 0 && !isLoopback(config_.issuer)) {
      host.warn("oidc: the issuer " + config_.issuer + " is plain http; codes and tokens travel unencrypted");
    }
    // The IdP is not contacted here: the gateway must start while it is down.
    host.info("oidc: issuer " + config_.issuer + ", client " + config_.clientId +
              (config_.acceptAccessTokens ? ", accepting access tokens" : ", sign-in only"));
  }

  sdk::AuthDecision authenticate(sdk::Request& request) override {
    std::optional<sdk::Identity> identity;
    try {
      identity = authenticator_.identityFromBearer(request.header("Authorization"));
    } catch (const TokenError& error) {
      if (host().logEnabled(GH_LOG_DEBUG)) {
        host().debug(std::string("access token refused: ") + error.what());
      }
      return sdk::AuthDecision::deny(error.what());
    }
    if (!identity) {
      return sdk::AuthDecision::notMine();
    }
    try {
      return sdk::AuthDecision::accept(host().resolveIdentity(*identity));
    } catch (const sdk::Error& error) {
      // A disabled user, or an identity the host will not take, is a refusal of these
      // credentials; anything else (the store is down) is the gateway's failure.
      if (error.status() == GH_ERROR_PERMISSION_DENIED || error.status() == GH_ERROR_INVALID_ARGUMENT) {
        return sdk::AuthDecision::deny(error.what());
      }
      throw;
    }
  }

  sdk::LoginStart loginStart(std::string_view state, std::string_view redirectUri) override {
    return authenticator_.loginStart(state, redirectUri);
  }

  sdk::Identity loginFinish(std::string_view redirectUri, std::string_view callbackQuery,
                            std::string_view flow) override {
    return authenticator_.loginFinish(redirectUri, callbackQuery, flow);
  }

private:
  // A plain-http IdP on this machine (a test rig, a sidecar) exposes nothing on the wire.
  static bool isLoopback(std::string_view url) {
    for (std::string_view prefix :
         {"http://127.", "http://localhost:", "http://localhost/", "http://[::1]"}) {
      if (url.substr(0, prefix.size()) == prefix) {
        return true;
      }
    }
    return url == "http://localhost";
  }

  // The secret is read once, at init: an unresolvable reference fails start-up, not the
  // first sign-in.
  static std::string resolveClientSecret(const sdk::Host& host, const OidcConfig& config) {
    if (!config.clientSecretRef) {
      return {};
    }
    std::string secret;
    try {
      secret = host.resolveSecret(*config.clientSecretRef);
    } catch (const sdk::Error& error) {
      throw sdk::Error(GH_ERROR_CONFIG, std::string("oidc plugin config: client_secret: ") + error.what());
    }
    if (secret.empty()) {
      throw sdk::Error(GH_ERROR_CONFIG,
                       "oidc plugin config: client_secret: " + *config.clientSecretRef + " is empty");
    }
    return secret;
  }

  const OidcConfig config_;
  HostHttpClient http_;
  OidcAuthenticator authenticator_;
};

} // namespace gatehouse::plugins::oidc

GATEHOUSE_AUTH_PLUGIN(gatehouse::plugins::oidc::OidcPlugin, "oidc", "1.0.0")
