// The gateway's endpoints served by the real process with the mock provider.
#include "running_gateway.hpp"

namespace gatehouse::testing {
namespace {

using Endpoints = RunningGateway;

TEST_F(Endpoints, HealthzIsOk) {
  const RawResponse response = get("/healthz");
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, R"({"status":"ok"})");
  EXPECT_EQ(response.header("x-request-id").size(), 32u);
}

TEST_F(Endpoints, ReadyzReportsItsChecks) {
  const RawResponse response = get("/readyz");
  EXPECT_EQ(response.status, 200) << response.body;
  const auto document = parseJson(response.body);
  EXPECT_STREQ(document["status"].GetString(), "ready");
  EXPECT_STREQ(document["checks"]["config"].GetString(), "ok");
  EXPECT_STREQ(document["checks"]["plugins"].GetString(), "ok");
  EXPECT_STREQ(document["checks"]["store"].GetString(), "ok");
}

TEST_F(Endpoints, ModelsListsModelsAndAliases) {
  const RawResponse response = get("/v1/models");
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.header("content-type"), "application/json");
  const auto document = parseJson(response.body);
  EXPECT_STREQ(document["object"].GetString(), "list");
  ASSERT_EQ(document["data"].Size(), 2u);
  EXPECT_STREQ(document["data"][0]["id"].GetString(), "mock-echo");
  EXPECT_STREQ(document["data"][1]["id"].GetString(), "gpt-4o-mock");
  for (const auto& model : document["data"].GetArray()) {
    EXPECT_STREQ(model["object"].GetString(), "model");
    EXPECT_STREQ(model["owned_by"].GetString(), "mock");
    EXPECT_GT(model["created"].GetInt64(), 1600000000);
  }
}

TEST_F(Endpoints, ChatCompletionAnswersLikeOpenAi) {
  const RawResponse response = postJson("/v1/chat/completions", chatBody(), {{"x-request-id", "it-chat-1"}});
  ASSERT_EQ(response.status, 200) << response.body;
  EXPECT_EQ(response.header("content-type"), "application/json");
  EXPECT_EQ(response.header("x-request-id"), "it-chat-1");
  const auto document = parseJson(response.body);
  EXPECT_STREQ(document["id"].GetString(), "chatcmpl-it-chat-1");
  EXPECT_STREQ(document["object"].GetString(), "chat.completion");
  EXPECT_STREQ(document["model"].GetString(), "mock-echo");
  EXPECT_STREQ(document["choices"][0]["message"]["role"].GetString(), "assistant");
  EXPECT_STREQ(document["choices"][0]["message"]["content"].GetString(), "Echo: hello gateway");
  EXPECT_STREQ(document["choices"][0]["finish_reason"].GetString(), "stop");
  // "hello gateway" = 13 bytes -> 4 tokens; "Echo: hello gateway" = 19 bytes -> 5 tokens.
  EXPECT_EQ(document["usage"]["prompt_tokens"].GetInt(), 4);
  EXPECT_EQ(document["usage"]["completion_tokens"].GetInt(), 5);
  EXPECT_EQ(document["usage"]["total_tokens"].GetInt(), 9);
}

TEST_F(Endpoints, ChatRoutesAliasesAndProviderQualifiedNames) {
  for (const std::string model : {"gpt-4o-mock", "mock/mock-echo", "mock/gpt-4o-mock"}) {
    const RawResponse response = postJson("/v1/chat/completions", chatBody(model));
    EXPECT_EQ(response.status, 200) << model << ": " << response.body;
    EXPECT_STREQ(parseJson(response.body)["model"].GetString(), model.c_str());
  }
}

TEST_F(Endpoints, ChatStreamsServerSentEventsEndingWithDone) {
  const RawResponse response = postJson("/v1/chat/completions", chatBody("mock-echo", R"(,"stream":true)"),
                                        {{"x-request-id", "it-sse"}});
  ASSERT_EQ(response.status, 200) << response.body;
  EXPECT_EQ(response.header("content-type"), "text/event-stream");
  EXPECT_EQ(response.header("cache-control"), "no-cache");
  EXPECT_EQ(response.header("x-request-id"), "it-sse");
  EXPECT_TRUE(response.chunked);
  const std::vector<std::string> events = sseData(response.body);
  ASSERT_EQ(events.size(), 7u) << response.body; // role, 4 content chunks, stop, [DONE]
  EXPECT_EQ(events.back(), "[DONE]");
  std::string content;
  for (std::size_t i = 0; i + 1 < events.size(); ++i) {
    const auto chunk = parseJson(events[i]);
    ASSERT_TRUE(chunk.IsObject()) << events[i];
    EXPECT_STREQ(chunk["object"].GetString(), "chat.completion.chunk");
    EXPECT_STREQ(chunk["id"].GetString(), "chatcmpl-it-sse");
    const auto& delta = chunk["choices"][0]["delta"];
    if (i == 0) {
      EXPECT_STREQ(delta["role"].GetString(), "assistant");
    }
    if (delta.HasMember("content"))
      content += delta["content"].GetString();
  }
  EXPECT_EQ(content, "Echo: hello gateway");
  EXPECT_STREQ(parseJson(events[events.size() - 2])["choices"][0]["finish_reason"].GetString(), "stop");
}

TEST_F(Endpoints, StreamWithIncludeUsageSendsAUsageChunkBeforeDone) {
  const RawResponse response =
      postJson("/v1/chat/completions",
               chatBody("mock-echo", R"(,"stream":true,"stream_options":{"include_usage":true})"));
  ASSERT_EQ(response.status, 200);
  const std::vector<std::string> events = sseData(response.body);
  ASSERT_GE(events.size(), 3u);
  EXPECT_EQ(events.back(), "[DONE]");
  const auto usage = parseJson(events[events.size() - 2]);
  EXPECT_TRUE(usage["choices"].Empty());
  EXPECT_EQ(usage["usage"]["prompt_tokens"].GetInt(), 4);
  EXPECT_EQ(usage["usage"]["completion_tokens"].GetInt(), 5);
  EXPECT_EQ(usage["usage"]["total_tokens"].GetInt(), 9);
  EXPECT_TRUE(parseJson(events[0])["usage"].IsNull());
}

TEST_F(Endpoints, RequestIdIsEchoedOrGeneratedOnEveryResponse) {
  EXPECT_EQ(get("/healthz", {{"X-Request-ID", "abc-123"}}).header("x-request-id"), "abc-123");
  EXPECT_EQ(get("/nope", {{"x-request-id", "err-1"}}).header("x-request-id"), "err-1");
  const std::string generated = get("/healthz", {{"x-request-id", "has space"}}).header("x-request-id");
  EXPECT_EQ(generated.size(), 32u);
  EXPECT_NE(generated, get("/healthz").header("x-request-id"));
}

TEST_F(Endpoints, KeepAliveServesSeveralRequestsOnOneConnection) {
  RawConnection connection(port_);
  const std::string chat =
      buildRequest("POST", "/v1/chat/completions", {{"Content-Type", "application/json"}}, chatBody());
  for (int i = 0; i < 5; ++i) {
    ASSERT_TRUE(connection.send(i % 2 == 0 ? chat : buildRequest("GET", "/healthz")));
    const RawResponse response = connection.readResponse();
    EXPECT_EQ(response.status, 200) << i;
    EXPECT_FALSE(response.closesConnection());
  }
  ASSERT_TRUE(
      connection.send(buildRequest("POST", "/v1/chat/completions", {{"Content-Type", "application/json"}},
                                   chatBody("mock-echo", R"(,"stream":true)"))));
  EXPECT_EQ(sseData(connection.readResponse().body).back(), "[DONE]");
  ASSERT_TRUE(connection.send(buildRequest("GET", "/healthz")));
  EXPECT_EQ(connection.readResponse().status, 200);
}

} // namespace
} // namespace gatehouse::testing
