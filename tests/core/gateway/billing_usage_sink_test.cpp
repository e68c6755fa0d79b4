#include <gatehouse/gateway/billing_usage_sink.hpp>
#include <gatehouse/gateway/usage_event_view.hpp>

#include <gtest/gtest.h>

#include <condition_variable>
#include <mutex>
#include <string>
#include <vector>

namespace gatehouse::gateway {
namespace {

class CollectingSink final : public UsageSink {
public:
  void submit(UsageEvent event) noexcept override {
    std::lock_guard<std::mutex> lock(mutex);
    events.push_back(std::move(event));
  }
  std::vector<UsageEvent> taken() {
    std::lock_guard<std::mutex> lock(mutex);
    return events;
  }
  std::mutex mutex;
  std::vector<UsageEvent> events;
};

// Holds the billing thread inside price() until released, so a test can fill the queue.
class Gate {
public:
  void wait() {
    std::unique_lock<std::mutex> lock(mutex_);
    entered_ = true;
    changed_.notify_all();
    changed_.wait(lock, [&] { return open_; });
  }
  void waitUntilEntered() {
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait(lock, [&] { return entered_; });
  }
  void open() {
    std::lock_guard<std::mutex> lock(mutex_);
    open_ = true;
    changed_.notify_all();
  }

private:
  std::mutex mutex_;
  std::condition_variable changed_;
  bool entered_ = false;
  bool open_ = false;
};

UsageEvent eventFor(std::string requestId, std::string model = "m", std::uint64_t prompt = 10,
                    std::uint64_t completion = 5) {
  UsageEvent event;
  event.requestId = std::move(requestId);
  event.model = std::move(model);
  event.usage.prompt_tokens = prompt;
  event.usage.completion_tokens = completion;
  return event;
}

Biller pricer(std::string name, std::int64_t cost, std::vector<std::string>* log = nullptr) {
  return {name,
          [cost](const gh_usage_event&) {
            PriceOutcome outcome;
            outcome.costMicroUsd = cost;
            return outcome;
          },
          [name, log](const gh_usage_event& event, std::int64_t recordedCost) {
            if (log != nullptr)
              log->push_back(name + " " + std::string(event.request_id.ptr, event.request_id.len) + " " +
                             std::to_string(recordedCost));
            return PluginResult{};
          }};
}

TEST(BillingUsageSink, FirstPluginThatPricesWinsAndEveryPluginRecordsThatCost) {
  CollectingSink downstream;
  std::vector<std::string> log;
  {
    BillingUsageSink sink({pricer("unpricing", -1, &log), pricer("first", 42, &log), pricer("second", 99, &log)},
                          &downstream, 16);
    sink.submit(eventFor("r1"));
    sink.stop(std::chrono::seconds(10));
    EXPECT_EQ(sink.stats().priced, 1u);
    EXPECT_EQ(sink.stats().bypassed, 0u);
  }
  const auto events = downstream.taken();
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].requestId, "r1");
  EXPECT_EQ(events[0].costMicroUsd, 42);
  EXPECT_EQ(log, (std::vector<std::string>{"unpricing r1 42", "first r1 42", "second r1 42"}));
}

TEST(BillingUsageSink, NoPriceLeavesMinusOne) {
  CollectingSink downstream;
  std::vector<std::string> log;
  BillingUsageSink sink({pricer("a", -1, &log)}, &downstream, 16);
  sink.submit(eventFor("r1"));
  sink.stop(std::chrono::seconds(10));
  ASSERT_EQ(downstream.taken().size(), 1u);
  EXPECT_EQ(downstream.taken()[0].costMicroUsd, -1);
  EXPECT_EQ(sink.stats().unpriced, 1u);
  EXPECT_EQ(log, std::vector<std::string>{"a r1 -1"});
}

TEST(BillingUsageSink, AFailingPriceFallsThroughToTheNextPluginAndIsCounted) {
  CollectingSink downstream;
  Biller failing{"failing",
                 [](const gh_usage_event&) {
                   PriceOutcome outcome;
                   outcome.result = {GH_ERROR_UNAVAILABLE, "down"};
                   outcome.costMicroUsd = 1000;
                   return outcome;
                 },
                 [](const gh_usage_event&, std::int64_t) { return PluginResult{GH_ERROR_UNAVAILABLE, "down"}; }};
  BillingUsageSink sink({failing, pricer("ok", 7)}, &downstream, 16);
  sink.submit(eventFor("r1"));
  sink.stop(std::chrono::seconds(10));
  ASSERT_EQ(downstream.taken().size(), 1u);
  EXPECT_EQ(downstream.taken()[0].costMicroUsd, 7);
  EXPECT_EQ(sink.stats().pluginFailures, 2u); // its price and its record
}

TEST(BillingUsageSink, PluginsSeeTheEventsFields) {
  CollectingSink downstream;
  std::string seen;
  Biller reader{"reader",
                [&seen](const gh_usage_event& event) {
                  seen = std::string(event.model.ptr, event.model.len) + " " +
                         std::to_string(event.usage.prompt_tokens) + " " +
                         std::to_string(event.usage.completion_tokens) + " " + std::to_string(event.streamed);
                  return PriceOutcome{};
                },
                nullptr};
  BillingUsageSink sink({reader}, &downstream, 16);
  UsageEvent event = eventFor("r1", "gpt-x", 11, 4);
  event.streamed = true;
  sink.submit(event);
  sink.stop(std::chrono::seconds(10));
  EXPECT_EQ(seen, "gpt-x 11 4 1");
}

TEST(BillingUsageSink, AFullQueueForwardsUnpricedAtOnceAndLosesNothing) {
  CollectingSink downstream;
  Gate gate;
  Biller slow{"slow",
              [&gate](const gh_usage_event&) {
                gate.wait();
                PriceOutcome outcome;
                outcome.costMicroUsd = 5;
                return outcome;
              },
              nullptr};
  BillingUsageSink sink({slow}, &downstream, 2);
  sink.submit(eventFor("held")); // taken by the thread, which then waits in price()
  gate.waitUntilEntered();
  sink.submit(eventFor("q1"));
  sink.submit(eventFor("q2"));
  sink.submit(eventFor("over")); // the queue holds 2: this one bypasses billing
  {
    const auto early = downstream.taken();
    ASSERT_EQ(early.size(), 1u);
    EXPECT_EQ(early[0].requestId, "over");
    EXPECT_EQ(early[0].costMicroUsd, -1);
  }
  gate.open();
  sink.stop(std::chrono::seconds(10));
  const auto events = downstream.taken();
  ASSERT_EQ(events.size(), 4u);
  for (std::size_t i = 1; i < events.size(); ++i)
    EXPECT_EQ(events[i].costMicroUsd, 5) << events[i].requestId;
  EXPECT_EQ(sink.stats().bypassed, 1u);
  EXPECT_EQ(sink.stats().priced, 3u);
}

TEST(BillingUsageSink, StopDrainsTheQueueAndLaterSubmitsGoStraightThrough) {
  CollectingSink downstream;
  BillingUsageSink sink({pricer("a", 3)}, &downstream, 1000);
  for (int i = 0; i < 100; ++i)
    sink.submit(eventFor("r" + std::to_string(i)));
  sink.stop(std::chrono::seconds(10));
  EXPECT_EQ(downstream.taken().size(), 100u);
  sink.submit(eventFor("late"));
  const auto events = downstream.taken();
  ASSERT_EQ(events.size(), 101u);
  EXPECT_EQ(events.back().requestId, "late");
  EXPECT_EQ(events.back().costMicroUsd, -1);
}

TEST(BillingUsageSink, PastTheDeadlineTheRestIsForwardedUnpriced) {
  CollectingSink downstream;
  Gate gate;
  Biller slow{"slow",
              [&gate](const gh_usage_event&) {
                gate.wait();
                PriceOutcome outcome;
                outcome.costMicroUsd = 5;
                return outcome;
              },
              nullptr};
  BillingUsageSink sink({slow}, &downstream, 100);
  sink.submit(eventFor("held"));
  gate.waitUntilEntered();
  for (int i = 0; i < 10; ++i)
    sink.submit(eventFor("q" + std::to_string(i)));
  std::thread opener([&gate] {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    gate.open();
  });
  sink.stop(std::chrono::milliseconds(0)); // already past once the held one is through
  opener.join();
  const auto events = downstream.taken();
  ASSERT_EQ(events.size(), 11u);
  EXPECT_EQ(events[0].costMicroUsd, 5);
  for (std::size_t i = 1; i < events.size(); ++i)
    EXPECT_EQ(events[i].costMicroUsd, -1) << events[i].requestId;
  EXPECT_EQ(sink.stats().bypassed, 10u);
}

TEST(UsageEventView, BorrowsEveryField) {
  UsageEvent event = eventFor("req-1", "model-a", 3, 4);
  event.subject = "user:1";
  event.team = "t";
  event.app = "ap";
  event.keyId = "k";
  event.provider = "p";
  event.upstreamModel = "up";
  event.httpStatus = 201;
  event.startedAtMs = 123;
  event.durationMs = 45;
  const gh_usage_event view = usageEventView(event);
  EXPECT_EQ(view.struct_size, sizeof(gh_usage_event));
  const auto text = [](gh_str s) { return std::string(s.ptr, s.len); };
  EXPECT_EQ(text(view.request_id), "req-1");
  EXPECT_EQ(text(view.subject), "user:1");
  EXPECT_EQ(text(view.team), "t");
  EXPECT_EQ(text(view.app), "ap");
  EXPECT_EQ(text(view.key_id), "k");
  EXPECT_EQ(text(view.provider), "p");
  EXPECT_EQ(text(view.model), "model-a");
  EXPECT_EQ(text(view.upstream_model), "up");
  EXPECT_EQ(view.http_status, 201);
  EXPECT_EQ(view.streamed, 0);
  EXPECT_EQ(view.started_at_ms, 123);
  EXPECT_EQ(view.duration_ms, 45);
  EXPECT_EQ(view.usage.prompt_tokens, 3u);
  EXPECT_EQ(view.usage.completion_tokens, 4u);
}

} // namespace
} // namespace gatehouse::gateway
