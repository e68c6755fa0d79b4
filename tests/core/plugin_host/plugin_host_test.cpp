#include <gatehouse/plugin_host/plugin_host.hpp>

#include <gtest/gtest.h>

#include "fake_client_request.hpp"
#include "fake_exchange.hpp"
#include "temp_dir.hpp"
#include "test_plugins.hpp"

namespace gatehouse {
namespace {

using host_testing::gatewayWith;
using host_testing::pluginEntry;
using host_testing::providerEntry;
using host_testing::readLines;
using host_testing::TempDir;
using host_testing::testPluginPath;
using host_testing::traceConfig;

// The message PluginHost::load throws for `config`, or "" when it loads.
std::string loadError(const GatewayConfig& config) {
  try {
    PluginHost::load(config);
  } catch (const PluginLoadError& error) {
    return error.what();
  }
  return "";
}

struct FailureMode {
  const char* file; // test plugin name, under GATEHOUSE_TEST_PLUGIN_DIR
  const char* cause;
};

// gtest finds this by name to print a parameter.
// NOLINTNEXTLINE(readability-identifier-naming)
void PrintTo(const FailureMode& mode, std::ostream* out) {
  *out << mode.file;
}

std::string failureModeName(const ::testing::TestParamInfo<FailureMode>& mode) {
  return mode.param.file;
}

class PluginHostFailureTest : public ::testing::TestWithParam<FailureMode> {};

TEST_P(PluginHostFailureTest, RefusesWithOneLineNamingPluginFileAndCause) {
  const std::string path = testPluginPath(GetParam().file);
  const std::string message = loadError(gatewayWith({pluginEntry("victim", path)}));
  const std::string expectedStart = "plugin 'victim' (" + path + "): ";
  EXPECT_EQ(message.rfind(expectedStart, 0), 0u) << message;
  EXPECT_NE(message.find(GetParam().cause, expectedStart.size()), std::string::npos) << message;
  EXPECT_EQ(message.find('\n'), std::string::npos) << message;
}

INSTANTIATE_TEST_SUITE_P(
    EveryFailureMode, PluginHostFailureTest,
    ::testing::Values(
        FailureMode{"does_not_exist", "file not found"},
        FailureMode{"not_a_library", "not a loadable shared library: "},
        FailureMode{"undefined_symbol",
                    "not a loadable shared library: undefined symbol: gatehouse_symbol_that_does_not_exist"},
        FailureMode{"missing_entry", "entry point gatehouse_plugin_descriptor not found"},
        FailureMode{"bad_magic", "bad magic 0x0123456789abcdef (not a Gatehouse plugin)"},
        FailureMode{"abi_major_mismatch", "ABI major 2 is not supported (host speaks 1.3)"},
        FailureMode{"abi_minor_newer", "built for ABI 1.4, newer than this host (1.3)"},
        FailureMode{"init_fails", "init failed: missing required setting 'region'"},
        FailureMode{"missing_required_function", "provider plugin lacks required function handle"},
        FailureMode{"wrong_kind_table", "kind 3 (billing) has no billing table"},
        FailureMode{
            "login_half",
            "auth plugin sets login_start without login_finish (browser sign-in needs both or neither)"}),
    failureModeName);

TEST(PluginHost, PluginBuiltForAnOlderMinorLoadsAndServes) {
  const auto host = PluginHost::load(gatewayWith({pluginEntry("old", testPluginPath("abi_minor_older"))}));
  const auto provider = host->createProvider(providerEntry("old-provider", "old"));
  host_testing::FakeExchange exchange;
  const PluginResult result = provider->handle(exchange);
  ASSERT_TRUE(result.ok()) << result.message;
  EXPECT_EQ(exchange.responseBody, R"({"abi":"1.0"})");
  // Its usage struct ends before the 1.1 image fields: the junk after it is not read.
  ASSERT_TRUE(exchange.usage.has_value());
  EXPECT_EQ(exchange.usage->images, 1);
  EXPECT_EQ(exchange.usage->image_width, 0);
  EXPECT_EQ(exchange.usage->image_height, 0);
  EXPECT_EQ(exchange.usage->image_quality, 0);
}

TEST(PluginHost, AuthPluginBuiltForAbi11LoadsWithoutSignInOrLimits) {
  const auto host = PluginHost::load(gatewayWith({pluginEntry("old", testPluginPath("auth_abi_1_1"))}));
  ASSERT_EQ(host->authPlugins().size(), 1u);
  const AuthPlugin& plugin = host->authPlugins().front();
  // Its table ends before the sign-in slots, whatever follows it in memory.
  EXPECT_FALSE(plugin.offersLogin());
  EXPECT_EQ(plugin.loginStart("state", "https://gw.test/auth/callback").result.status, GH_ERROR_UNSUPPORTED);

  host_testing::FakeClientRequest request;
  request.headers["authorization"] = "Bearer old";
  const AuthOutcome outcome = plugin.authenticate(request);
  ASSERT_EQ(outcome.verdict, GH_AUTH_ACCEPTED) << outcome.result.message;
  EXPECT_EQ(outcome.subject, "user:old");
  // It declared the 1.1 principal: the limits it left behind are not read.
  EXPECT_EQ(outcome.requestsPerMinute, 0);
  EXPECT_EQ(outcome.tokensPerMinute, 0);
  EXPECT_EQ(outcome.monthlyBudgetMicroUsd, 0);
}

TEST(PluginHost, LoadsNothingFromAnEmptyConfig) {
  const auto host = PluginHost::load(GatewayConfig{});
  EXPECT_EQ(host->pluginCount(), 0u);
  EXPECT_TRUE(host->authPlugins().empty());
}

TEST(PluginHost, DuplicateNameIsRefusedBeforeItsLibraryIsTouched) {
  // The duplicate points at a file that does not exist: the name check must come first.
  const std::string missing = testPluginPath("does_not_exist");
  const std::string message = loadError(
      gatewayWith({pluginEntry("dup", testPluginPath("good_provider")), pluginEntry("dup", missing)}));
  EXPECT_EQ(message, "plugin 'dup' (" + missing + "): duplicate plugin name");
}

TEST(PluginHost, EmptyNameIsRefused) {
  const std::string path = testPluginPath("good_provider");
  EXPECT_EQ(loadError(gatewayWith({pluginEntry("", path)})),
            "plugin '' (" + path + "): plugin name is empty");
}

TEST(PluginHost, RelativePathsResolveAgainstPluginDir) {
  GatewayConfig config = gatewayWith({pluginEntry("gp", "good_provider.so")});
  config.pluginDir = GATEHOUSE_TEST_PLUGIN_DIR;
  EXPECT_EQ(PluginHost::load(config)->pluginCount(), 1u);

  config.plugins = {pluginEntry("gone", "sub/../nothing.so")};
  EXPECT_EQ(loadError(config),
            "plugin 'gone' (" + std::string(GATEHOUSE_TEST_PLUGIN_DIR) + "/nothing.so): file not found");
}

TEST(PluginHost, DescribesPluginsInLoadOrderAndListsAuthPluginsInOrder) {
  const auto host = PluginHost::load(gatewayWith({pluginEntry("second-auth", testPluginPath("good_auth")),
                                                  pluginEntry("gp", testPluginPath("good_provider")),
                                                  pluginEntry("first-auth", testPluginPath("good_auth")),
                                                  pluginEntry("bill", testPluginPath("minimal_billing"))}));
  EXPECT_EQ(host->pluginCount(), 4u);
  const std::vector<std::pair<std::string, gh_plugin_kind>> expected{{"second-auth", GH_KIND_AUTH},
                                                                     {"gp", GH_KIND_PROVIDER},
                                                                     {"first-auth", GH_KIND_AUTH},
                                                                     {"bill", GH_KIND_BILLING}};
  EXPECT_EQ(host->describe(), expected);
  ASSERT_EQ(host->authPlugins().size(), 2u);
  EXPECT_EQ(host->authPlugins()[0].name(), "second-auth");
  EXPECT_EQ(host->authPlugins()[1].name(), "first-auth");
  ASSERT_EQ(host->billingPlugins().size(), 1u);
  EXPECT_EQ(host->billingPlugins()[0].name(), "bill");
}

TEST(PluginHost, OneLibraryCanBeLoadedUnderTwoNamesWithSeparateState) {
  TempDir dir;
  const std::string traceA = dir.file("a");
  const std::string traceB = dir.file("b");
  {
    const auto host = PluginHost::load(
        gatewayWith({pluginEntry("a", testPluginPath("good_provider"), traceConfig(traceA)),
                     pluginEntry("b", testPluginPath("good_provider"), traceConfig(traceB))}));
    host->createProvider(providerEntry("pa", "a"));
    host->createProvider(providerEntry("pb", "b"));
  }
  EXPECT_EQ(readLines(traceA), (std::vector<std::string>{"init a", "create pa", "destroy pa", "shutdown a"}));
  EXPECT_EQ(readLines(traceB), (std::vector<std::string>{"init b", "create pb", "destroy pb", "shutdown b"}));
}

TEST(PluginHost, ShutsDownInReverseLoadOrder) {
  TempDir dir;
  const std::string trace = dir.file("trace");
  PluginHost::load(gatewayWith({pluginEntry("first", testPluginPath("good_provider"), traceConfig(trace)),
                                pluginEntry("second", testPluginPath("good_provider"), traceConfig(trace))}));
  EXPECT_EQ(readLines(trace),
            (std::vector<std::string>{"init first", "init second", "shutdown second", "shutdown first"}));
}

TEST(PluginHost, PluginsLoadedBeforeAFailureAreShutDown) {
  TempDir dir;
  const std::string trace = dir.file("trace");
  const std::string message =
      loadError(gatewayWith({pluginEntry("ok", testPluginPath("good_provider"), traceConfig(trace)),
                             pluginEntry("bad", testPluginPath("bad_magic"))}));
  EXPECT_NE(message.find("plugin 'bad'"), std::string::npos) << message;
  EXPECT_EQ(readLines(trace), (std::vector<std::string>{"init ok", "shutdown ok"}));
}

TEST(PluginHost, CreateProviderForUnknownPlugin) {
  const auto host = PluginHost::load(GatewayConfig{});
  try {
    host->createProvider(providerEntry("openai-eu", "openai"));
    FAIL() << "created a provider from nothing";
  } catch (const PluginLoadError& error) {
    EXPECT_STREQ(error.what(), "provider 'openai-eu': plugin 'openai' is not loaded");
  }
}

TEST(PluginHost, CreateProviderFromANonProviderPlugin) {
  const auto host = PluginHost::load(gatewayWith({pluginEntry("keys", testPluginPath("good_auth"))}));
  try {
    host->createProvider(providerEntry("p", "keys"));
    FAIL() << "created a provider from an auth plugin";
  } catch (const PluginLoadError& error) {
    EXPECT_STREQ(error.what(), "provider 'p': plugin 'keys' is not a provider plugin (it is auth)");
  }
}

TEST(PluginHost, CreateFailureCarriesThePluginsMessage) {
  const auto host = PluginHost::load(gatewayWith({pluginEntry("gp", testPluginPath("good_provider"))}));
  try {
    host->createProvider(providerEntry("p", "gp", R"({"fail_create":true})"));
    FAIL() << "create should have failed";
  } catch (const PluginLoadError& error) {
    EXPECT_STREQ(error.what(), "provider 'p': create failed: refusing to create: fail_create is set");
  }
}

TEST(PluginHost, ProviderConfigDefaultsToEmptyObject) {
  const auto host = PluginHost::load(gatewayWith({pluginEntry("gp", testPluginPath("good_provider"))}));
  EXPECT_NE(host->createProvider(providerEntry("p", "gp", "")), nullptr);
}

} // namespace
} // namespace gatehouse
