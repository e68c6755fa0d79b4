#include <gatehouse/plugin_host/plugin_host.hpp>

#include <gtest/gtest.h>

#include "temp_dir.hpp"
#include "test_plugins.hpp"

namespace gatehouse {
namespace {

using host_testing::gatewayWith;
using host_testing::pluginEntry;
using host_testing::readLines;
using host_testing::TempDir;
using host_testing::testPluginPath;
using host_testing::traceConfig;

gh_usage_event eventFor(const char* requestId, const char* model, std::int64_t prompt,
                        std::int64_t completion) {
  gh_usage_event event{};
  event.struct_size = sizeof event;
  event.http_status = 200;
  event.request_id = gh_str{requestId, std::char_traits<char>::length(requestId)};
  event.model = gh_str{model, std::char_traits<char>::length(model)};
  event.usage.struct_size = sizeof event.usage;
  event.usage.prompt_tokens = prompt;
  event.usage.completion_tokens = completion;
  return event;
}

class BillingPluginTest : public ::testing::Test {
protected:
  void SetUp() override {
    host_ = PluginHost::load(
        gatewayWith({pluginEntry("budget", testPluginPath("good_billing"), traceConfig(trace_)),
                     pluginEntry("bare", testPluginPath("minimal_billing"))}));
    ASSERT_EQ(host_->billingPlugins().size(), 2u);
  }
  const BillingPlugin& full() const { return host_->billingPlugins()[0]; }
  const BillingPlugin& bare() const { return host_->billingPlugins()[1]; }

  TempDir dir_;
  std::string trace_ = dir_.file("trace");
  std::unique_ptr<PluginHost> host_;
};

TEST_F(BillingPluginTest, ListedInConfiguredOrderWithTheirFunctions) {
  EXPECT_EQ(full().name(), "budget");
  EXPECT_EQ(bare().name(), "bare");
  EXPECT_TRUE(full().admits() && full().prices() && full().records());
  EXPECT_FALSE(bare().admits() || bare().prices() || bare().records());
}

TEST_F(BillingPluginTest, AdmitAllowsAndRefusesWithAReason) {
  Principal principal;
  principal.subject = "user:rich";
  EXPECT_TRUE(full().admit(principal, "gpt-test").allowed);

  principal.subject = "user:broke";
  principal.team = "team-z";
  const AdmitOutcome refused = full().admit(principal, "gpt-test");
  EXPECT_TRUE(refused.result.ok());
  EXPECT_FALSE(refused.allowed);
  EXPECT_EQ(refused.reason, "monthly budget of team team-z is exhausted");
}

TEST_F(BillingPluginTest, PriceComesFromThePlugin) {
  const PriceOutcome priced = full().price(eventFor("r1", "gpt-test", 10, 4));
  ASSERT_TRUE(priced.result.ok());
  EXPECT_EQ(priced.costMicroUsd, 10 * 2 + 4 * 3);
}

TEST_F(BillingPluginTest, RecordReceivesEventAndCost) {
  ASSERT_TRUE(full().record(eventFor("r7", "gpt-test", 1, 1), 1234).ok());
  EXPECT_EQ(readLines(trace_), (std::vector<std::string>{"record r7 gpt-test 1234"}));
}

TEST_F(BillingPluginTest, RecordFailurePropagates) {
  const PluginResult result = full().record(eventFor("r8", "fail-record", 1, 1), 5);
  EXPECT_EQ(result.status, GH_ERROR_UNAVAILABLE);
  EXPECT_EQ(result.message, "usage sink is down");
}

TEST_F(BillingPluginTest, MissingFunctionsHaveSafeDefaults) {
  Principal principal;
  principal.subject = "user:broke";
  EXPECT_TRUE(bare().admit(principal, "m").allowed);
  const PriceOutcome unpriced = bare().price(eventFor("r", "m", 5, 5));
  EXPECT_TRUE(unpriced.result.ok());
  EXPECT_EQ(unpriced.costMicroUsd, -1);
  EXPECT_TRUE(bare().record(eventFor("r", "m", 5, 5), 3).ok());
}

} // namespace
} // namespace gatehouse
