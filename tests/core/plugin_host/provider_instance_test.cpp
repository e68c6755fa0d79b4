#include <gatehouse/plugin_host/plugin_host.hpp>

#include <gtest/gtest.h>

#include <dlfcn.h>

#include "fake_exchange.hpp"
#include "temp_dir.hpp"
#include "test_plugins.hpp"

namespace gatehouse {
namespace {

using host_testing::FakeExchange;
using host_testing::gatewayWith;
using host_testing::pluginEntry;
using host_testing::providerEntry;
using host_testing::readLines;
using host_testing::TempDir;
using host_testing::testPluginPath;
using host_testing::traceConfig;

// True while the library at `path` is mapped into this process. RTLD_NOLOAD never
// loads it, so asking does not change the answer.
bool isLoaded(const std::string& path) {
  void* handle = ::dlopen(path.c_str(), RTLD_NOW | RTLD_NOLOAD);
  if (handle == nullptr) {
    return false;
  }
  ::dlclose(handle);
  return true;
}

class ProviderInstanceTest : public ::testing::Test {
protected:
  void SetUp() override {
    host_ = PluginHost::load(gatewayWith({pluginEntry("gp", path_, traceConfig(trace_))}));
    instance_ = host_->createProvider(providerEntry("p1", "gp"));
  }

  TempDir dir_;
  std::string trace_ = dir_.file("trace");
  std::string path_ = testPluginPath("good_provider");
  std::unique_ptr<PluginHost> host_;
  std::shared_ptr<ProviderInstance> instance_;
  FakeExchange exchange_;
};

TEST_F(ProviderInstanceTest, KnowsItsNames) {
  EXPECT_EQ(instance_->name(), "p1");
  EXPECT_EQ(instance_->pluginName(), "gp");
}

TEST_F(ProviderInstanceTest, HandleReachesTheExchangeAndReadsTheRequest) {
  exchange_.endpointValue = GH_ENDPOINT_EMBEDDINGS;
  const PluginResult result = instance_->handle(exchange_);
  ASSERT_TRUE(result.ok()) << result.message;
  EXPECT_EQ(exchange_.responses, 1);
  EXPECT_EQ(exchange_.status, 200);
  EXPECT_EQ(exchange_.contentType, "application/json");
  EXPECT_EQ(exchange_.responseBody,
            R"({"provider":"p1","model":"gpt-test","upstream_model":"upstream-test","request_id":"req-123",)"
            R"("endpoint":2,"request_bytes":)" +
                std::to_string(exchange_.body.size()) + "}");
}

TEST_F(ProviderInstanceTest, UsageReportReachesTheExchange) {
  ASSERT_TRUE(instance_->handle(exchange_).ok());
  ASSERT_TRUE(exchange_.usage.has_value());
  EXPECT_EQ(exchange_.usage->prompt_tokens, 3);
  EXPECT_EQ(exchange_.usage->completion_tokens, 5);
}

TEST_F(ProviderInstanceTest, PluginFailureStatusAndMessagePropagate) {
  exchange_.modelName = "fail";
  const PluginResult result = instance_->handle(exchange_);
  EXPECT_EQ(result.status, GH_ERROR_UPSTREAM);
  EXPECT_EQ(result.message, "upstream said no");
  EXPECT_EQ(exchange_.responses, 0);
}

TEST_F(ProviderInstanceTest, ExchangeRefusingTheResponsePropagates) {
  ASSERT_EQ(exchange_.respond(200, "text/plain", "already answered"), GH_OK);
  const PluginResult result = instance_->handle(exchange_);
  EXPECT_EQ(result.status, GH_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(result.message, "host refused the response");
}

TEST_F(ProviderInstanceTest, StreamsEvents) {
  exchange_.stream = true;
  ASSERT_TRUE(instance_->handle(exchange_).ok());
  EXPECT_EQ(exchange_.events, (std::vector<std::string>{R"({"chunk":1})", R"({"chunk":2})"}));
  EXPECT_TRUE(exchange_.usage.has_value());
}

TEST_F(ProviderInstanceTest, CancelledStreamComesBackAsCancelled) {
  exchange_.stream = true;
  exchange_.streamResult = GH_ERROR_CANCELLED;
  const PluginResult result = instance_->handle(exchange_);
  EXPECT_EQ(result.status, GH_ERROR_CANCELLED);
  EXPECT_EQ(result.message, "stream stopped");
}

TEST_F(ProviderInstanceTest, PluginPassingNullsDoesNotCrashTheHost) {
  exchange_.modelName = "abuse-nulls";
  const PluginResult result = instance_->handle(exchange_);
  ASSERT_TRUE(result.ok()) << "host mishandled " << result.message;
  EXPECT_EQ(exchange_.responseBody, R"({"nulls":"survived"})");
}

TEST_F(ProviderInstanceTest, InstancesOfOnePluginAreIndependent) {
  auto second = host_->createProvider(providerEntry("p2", "gp"));
  ASSERT_TRUE(second->handle(exchange_).ok());
  EXPECT_NE(exchange_.responseBody.find(R"("provider":"p2")"), std::string::npos);
  second.reset();
  EXPECT_EQ(readLines(trace_), (std::vector<std::string>{"init gp", "create p1", "create p2", "destroy p2"}));
}

TEST_F(ProviderInstanceTest, LibraryStaysLoadedWhileAnInstanceOutlivesTheHost) {
  host_.reset();
  EXPECT_TRUE(isLoaded(path_));
  EXPECT_EQ(readLines(trace_), (std::vector<std::string>{"init gp", "create p1"}));

  ASSERT_TRUE(instance_->handle(exchange_).ok());
  EXPECT_EQ(exchange_.status, 200);

  instance_.reset();
  // destroy before shutdown, and the library goes with the last holder.
  EXPECT_EQ(readLines(trace_),
            (std::vector<std::string>{"init gp", "create p1", "destroy p1", "shutdown gp"}));
  EXPECT_FALSE(isLoaded(path_));
}

TEST_F(ProviderInstanceTest, HostOutlivingTheInstanceKeepsThePluginUp) {
  instance_.reset();
  EXPECT_TRUE(isLoaded(path_));
  EXPECT_EQ(readLines(trace_), (std::vector<std::string>{"init gp", "create p1", "destroy p1"}));
  host_.reset();
  EXPECT_EQ(readLines(trace_).back(), "shutdown gp");
  EXPECT_FALSE(isLoaded(path_));
}

} // namespace
} // namespace gatehouse
