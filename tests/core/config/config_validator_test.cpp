#include <gatehouse/config/config_error.hpp>
#include <gatehouse/config/config_validator.hpp>

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

namespace gatehouse {
namespace {

// A config built in code, as the app or a test would: the validator must hold it to the
// same rules as a file.
GatewayConfig validConfig() {
  GatewayConfig config;
  config.sourcePath = "built-in";
  config.plugins.push_back({"openai", "libgatehouse_provider_openai.so", "{}"});
  ProviderConfig provider;
  provider.name = "openai-eu";
  provider.plugin = "openai";
  provider.models.push_back({"gpt-4o", "gpt-4o-2024-08-06", {"gpt4o"}});
  config.providers.push_back(provider);
  return config;
}

ConfigError validationError(const GatewayConfig& config) {
  try {
    validateConfig(config);
  } catch (const ConfigError& error) {
    return error;
  }
  throw std::logic_error("config was accepted");
}

TEST(ConfigValidator, AcceptsAValidConfig) {
  EXPECT_NO_THROW(validateConfig(validConfig()));
}

TEST(ConfigValidator, AcceptsAConfigWithoutPluginsOrProviders) {
  EXPECT_NO_THROW(validateConfig(GatewayConfig{}));
}

TEST(ConfigValidator, ErrorsNameTheSourcePath) {
  GatewayConfig config = validConfig();
  config.plugins[0].name.clear();
  EXPECT_STREQ(validationError(config).what(), "built-in: $.plugins[0].name: must not be empty");
}

TEST(ConfigValidator, RefusesAnEmptyPluginPath) {
  GatewayConfig config = validConfig();
  config.plugins[0].path.clear();
  EXPECT_EQ(validationError(config).path(), "$.plugins[0].path");
}

TEST(ConfigValidator, RefusesAnEmptyUpstreamModel) {
  GatewayConfig config = validConfig();
  config.providers[0].models[0].upstreamModel.clear();
  const ConfigError error = validationError(config);
  EXPECT_EQ(error.path(), "$.providers[0].models[0].upstream_model");
  EXPECT_EQ(error.detail(), "must not be empty");
}

TEST(ConfigValidator, RefusesAProviderWithoutModels) {
  GatewayConfig config = validConfig();
  config.providers[0].models.clear();
  EXPECT_EQ(validationError(config).path(), "$.providers[0].models");
}

TEST(ConfigValidator, AcceptsAListingProviderWithoutModels) {
  GatewayConfig config = validConfig();
  config.providers[0].models.clear();
  config.providers[0].listUpstreamModels = true;
  EXPECT_NO_THROW(validateConfig(config));
}

TEST(ConfigValidator, RefusesADanglingPluginReference) {
  GatewayConfig config = validConfig();
  config.providers[0].plugin = "anthropic";
  const ConfigError error = validationError(config);
  EXPECT_EQ(error.path(), "$.providers[0].plugin");
  EXPECT_EQ(error.detail(), R"(no plugin named "anthropic" in $.plugins)");
}

TEST(ConfigValidator, RefusesSlashInAlias) {
  GatewayConfig config = validConfig();
  config.providers[0].models[0].aliases.push_back("openai/gpt-4o");
  EXPECT_EQ(validationError(config).path(), "$.providers[0].models[0].aliases[1]");
}

TEST(ConfigValidator, AllowsSlashInUpstreamModel) {
  GatewayConfig config = validConfig();
  config.providers[0].models[0].upstreamModel = "openai/gpt-4o";
  EXPECT_NO_THROW(validateConfig(config));
}

TEST(ConfigValidator, QuotesNamesAsJsonStrings) {
  GatewayConfig config = validConfig();
  config.providers[0].plugin = "a\"b";
  EXPECT_EQ(validationError(config).detail(), R"(no plugin named "a\"b" in $.plugins)");
}

TEST(ConfigValidator, ProviderNameMayEqualAModelName) {
  // "x" as a provider and "x" as a model cannot be confused: providers are only named in
  // the "provider/model" form.
  GatewayConfig config = validConfig();
  config.providers[0].name = "gpt-4o";
  EXPECT_NO_THROW(validateConfig(config));
}

TEST(ConfigValidator, PluginAndProviderNamesAreSeparateNamespaces) {
  GatewayConfig config = validConfig();
  config.providers[0].name = "openai";
  EXPECT_NO_THROW(validateConfig(config));
}

TEST(ConfigValidator, AcceptsALoginPluginThatIsAnAuthPlugin) {
  GatewayConfig config = validConfig();
  config.plugins.push_back({"sso", "libgatehouse_auth_oidc.so", "{}"});
  config.auth.loginPlugin = "sso";
  EXPECT_NO_THROW(validateConfig(config));
}

TEST(ConfigValidator, RefusesALoginPluginThatIsNotLoaded) {
  GatewayConfig config = validConfig();
  config.auth.loginPlugin = "sso";
  const ConfigError error = validationError(config);
  EXPECT_EQ(error.path(), "$.auth.login_plugin");
  EXPECT_EQ(error.detail(), R"(no plugin named "sso" in $.plugins)");
}

TEST(ConfigValidator, RefusesAProviderPluginAsTheLoginPlugin) {
  GatewayConfig config = validConfig();
  config.auth.loginPlugin = "openai";
  const ConfigError error = validationError(config);
  EXPECT_EQ(error.path(), "$.auth.login_plugin");
  EXPECT_EQ(error.detail(),
            R"(plugin "openai" is a provider plugin (used by $.providers[0]); name an auth plugin)");
}

} // namespace
} // namespace gatehouse
