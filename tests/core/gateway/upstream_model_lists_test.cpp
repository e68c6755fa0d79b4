#include <gatehouse/gateway/upstream_model_lists.hpp>

#include <gtest/gtest.h>

#include <future>
#include <stdexcept>
#include <thread>

#include "fake_provider.hpp"
#include "fake_upstream.hpp"

namespace gatehouse::gateway {
namespace {

using namespace std::chrono_literals;

constexpr std::string_view kList =
    R"({"object":"list","data":[{"id":"gpt-4o","object":"model","created":1715367049,"owned_by":"system"},)"
    R"({"id":"whisper-1","object":"model"}]})";

PluginResult answerWith(Exchange& exchange, std::string_view body) {
  exchange.respond(200, "application/json", body);
  return PluginResult{};
}

std::vector<std::string> idsOf(const std::vector<ListedModel>& models) {
  std::vector<std::string> ids;
  for (const ListedModel& model : models)
    ids.push_back(model.id);
  return ids;
}

class UpstreamModelListsTest : public ::testing::Test {
protected:
  UpstreamModelLists makeLists(std::vector<ListingProvider> providers) {
    return UpstreamModelLists(std::move(providers), 1000, [this] { return now_; });
  }

  std::shared_ptr<testing::FakeProvider> open_ =
      std::make_shared<testing::FakeProvider>("open", [](Exchange& e) { return answerWith(e, kList); });
  std::chrono::steady_clock::time_point now_ = std::chrono::steady_clock::time_point{} + 1h;
};

TEST_F(UpstreamModelListsTest, FetchesOnFirstUseAndListsIdsBehindTheProviderName) {
  UpstreamModelLists lists = makeLists({{"open", open_}});
  const std::vector<ListedModel> models = lists.current("req-1");
  ASSERT_EQ(models.size(), 2u);
  EXPECT_EQ(models[0].id, "open/gpt-4o");
  EXPECT_EQ(models[0].ownedBy, "open");
  EXPECT_EQ(models[0].created, 1715367049);
  EXPECT_EQ(models[1].id, "open/whisper-1");
  EXPECT_EQ(models[1].created, 1000);
  EXPECT_EQ(open_->calls, 1);
  EXPECT_EQ(open_->seenEndpoint, GH_ENDPOINT_MODELS);
  EXPECT_EQ(open_->seenRequestId, "req-1");
}

TEST_F(UpstreamModelListsTest, KeepsAListForSixtySeconds) {
  UpstreamModelLists lists = makeLists({{"open", open_}});
  lists.current("a");
  now_ += 59s;
  EXPECT_EQ(lists.current("b").size(), 2u);
  EXPECT_EQ(open_->calls, 1);
  now_ += 1s;
  open_->setBehaviour([](Exchange& e) { return answerWith(e, R"({"data":[{"id":"o3"}]})"); });
  EXPECT_EQ(idsOf(lists.current("c")), std::vector<std::string>{"open/o3"});
  EXPECT_EQ(open_->calls, 2);
  EXPECT_EQ(open_->seenRequestId, "c");
}

TEST_F(UpstreamModelListsTest, AFailedRefreshKeepsTheOldListAndRetriesLater) {
  UpstreamModelLists lists = makeLists({{"open", open_}});
  lists.current("a");
  now_ += 60s;
  open_->setBehaviour([](Exchange&) { return PluginResult{GH_ERROR_UPSTREAM, "connection refused"}; });
  EXPECT_EQ(idsOf(lists.current("b")), (std::vector<std::string>{"open/gpt-4o", "open/whisper-1"}));
  EXPECT_EQ(open_->calls, 2);
  now_ += UpstreamModelLists::kRetryAfterFailure - 1s;
  lists.current("c");
  EXPECT_EQ(open_->calls, 2); // not hammering a failing upstream
  now_ += 1s;
  open_->setBehaviour([](Exchange& e) { return answerWith(e, R"({"data":[{"id":"o3"}]})"); });
  EXPECT_EQ(idsOf(lists.current("d")), std::vector<std::string>{"open/o3"});
  EXPECT_EQ(open_->calls, 3);
}

TEST_F(UpstreamModelListsTest, EveryKindOfFailureBeforeAFirstListListsNothing) {
  const std::vector<testing::FakeProvider::Behaviour> failures = {
      [](Exchange&) {
        return PluginResult{GH_ERROR_UNSUPPORTED, "no models endpoint"};
      },
      [](Exchange& e) {
        e.respond(500, "application/json", R"({"error":{"message":"boom"}})");
        return PluginResult{};
      },
      [](Exchange& e) { return answerWith(e, "<html>bad gateway</html>"); },
      [](Exchange&) { return PluginResult{}; }, // returned without answering
      [](Exchange&) -> PluginResult { throw std::runtime_error("bug"); },
  };
  for (std::size_t i = 0; i < failures.size(); ++i) {
    auto failing = std::make_shared<testing::FakeProvider>("f", failures[i]);
    UpstreamModelLists lists = makeLists({{"f", failing}});
    EXPECT_TRUE(lists.current("r").empty()) << i;
    EXPECT_EQ(failing->calls, 1) << i;
    now_ += UpstreamModelLists::kRetryAfterFailure;
    lists.current("r");
    EXPECT_EQ(failing->calls, 2) << i << ": a failure is retried, never remembered as a list";
  }
}

TEST_F(UpstreamModelListsTest, ListsProvidersInOrderAndFetchesEachOnItsOwnSchedule) {
  auto second = std::make_shared<testing::FakeProvider>(
      "second", [](Exchange& e) { return answerWith(e, R"({"data":[{"id":"m1"},{"id":"m2"}]})"); });
  UpstreamModelLists lists = makeLists({{"open", open_}, {"second", second}});
  EXPECT_EQ(idsOf(lists.current("a")),
            (std::vector<std::string>{"open/gpt-4o", "open/whisper-1", "second/m1", "second/m2"}));
  EXPECT_EQ(open_->calls, 1);
  EXPECT_EQ(second->calls, 1);
}

TEST_F(UpstreamModelListsTest, TheProviderFetchesThroughItsUpstreamClientWhichIsClosedAfterwards) {
  auto client = std::make_shared<testing::FakeUpstreamClient>();
  client->responseBody = R"({"data":[{"id":"llama3"}]})";
  auto viaUpstream = std::make_shared<testing::FakeProvider>(
      "local",
      [](Exchange& exchange) {
        std::unique_ptr<UpstreamResponse> response;
        UpstreamFailure failure;
        if (exchange.sendUpstream(UpstreamRequest{"GET", "http://127.0.0.1:1/v1/models", {}, {}}, response,
                                  failure) != GH_OK)
          return PluginResult{failure.status, failure.message};
        std::string body;
        response->readBody(body, failure);
        exchange.upstreams.adopt(std::move(response)); // left open on purpose
        return answerWith(exchange, body);
      },
      client);
  UpstreamModelLists lists = makeLists({{"local", viaUpstream}});
  EXPECT_EQ(idsOf(lists.current("a")), std::vector<std::string>{"local/llama3"});
  EXPECT_EQ(client->sentRequests.size(), 1u);
  EXPECT_EQ(*client->destroyed, 1);
}

TEST_F(UpstreamModelListsTest, NoLockIsHeldWhileAProviderRuns) {
  std::promise<void> entered;
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  open_->setBehaviour([&](Exchange& e) {
    entered.set_value();
    released.wait();
    return answerWith(e, kList);
  });
  UpstreamModelLists lists = makeLists({{"open", open_}});
  std::vector<ListedModel> first;
  std::thread refresher([&] { first = lists.current("slow"); });
  entered.get_future().wait();

  // Meanwhile another request is served at once from what is cached (nothing yet), and
  // does not start a second fetch of the same list.
  auto meanwhile = std::async(std::launch::async, [&] { return lists.current("fast"); });
  const bool finished = meanwhile.wait_for(30s) == std::future_status::ready;
  release.set_value();
  refresher.join();
  ASSERT_TRUE(finished) << "a concurrent request waited for the provider";
  EXPECT_TRUE(meanwhile.get().empty());
  EXPECT_EQ(first.size(), 2u);
  EXPECT_EQ(open_->calls, 1);
}

} // namespace
} // namespace gatehouse::gateway
