#include <gatehouse/config/config_error.hpp>
#include <gatehouse/config/config_validator.hpp>

#include <map>
#include <string>
#include <string_view>

#include "json_reader.hpp"

namespace gatehouse {
namespace {

using config_detail::elementPath;
using config_detail::jsonQuoted;

class Validator {
public:
  explicit Validator(const GatewayConfig& config) : config_(config) {}

  void run() {
    FirstUse pluginNames;
    for (std::size_t i = 0; i < config_.plugins.size(); ++i) {
      checkPlugin(i, pluginNames);
    }
    FirstUse providerNames;
    FirstUse publicModelNames;
    for (std::size_t i = 0; i < config_.providers.size(); ++i) {
      checkProvider(i, pluginNames, providerNames, publicModelNames);
    }
    checkLoginPlugin(pluginNames);
  }

private:
  using FirstUse = std::map<std::string, std::string>; // name -> path where it first appeared

  void checkPlugin(std::size_t index, FirstUse& names) const {
    const PluginConfig& plugin = config_.plugins[index];
    const std::string path = elementPath("$.plugins", index);
    requireNonEmpty(path + ".name", plugin.name);
    requireNonEmpty(path + ".path", plugin.path);
    claim(names, plugin.name, path + ".name", "plugin name");
  }

  // The pool's size bounds the host's per-request scan (gateway/credential_pool).
  static constexpr std::size_t kMaxCredentials = 64;

  void checkCredentials(const std::vector<ProviderCredentialConfig>& credentials,
                        const std::string& path) const {
    if (credentials.size() > kMaxCredentials) {
      fail(path, "at most " + std::to_string(kMaxCredentials) + " credentials per provider, got " +
                     std::to_string(credentials.size()));
    }
    FirstUse names;
    for (std::size_t c = 0; c < credentials.size(); ++c) {
      claim(names, credentials[c].name, elementPath(path, c) + ".name", "credential name");
    }
  }

  void checkProvider(std::size_t index, const FirstUse& pluginNames, FirstUse& providerNames,
                     FirstUse& publicModelNames) const {
    const ProviderConfig& provider = config_.providers[index];
    const std::string path = elementPath("$.providers", index);
    requireRoutableName(path + ".name", provider.name);
    claim(providerNames, provider.name, path + ".name", "provider name");
    if (pluginNames.count(provider.plugin) == 0) {
      fail(path + ".plugin", "no plugin named " + jsonQuoted(provider.plugin) + " in $.plugins");
    }
    if (provider.models.empty() && !provider.listUpstreamModels) {
      fail(path + ".models", "a provider needs at least one model");
    }
    checkCredentials(provider.credentials, path + ".credentials");
    for (std::size_t m = 0; m < provider.models.size(); ++m) {
      const ModelConfig& model = provider.models[m];
      const std::string modelPath = elementPath(path + ".models", m);
      requireRoutableName(modelPath + ".name", model.name);
      requireNonEmpty(modelPath + ".upstream_model", model.upstreamModel);
      claim(publicModelNames, model.name, modelPath + ".name", "model name");
      for (std::size_t a = 0; a < model.aliases.size(); ++a) {
        const std::string aliasPath = elementPath(modelPath + ".aliases", a);
        requireRoutableName(aliasPath, model.aliases[a]);
        claim(publicModelNames, model.aliases[a], aliasPath, "model name");
      }
    }
  }

  // Whether a plugin offers sign-in is only known once it is loaded (the app checks that);
  // here: it exists and is not a provider plugin.
  void checkLoginPlugin(const FirstUse& pluginNames) const {
    const std::string& name = config_.auth.loginPlugin;
    if (name.empty()) {
      return;
    }
    const std::string path = "$.auth.login_plugin";
    if (pluginNames.count(name) == 0) {
      fail(path, "no plugin named " + jsonQuoted(name) + " in $.plugins");
    }
    for (std::size_t i = 0; i < config_.providers.size(); ++i) {
      if (config_.providers[i].plugin == name) {
        fail(path, "plugin " + jsonQuoted(name) + " is a provider plugin (used by " +
                       elementPath("$.providers", i) + "); name an auth plugin");
      }
    }
  }

  void requireNonEmpty(const std::string& path, const std::string& value) const {
    if (value.empty()) {
      fail(path, "must not be empty");
    }
  }

  void requireRoutableName(const std::string& path, const std::string& name) const {
    requireNonEmpty(path, name);
    if (name.find('/') != std::string::npos) {
      fail(path, "must not contain '/' (reserved for \"provider/model\" names), got " + jsonQuoted(name));
    }
  }

  void claim(FirstUse& names, const std::string& name, const std::string& path, const char* what) const {
    const auto [first, inserted] = names.emplace(name, path);
    if (!inserted) {
      fail(path, std::string(what) + " " + jsonQuoted(name) + " is already used at " + first->second);
    }
  }

  [[noreturn]] void fail(const std::string& path, const std::string& detail) const {
    throw ConfigError(config_.sourcePath, path, detail);
  }

  const GatewayConfig& config_;
};

} // namespace

void validateConfig(const GatewayConfig& config) {
  Validator(config).run();
}

} // namespace gatehouse
