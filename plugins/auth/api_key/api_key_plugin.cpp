// The api_key auth plugin: accepts the gateway's own API keys from Authorization: Bearer,
// x-api-key or x-goog-api-key. Written against the SDK alone, as any third-party auth
// plugin would be; keys are looked up in the host's in-memory key directory, so the
// request path never waits on the database.
#include <gatehouse/plugin.hpp>

#include <chrono>
#include <string>

#include "api_key_authenticator.hpp"
#include "api_key_config.hpp"

namespace gatehouse::plugins::api_key {

class ApiKeyPlugin final : public sdk::AuthPlugin {
public:
  explicit ApiKeyPlugin(sdk::Host& host)
      : AuthPlugin(host), authenticator_(host, parseApiKeyConfig(host.pluginConfig())) {
    std::string headers;
    for (KeyHeader header : authenticator_.config().headers) {
      headers += (headers.empty() ? "" : ", ") + std::string(headerName(header));
    }
    host.info("api_key: accepting keys from " + headers);
  }

  sdk::AuthDecision authenticate(sdk::Request& request) override {
    return authenticator_.authenticate(request, nowMs());
  }

private:
  static std::int64_t nowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  }

  const ApiKeyAuthenticator authenticator_;
};

} // namespace gatehouse::plugins::api_key

GATEHOUSE_AUTH_PLUGIN(gatehouse::plugins::api_key::ApiKeyPlugin, "api_key", "1.0.0")
