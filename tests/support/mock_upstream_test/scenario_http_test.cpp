// Misbehaviour on demand: fail, stall, drip, cut, reset, slow-body, midstream-error.
// Timing checks use lower bounds only (a sleep never ends early), so load cannot make
// them flaky.
#include "mock_fixture.hpp"
#include "raw_http.hpp"
#include "sse.hpp"

namespace gatehouse::mock::test {
namespace {

using namespace std::chrono_literals;
using Scenarios = MockUpstreamTest;

const std::string kChat = R"({"model":"gpt-4o","messages":[{"role":"user","content":"one two three"}]})";
const std::string kStreamChat =
    R"({"model":"gpt-4o","stream":true,"messages":[{"role":"user","content":"one two three"}]})";

RawReply chat(std::uint16_t port, const std::string& body, const std::string& scenario) {
  return rawExchange(port, rawRequest("POST", "/v1/chat/completions", body,
                                      {{"Authorization", "Bearer k"}, {"x-mock-scenario", scenario}}));
}

TEST_F(Scenarios, FailAnswersTheProvidersErrorForTheStatus) {
  auto reply = client().post("/v1/chat/completions", kChat,
                             {{"Authorization", "Bearer k"}, {"x-mock-scenario", "fail:500"}});
  EXPECT_EQ(reply.status, 500);
  auto doc = parseJson(reply.body);
  EXPECT_STREQ(doc["error"]["type"].GetString(), "server_error");
  EXPECT_TRUE(doc["error"]["code"].IsNull());

  auto rate = parseJson(client()
                            .post("/v1/chat/completions", kChat,
                                  {{"Authorization", "Bearer k"}, {"x-mock-scenario", "fail:429"}})
                            .body);
  EXPECT_STREQ(rate["error"]["code"].GetString(), "rate_limit_exceeded");
}

TEST_F(Scenarios, FailWithATypeUsesIt) {
  auto reply = client().post(
      "/v1/chat/completions", kChat,
      {{"Authorization", "Bearer k"}, {"x-mock-scenario", "fail:429:insufficient_quota,retry-after:7"}});
  EXPECT_EQ(reply.status, 429);
  EXPECT_EQ(reply.header("retry-after"), "7");
  auto doc = parseJson(reply.body);
  EXPECT_STREQ(doc["error"]["type"].GetString(), "insufficient_quota");
  EXPECT_STREQ(doc["error"]["code"].GetString(), "insufficient_quota");
}

TEST_F(Scenarios, ModelPrefixWorksWithoutHeaders) {
  auto body = R"({"model":"mock-fail-429/gpt-4o","messages":[{"role":"user","content":"x"}]})";
  EXPECT_EQ(client().post("/v1/chat/completions", body, openAiAuth()).status, 429);
}

TEST_F(Scenarios, UnknownScenarioIsA400ThatSaysSo) {
  auto reply = client().post("/v1/chat/completions", kChat,
                             {{"Authorization", "Bearer k"}, {"x-mock-scenario", "explode"}});
  EXPECT_EQ(reply.status, 400);
  EXPECT_NE(reply.body.find("unknown mock scenario 'explode'"), std::string::npos);
}

TEST_F(Scenarios, StallDelaysTheResponseHead) {
  auto reply = chat(mock().port(), kChat, "stall:300");
  ASSERT_TRUE(reply.complete);
  EXPECT_EQ(reply.status, 200);
  EXPECT_GE(reply.headArrived - reply.sent, 300ms);
}

TEST_F(Scenarios, StallAppliesToFailuresToo) {
  auto reply = chat(mock().port(), kChat, "stall:200,fail:503");
  EXPECT_EQ(reply.status, 503);
  EXPECT_GE(reply.headArrived - reply.sent, 200ms);
}

TEST_F(Scenarios, DripSpacesStreamEvents) {
  auto reply = chat(mock().port(), kStreamChat, "drip:200");
  ASSERT_TRUE(reply.complete);
  // role, "Echo: ", "one ", "two ", "three", finish, [DONE]: 7 events, 6 gaps.
  ASSERT_EQ(reply.chunks.size(), 7u);
  EXPECT_GE(reply.chunks.back().arrived - reply.sent, 1200ms);
  // The first event is not held back with the rest: the stream really is a stream.
  EXPECT_LT(reply.chunks.front().arrived - reply.sent, 1000ms);
}

TEST_F(Scenarios, CutClosesAfterNEvents) {
  auto reply = chat(mock().port(), kStreamChat, "chunks:10,cut:3");
  EXPECT_EQ(reply.status, 200);
  EXPECT_FALSE(reply.complete);
  EXPECT_TRUE(reply.peerClosed);
  ASSERT_EQ(reply.chunks.size(), 3u);
  EXPECT_EQ(reply.body.find("[DONE]"), std::string::npos);
}

TEST_F(Scenarios, CutAtZeroSendsOnlyTheHead) {
  auto reply = chat(mock().port(), kStreamChat, "cut:0");
  EXPECT_EQ(reply.status, 200);
  EXPECT_FALSE(reply.complete);
  EXPECT_TRUE(reply.chunks.empty());
}

TEST_F(Scenarios, CutClosesAfterNBodyBytes) {
  auto reply = chat(mock().port(), kChat, "cut:10");
  EXPECT_EQ(reply.status, 200);
  EXPECT_GT(std::stoul(reply.header("content-length")), 10u);
  EXPECT_FALSE(reply.complete);
  EXPECT_EQ(reply.body.size(), 10u);
  EXPECT_EQ(reply.body, R"({"id":"cha)");
}

TEST_F(Scenarios, ResetAnswersNothing) {
  auto reply = chat(mock().port(), kChat, "reset");
  EXPECT_EQ(reply.status, 0);
  EXPECT_TRUE(reply.peerClosed);
  EXPECT_TRUE(reply.body.empty());
}

TEST_F(Scenarios, SlowBodyDripsANonStreamBody) {
  auto reply = chat(mock().port(), kChat, "slow-body:250");
  ASSERT_TRUE(reply.complete);
  EXPECT_GE(reply.finished - reply.sent, 1000ms);
  EXPECT_LT(reply.headArrived - reply.sent, 800ms); // the head is not held back
  EXPECT_TRUE(parseJson(reply.body).IsObject());
}

TEST_F(Scenarios, MidstreamErrorEndsTheOpenAiStreamWithAnErrorChunk) {
  auto reply = chat(mock().port(), kStreamChat, "midstream-error");
  ASSERT_TRUE(reply.complete); // the HTTP body itself ends properly
  auto events = parseSse(reply.body, "\n\n");
  ASSERT_TRUE(events);
  auto last = parseJson(events->back().data);
  ASSERT_TRUE(last.HasMember("error"));
  EXPECT_STREQ(last["error"]["type"].GetString(), "server_error");
  EXPECT_EQ(reply.body.find("[DONE]"), std::string::npos);
  EXPECT_EQ(reply.body.find("finish_reason\":\"stop"), std::string::npos);
  EXPECT_NE(reply.body.find("Echo"), std::string::npos); // some content came first
}

TEST_F(Scenarios, ConnectionStaysUsableAfterAFailure) {
  auto c = client();
  EXPECT_EQ(
      c.post("/v1/chat/completions", kChat, {{"Authorization", "Bearer k"}, {"x-mock-scenario", "fail:500"}})
          .status,
      500);
  EXPECT_EQ(c.post("/v1/chat/completions", kChat, openAiAuth()).status, 200);
}

} // namespace
} // namespace gatehouse::mock::test
