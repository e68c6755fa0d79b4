// sdk::Exchange::send and sdk::Upstream over the FakeHost's scripted upstream: the request
// reaches the host as described, reads return what the upstream sent, failures become
// Error with the host's status and message, and every Upstream is closed exactly once.
#include <gatehouse/sdk/detail/guard.hpp>
#include <gatehouse/sdk/exchange.hpp>
#include <gatehouse/sdk/upstream.hpp>
#include <gatehouse/testing/fake_host.hpp>

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace {

namespace sdk = gatehouse::sdk;
using gatehouse::testing::FakeCall;
using gatehouse::testing::FakeExchange;
using gatehouse::testing::FakeHost;
using gatehouse::testing::FakeSseEvent;
using gatehouse::testing::FakeUpstreamResponse;

// What a trampoline does around handle(): the current call is the one host failures
// report on.
class SdkUpstream : public ::testing::Test {
protected:
  sdk::UpstreamRequest request() const {
    sdk::UpstreamRequest out;
    out.url = "https://api.test/v1/chat/completions";
    out.headers = {{"Authorization", "Bearer k"}, {"Content-Type", "application/json"}};
    out.body = R"({"model":"m"})";
    return out;
  }

  FakeCall call_;
  sdk::detail::CurrentCallScope scope_{call_.handle()};
  FakeExchange fake_;
  sdk::Exchange exchange_{FakeHost::api(), fake_.handle()};
  long buffersBefore_ = FakeHost::liveBufferCount();
};

TEST_F(SdkUpstream, SendDescribesTheRequestToTheHost) {
  fake_.upstream().respond(FakeUpstreamResponse::body(200, "{}"));
  sdk::Upstream upstream = exchange_.send(request());
  const auto& sent = fake_.upstream().requests().at(0);
  EXPECT_EQ(sent.method, "POST");
  EXPECT_EQ(sent.url, "https://api.test/v1/chat/completions");
  EXPECT_EQ(sent.headers, (std::vector<std::pair<std::string, std::string>>{
                              {"Authorization", "Bearer k"}, {"Content-Type", "application/json"}}));
  EXPECT_EQ(sent.bodyParts, (std::vector<std::string>{R"({"model":"m"})"}));
}

TEST_F(SdkUpstream, BodyPartsWinOverBodyAndNoBodyMeansNoParts) {
  fake_.upstream()
      .respond(FakeUpstreamResponse::body(200, "{}"))
      .respond(FakeUpstreamResponse::body(200, "{}"));
  const std::string client = "prefix-MODEL-suffix";
  sdk::UpstreamRequest parts = request();
  parts.bodyParts = {std::string_view(client).substr(0, 7), "other", std::string_view(client).substr(12)};
  exchange_.send(parts);
  sdk::UpstreamRequest get;
  get.method = "GET";
  get.url = "https://api.test/v1/models";
  exchange_.send(get);
  EXPECT_EQ(fake_.upstream().requests()[0].body, "prefix-other-suffix");
  EXPECT_EQ(fake_.upstream().requests()[0].bodyParts.size(), 3u);
  EXPECT_EQ(fake_.upstream().requests()[1].method, "GET");
  EXPECT_TRUE(fake_.upstream().requests()[1].bodyParts.empty());
}

TEST_F(SdkUpstream, StatusHeadersAndTheWholeBody) {
  fake_.upstream().respond(FakeUpstreamResponse::body(201, R"({"id":1})").header("x-request-id", "req_1"));
  sdk::Upstream upstream = exchange_.send(request());
  EXPECT_EQ(upstream.status(), 201);
  EXPECT_EQ(upstream.header("X-Request-Id"), "req_1");
  EXPECT_EQ(upstream.header("absent"), "");
  EXPECT_EQ(upstream.readBody(), R"({"id":1})");
  EXPECT_EQ(upstream.readBody(), ""); // the rest of a body already read
  EXPECT_TRUE(fake_.upstream().opened().at(0)->fullyRead());
}

TEST_F(SdkUpstream, EventsUntilTheCleanEnd) {
  fake_.upstream().respond(FakeUpstreamResponse::events(
      200, {FakeSseEvent{"{\"a\":1}", "delta", "7"}, FakeSseEvent{"[DONE]", "", ""}}));
  sdk::Upstream upstream = exchange_.send(request());
  const auto first = upstream.nextEvent();
  ASSERT_TRUE(first);
  EXPECT_EQ(first->event, "delta");
  EXPECT_EQ(first->id, "7");
  EXPECT_EQ(first->data, "{\"a\":1}");
  const auto second = upstream.nextEvent();
  ASSERT_TRUE(second);
  EXPECT_EQ(second->data, "[DONE]");
  EXPECT_FALSE(upstream.nextEvent());
  EXPECT_FALSE(upstream.nextEvent());
}

TEST_F(SdkUpstream, ChunksReplaceTheOutputAndEndWithFalse) {
  fake_.upstream().respond(FakeUpstreamResponse::chunks(200, {"ab", "cde"}));
  sdk::Upstream upstream = exchange_.send(request());
  std::string chunk = "stale";
  ASSERT_TRUE(upstream.readChunk(chunk));
  EXPECT_EQ(chunk, "ab");
  ASSERT_TRUE(upstream.readChunk(chunk));
  EXPECT_EQ(chunk, "cde");
  EXPECT_FALSE(upstream.readChunk(chunk));
  EXPECT_EQ(chunk, "");
}

TEST_F(SdkUpstream, SendFailureThrowsTheHostsStatusAndMessage) {
  fake_.upstream().respond(
      FakeUpstreamResponse::sendFailure(GH_ERROR_UPSTREAM_TIMEOUT, "api.test:443: no answer"));
  try {
    exchange_.send(request());
    FAIL() << "send did not throw";
  } catch (const sdk::Error& error) {
    EXPECT_EQ(error.status(), GH_ERROR_UPSTREAM_TIMEOUT);
    EXPECT_STREQ(error.what(), "api.test:443: no answer");
  }
}

TEST_F(SdkUpstream, AnHttpErrorIsAResponseNotAnException) {
  fake_.upstream().respond(FakeUpstreamResponse::body(503, "{}"));
  EXPECT_EQ(exchange_.send(request()).status(), 503);
}

TEST_F(SdkUpstream, ReadFailuresThrowForEachReadStyle) {
  fake_.upstream()
      .respond(FakeUpstreamResponse::body(200, "{").failAfter(1, GH_ERROR_UPSTREAM, "cut after 1 byte"))
      .respond(FakeUpstreamResponse::dataEvents({"1"}).failAfter(1, GH_ERROR_UPSTREAM_TIMEOUT, "idle"))
      .respond(FakeUpstreamResponse::chunks(200, {"x"}).failAfter(0, GH_ERROR_UPSTREAM, "reset"));
  sdk::Upstream body = exchange_.send(request());
  sdk::Upstream events = exchange_.send(request());
  sdk::Upstream chunks = exchange_.send(request());
  try {
    body.readBody();
    FAIL();
  } catch (const sdk::Error& error) {
    EXPECT_EQ(error.status(), GH_ERROR_UPSTREAM);
    EXPECT_STREQ(error.what(), "cut after 1 byte");
  }
  ASSERT_TRUE(events.nextEvent());
  try {
    events.nextEvent();
    FAIL();
  } catch (const sdk::Error& error) {
    EXPECT_EQ(error.status(), GH_ERROR_UPSTREAM_TIMEOUT);
    EXPECT_STREQ(error.what(), "idle");
  }
  std::string chunk;
  EXPECT_THROW(chunks.readChunk(chunk), sdk::Error);
}

TEST_F(SdkUpstream, WithoutACurrentCallTheFailureStillSaysWhat) {
  fake_.upstream().respond(FakeUpstreamResponse::sendFailure(GH_ERROR_UNAVAILABLE, "pool full"));
  const sdk::detail::CurrentCallScope none(nullptr);
  try {
    exchange_.send(request());
    FAIL();
  } catch (const sdk::Error& error) {
    EXPECT_EQ(error.status(), GH_ERROR_UNAVAILABLE);
    EXPECT_STREQ(error.what(), "sending the upstream request failed (status 6)");
  }
}

TEST_F(SdkUpstream, DestructionClosesTheUpstreamAndFreesItsBuffer) {
  fake_.upstream().respond(FakeUpstreamResponse::body(200, "{}"));
  {
    sdk::Upstream upstream = exchange_.send(request());
    upstream.readBody();
    EXPECT_EQ(FakeHost::liveBufferCount(), buffersBefore_ + 1);
  }
  EXPECT_EQ(FakeHost::liveBufferCount(), buffersBefore_);
  EXPECT_EQ(fake_.upstream().leftOpen(), 0u);
  EXPECT_FALSE(fake_.upstream().opened().at(0)->closedByHost());
}

TEST_F(SdkUpstream, MovingHandsTheUpstreamOverAndClosesExactlyOnce) {
  fake_.upstream()
      .respond(FakeUpstreamResponse::body(200, "a"))
      .respond(FakeUpstreamResponse::body(200, "b"));
  sdk::Upstream first = exchange_.send(request());
  sdk::Upstream second = exchange_.send(request());
  first.readBody();
  sdk::Upstream moved(std::move(first));
  EXPECT_EQ(first.handle(), nullptr); // NOLINT(bugprone-use-after-move): the moved-from state is the point
  EXPECT_EQ(fake_.upstream().leftOpen(), 2u);
  moved = std::move(second); // closes what `moved` held
  EXPECT_EQ(fake_.upstream().leftOpen(), 1u);
  EXPECT_TRUE(fake_.upstream().opened().at(0)->closed());
  moved.close();
  moved.close();
  EXPECT_EQ(fake_.upstream().leftOpen(), 0u);
  EXPECT_TRUE(fake_.upstream().misuses().empty()) << fake_.upstream().misuses().front();
  EXPECT_EQ(FakeHost::liveBufferCount(), buffersBefore_);
}

} // namespace
