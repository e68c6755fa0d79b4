// The provider trampolines: lifecycle of plugin and instances, and the exception
// firewall (every kind of throw becomes a status plus set_error, nothing escapes).
#include <gatehouse/plugin.hpp>
#include <gatehouse/testing/fake_host.hpp>

#include <gtest/gtest.h>

#include <memory>
#include <stdexcept>
#include <string>
#include <tuple>

namespace {

namespace sdk = gatehouse::sdk;
using gatehouse::testing::FakeExchange;
using gatehouse::testing::FakeHost;

int livePlugins = 0;
int liveInstances = 0;
int streamAttempts = 0;
std::string seenName, seenConfig;

struct Counted {
  explicit Counted(int& counter) : counter_(counter) { ++counter_; }
  ~Counted() { --counter_; }
  Counted(const Counted&) = delete;
  Counted& operator=(const Counted&) = delete;
  int& counter_;
};

// Does what the request body says, so each test can pick one behaviour.
class ScriptedInstance : public sdk::ProviderInstance {
public:
  void handle(sdk::Exchange& exchange) override {
    const std::string body(exchange.requestBody());
    if (body == "throw-error") {
      throw sdk::Error(GH_ERROR_RESOURCE_EXHAUSTED, "quota used up");
    }
    if (body == "throw-error-ok") {
      throw sdk::Error(GH_OK, "claims success");
    }
    if (body == "throw-std") {
      throw std::out_of_range("index 7 out of range");
    }
    if (body == "throw-int") {
      throw 42;
    }
    if (body == "respond-twice") {
      exchange.respond(200, "text/plain", "one");
      exchange.respond(200, "text/plain", "two");
    }
    if (body == "stream-5") {
      for (int i = 0; i < 5; ++i) {
        ++streamAttempts;
        if (!exchange.streamEvent("{\"i\":" + std::to_string(i) + "}")) {
          return;
        }
      }
    }
    if (body == "echo") {
      exchange.respond(200, "text/plain",
                       std::string(exchange.model()) + "|" + std::string(exchange.upstreamModel()) + "|" +
                           std::string(exchange.requestId()) + "|" + std::to_string(exchange.endpoint()) +
                           "|" + (exchange.wantsStream() ? "stream" : "whole"));
    }
  }

private:
  Counted counted_{liveInstances};
};

class ScriptedPlugin : public sdk::ProviderPlugin {
public:
  explicit ScriptedPlugin(sdk::Host& host) : ProviderPlugin(host) {
    seenName = std::string(host.pluginName());
    seenConfig = std::string(host.pluginConfig());
    if (host.pluginConfig() == "ctor-error") {
      throw sdk::Error(GH_ERROR_CONFIG, "plugin config is wrong");
    }
    if (host.pluginConfig() == "ctor-std") {
      throw std::logic_error("constructor bug");
    }
  }

  std::unique_ptr<sdk::ProviderInstance> create(std::string_view providerName, std::string_view) override {
    if (providerName == "bad-config") {
      throw sdk::Error(GH_ERROR_CONFIG, "greeting must be a string");
    }
    if (providerName == "std") {
      throw std::runtime_error("create bug");
    }
    if (providerName == "null") {
      return nullptr;
    }
    return std::make_unique<ScriptedInstance>();
  }

private:
  Counted counted_{livePlugins};
};

constexpr gh_plugin_descriptor kDescriptor = sdk::providerDescriptor<ScriptedPlugin>("scripted", "2.1.0");

class ProviderPluginTest : public ::testing::Test {
protected:
  void SetUp() override {
    livePlugins = liveInstances = streamAttempts = 0;
    ASSERT_EQ(host_.init(&kDescriptor, R"({"x":1})"), GH_OK) << host_.lastError();
    ASSERT_EQ(host_.createProvider("p"), GH_OK) << host_.lastError();
  }

  gh_status handle(const std::string& body, FakeExchange& exchange) {
    exchange.setBody(body);
    return host_.handle("p", exchange);
  }

  FakeHost host_{"scripted-as-loaded"};
};

TEST(ProviderDescriptor, DescribesAProviderOfThisAbi) {
  EXPECT_EQ(kDescriptor.magic, GH_PLUGIN_MAGIC);
  EXPECT_EQ(kDescriptor.abi_major, GH_ABI_VERSION_MAJOR);
  EXPECT_EQ(kDescriptor.abi_minor, GH_ABI_VERSION_MINOR);
  EXPECT_EQ(kDescriptor.struct_size, sizeof(gh_plugin_descriptor));
  EXPECT_EQ(kDescriptor.kind, GH_KIND_PROVIDER);
  EXPECT_EQ(sdk::view(kDescriptor.name), "scripted");
  EXPECT_EQ(sdk::view(kDescriptor.version), "2.1.0");
  ASSERT_NE(kDescriptor.provider, nullptr);
  EXPECT_EQ(kDescriptor.provider->struct_size, sizeof(gh_provider_vtable));
  EXPECT_EQ(kDescriptor.auth, nullptr);
  EXPECT_EQ(kDescriptor.billing, nullptr);
  EXPECT_EQ(gatehouse::testing::descriptorProblem(&kDescriptor), "");
}

TEST_F(ProviderPluginTest, InitBuildsThePluginWithTheHostAndShutdownDestroysEverything) {
  EXPECT_EQ(seenName, "scripted-as-loaded");
  EXPECT_EQ(seenConfig, R"({"x":1})");
  EXPECT_EQ(livePlugins, 1);
  EXPECT_EQ(liveInstances, 1);
  host_.shutdown();
  EXPECT_EQ(liveInstances, 0);
  EXPECT_EQ(livePlugins, 0);
}

TEST_F(ProviderPluginTest, DestroyDeletesTheInstance) {
  ASSERT_EQ(host_.createProvider("q"), GH_OK);
  EXPECT_EQ(liveInstances, 2);
  host_.destroyProvider("q");
  EXPECT_EQ(liveInstances, 1);
}

TEST(ProviderPluginInit, ConstructorErrorFailsInitWithItsStatusAndMessage) {
  livePlugins = 0;
  FakeHost host;
  EXPECT_EQ(host.init(&kDescriptor, "ctor-error"), GH_ERROR_CONFIG);
  EXPECT_EQ(host.lastError(), "plugin config is wrong");
  EXPECT_FALSE(host.initialised());
  EXPECT_EQ(livePlugins, 0);
}

TEST(ProviderPluginInit, ConstructorStdExceptionFailsInitAsInternal) {
  FakeHost host;
  EXPECT_EQ(host.init(&kDescriptor, "ctor-std"), GH_ERROR_INTERNAL);
  EXPECT_EQ(host.lastError(), "constructor bug");
}

TEST(ProviderPluginInit, NullApiOrOutStateIsRefusedWithoutRunningPluginCode) {
  livePlugins = 0;
  void* state = nullptr;
  EXPECT_EQ(kDescriptor.init(nullptr, nullptr, nullptr, &state), GH_ERROR_INVALID_ARGUMENT);
  FakeHost host;
  EXPECT_EQ(kDescriptor.init(&FakeHost::api(), host.handle(), nullptr, nullptr), GH_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(livePlugins, 0);
}

TEST_F(ProviderPluginTest, CreateErrorsBecomeStatusAndMessage) {
  EXPECT_EQ(host_.createProvider("bad-config"), GH_ERROR_CONFIG);
  EXPECT_EQ(host_.lastError(), "greeting must be a string");
  EXPECT_EQ(host_.createProvider("std"), GH_ERROR_INTERNAL);
  EXPECT_EQ(host_.lastError(), "create bug");
  EXPECT_EQ(host_.createProvider("null"), GH_ERROR_INTERNAL);
  EXPECT_EQ(host_.lastError(), "create returned no instance");
  EXPECT_EQ(host_.providerCount(), 1u);
}

TEST(ProviderPluginRaw, CreateWithNullOutInstanceIsRefused) {
  FakeHost host;
  gatehouse::testing::FakeCall call;
  void* state = nullptr;
  ASSERT_EQ(kDescriptor.init(&FakeHost::api(), host.handle(), call.handle(), &state), GH_OK);
  EXPECT_EQ(kDescriptor.provider->create(state, call.handle(), gh_str{"x", 1}, gh_str{"{}", 2}, nullptr),
            GH_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(call.message, "create: out_instance is NULL");
  kDescriptor.shutdown(state);
}

// Every kind of throw in handle() comes back as a status and message.
class HandleFirewallTest
    : public ProviderPluginTest,
      public ::testing::WithParamInterface<std::tuple<const char*, gh_status, const char*>> {};

TEST_P(HandleFirewallTest, ThrowBecomesStatusAndMessage) {
  const auto& [body, status, message] = GetParam();
  FakeExchange exchange;
  EXPECT_EQ(handle(body, exchange), status);
  EXPECT_EQ(host_.lastError(), message);
  EXPECT_FALSE(exchange.responded());
}

INSTANTIATE_TEST_SUITE_P(
    Kinds, HandleFirewallTest,
    ::testing::Values(std::make_tuple("throw-error", GH_ERROR_RESOURCE_EXHAUSTED, "quota used up"),
                      std::make_tuple("throw-error-ok", GH_ERROR_INTERNAL, "claims success"),
                      std::make_tuple("throw-std", GH_ERROR_INTERNAL, "index 7 out of range"),
                      std::make_tuple("throw-int", GH_ERROR_INTERNAL, "unknown exception")));

TEST_F(ProviderPluginTest, HandleThatReturnsNormallyIsOkWithNoError) {
  FakeExchange exchange;
  exchange.setModel("m").setUpstreamModel("u").setRequestId("r").setStream(true);
  EXPECT_EQ(handle("echo", exchange), GH_OK);
  EXPECT_EQ(host_.lastError(), "");
  EXPECT_EQ(exchange.responseBody(), "m|u|r|1|stream");
}

TEST_F(ProviderPluginTest, RespondingTwiceFailsTheCallButKeepsTheFirstResponse) {
  FakeExchange exchange;
  EXPECT_EQ(handle("respond-twice", exchange), GH_ERROR_INTERNAL);
  EXPECT_NE(host_.lastError().find("already started"), std::string::npos) << host_.lastError();
  EXPECT_EQ(exchange.responseBody(), "one");
  EXPECT_EQ(exchange.refusedCalls(), 1);
}

TEST_F(ProviderPluginTest, StreamStopsWhenTheClientLeaves) {
  FakeExchange exchange;
  exchange.disconnectAfter(2);
  EXPECT_EQ(handle("stream-5", exchange), GH_OK);
  EXPECT_EQ(exchange.events().size(), 2u);
  EXPECT_TRUE(exchange.cancelled());
  EXPECT_EQ(streamAttempts, 3); // the third event was refused and the plugin stopped there
}

} // namespace
