// The billing trampolines: only overridden hooks fill vtable slots, and each hook's
// results and failures reach the host.
#include <gatehouse/plugin.hpp>
#include <gatehouse/testing/fake_host.hpp>

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

namespace {

namespace sdk = gatehouse::sdk;
using gatehouse::testing::FakeCall;
using gatehouse::testing::FakeHost;
using gatehouse::testing::TestPrincipal;
using gatehouse::testing::TestUsageEvent;

class PriceOnly : public sdk::BillingPlugin {
public:
  using BillingPlugin::BillingPlugin;
  std::int64_t price(const sdk::UsageEventView& event) override {
    return event.usage.prompt_tokens * 2 + event.usage.completion_tokens * 3;
  }
};

std::vector<std::string> recorded;
std::string lastAdmittedSubject;
std::int64_t lastAdmittedBudget = -1;

class Budget : public sdk::BillingPlugin {
public:
  using BillingPlugin::BillingPlugin;

  sdk::Admission admit(const sdk::PrincipalView& principal, std::string_view model) override {
    lastAdmittedSubject = std::string(principal.subject);
    lastAdmittedBudget = principal.monthlyBudgetMicroUsd;
    if (model == "blocked") {
      return sdk::Admission::refuse("team budget exhausted");
    }
    if (model == "blocked-silent") {
      return sdk::Admission::refuse("");
    }
    return sdk::Admission::allow();
  }
  std::int64_t price(const sdk::UsageEventView& event) override {
    if (event.model == "unpriced") {
      throw sdk::Error(GH_ERROR_NOT_FOUND, "no price for model unpriced");
    }
    return 100;
  }
  void record(const sdk::UsageEventView& event, std::int64_t costMicroUsd) override {
    if (costMicroUsd < 0) {
      throw std::invalid_argument("negative cost");
    }
    recorded.push_back(std::string(event.requestId) + ":" + std::string(event.subject) + ":" +
                       std::string(event.provider) + ":" + std::to_string(event.usage.prompt_tokens) + ":" +
                       std::to_string(costMicroUsd) + (event.streamed ? ":streamed" : ""));
  }
};

// The override sits in an intermediate class: the slot must still be filled.
class RecordBase : public sdk::BillingPlugin {
public:
  using BillingPlugin::BillingPlugin;
  void record(const sdk::UsageEventView&, std::int64_t) override {}
};
class RecordDerived : public RecordBase {
public:
  using RecordBase::RecordBase;
};

constexpr gh_plugin_descriptor kPriceOnly = sdk::billingDescriptor<PriceOnly>("price-only", "1");
constexpr gh_plugin_descriptor kBudget = sdk::billingDescriptor<Budget>("budget", "1");
constexpr gh_plugin_descriptor kRecordDerived = sdk::billingDescriptor<RecordDerived>("record", "1");

TEST(BillingDescriptor, FillsOnlyTheSlotsTheClassOverrides) {
  EXPECT_EQ(kPriceOnly.kind, GH_KIND_BILLING);
  ASSERT_NE(kPriceOnly.billing, nullptr);
  EXPECT_EQ(kPriceOnly.billing->struct_size, sizeof(gh_billing_vtable));
  EXPECT_EQ(kPriceOnly.billing->admit, nullptr);
  EXPECT_NE(kPriceOnly.billing->price, nullptr);
  EXPECT_EQ(kPriceOnly.billing->record, nullptr);

  EXPECT_NE(kBudget.billing->admit, nullptr);
  EXPECT_NE(kBudget.billing->price, nullptr);
  EXPECT_NE(kBudget.billing->record, nullptr);

  EXPECT_EQ(kRecordDerived.billing->admit, nullptr);
  EXPECT_EQ(kRecordDerived.billing->price, nullptr);
  EXPECT_NE(kRecordDerived.billing->record, nullptr);
  EXPECT_EQ(gatehouse::testing::descriptorProblem(&kRecordDerived), "");
}

TEST(BillingPlugin, PriceReadsTheUsageEvent) {
  FakeHost host;
  ASSERT_EQ(host.init(&kPriceOnly), GH_OK);
  TestUsageEvent event;
  event.usage.prompt_tokens = 10;
  event.usage.completion_tokens = 5;
  std::int64_t cost = -1;
  EXPECT_EQ(host.price(event, cost), GH_OK);
  EXPECT_EQ(cost, 35);
  EXPECT_FALSE(host.hasAdmit());
}

class BudgetTest : public ::testing::Test {
protected:
  void SetUp() override {
    recorded.clear();
    lastAdmittedSubject = "unset";
    ASSERT_EQ(host_.init(&kBudget), GH_OK) << host_.lastError();
  }
  FakeHost host_;
};

TEST_F(BudgetTest, AdmitAllowsAndSeesThePrincipal) {
  TestPrincipal principal;
  principal.subject = "user:9";
  principal.monthlyBudgetMicroUsd = 3'000'000;
  bool allowed = false;
  EXPECT_EQ(host_.admit(principal, "gpt-4o", allowed), GH_OK);
  EXPECT_TRUE(allowed);
  EXPECT_EQ(lastAdmittedSubject, "user:9");
  EXPECT_EQ(lastAdmittedBudget, 3'000'000); // ABI 1.2
  EXPECT_EQ(host_.lastError(), "");
}

TEST_F(BudgetTest, AdmitRefusesWithAReason) {
  bool allowed = true;
  EXPECT_EQ(host_.admit(TestPrincipal{}, "blocked", allowed), GH_OK);
  EXPECT_FALSE(allowed);
  EXPECT_EQ(host_.lastError(), "team budget exhausted");
  EXPECT_EQ(host_.admit(TestPrincipal{}, "blocked-silent", allowed), GH_OK);
  EXPECT_FALSE(allowed);
  EXPECT_EQ(host_.lastError(), "request refused");
}

TEST_F(BudgetTest, NullPrincipalIsAnonymous) {
  bool allowed = false;
  EXPECT_EQ(host_.admit(nullptr, "gpt-4o", allowed), GH_OK);
  EXPECT_TRUE(allowed);
  EXPECT_EQ(lastAdmittedSubject, "");
}

TEST_F(BudgetTest, PrincipalSmallerThanAbi10IsRefused) {
  gh_principal principal = TestPrincipal{}.view();
  principal.struct_size = 8;
  bool allowed = true;
  EXPECT_EQ(host_.admit(&principal, "gpt-4o", allowed), GH_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(lastAdmittedSubject, "unset");
}

TEST_F(BudgetTest, PriceErrorKeepsItsStatus) {
  TestUsageEvent event;
  event.model = "unpriced";
  std::int64_t cost = 0;
  EXPECT_EQ(host_.price(event, cost), GH_ERROR_NOT_FOUND);
  EXPECT_EQ(host_.lastError(), "no price for model unpriced");
}

TEST_F(BudgetTest, RecordReceivesEveryFieldAndTheCost) {
  TestUsageEvent event;
  event.requestId = "r1";
  event.subject = "user:3";
  event.provider = "openai";
  event.usage.prompt_tokens = 12;
  event.streamed = true;
  EXPECT_EQ(host_.record(event, 250), GH_OK);
  ASSERT_EQ(recorded.size(), 1u);
  EXPECT_EQ(recorded[0], "r1:user:3:openai:12:250:streamed");
}

TEST_F(BudgetTest, RecordFailureIsInternal) {
  EXPECT_EQ(host_.record(TestUsageEvent{}, -1), GH_ERROR_INTERNAL);
  EXPECT_EQ(host_.lastError(), "negative cost");
  EXPECT_TRUE(recorded.empty());
}

TEST(BillingPluginRaw, NullOutPointersAndEventsAreRefused) {
  FakeHost host;
  FakeCall call;
  void* state = nullptr;
  ASSERT_EQ(kBudget.init(&FakeHost::api(), host.handle(), call.handle(), &state), GH_OK);
  const gh_usage_event event = TestUsageEvent{}.view();
  EXPECT_EQ(kBudget.billing->admit(state, call.handle(), nullptr, gh_str{"m", 1}, nullptr),
            GH_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(kBudget.billing->price(state, call.handle(), &event, nullptr), GH_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(kBudget.billing->record(state, call.handle(), nullptr, 1), GH_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(call.message, "usage event is NULL");
  kBudget.shutdown(state);
}

} // namespace
