// Chat completions through the openai plugin: the exact upstream request, the answer the
// client gets, usage, and the stream rules (usage chunk, [DONE], errors, cuts).
#include <string>
#include <vector>

#include "openai_plugin_fixture.hpp"

namespace gatehouse::plugins::openai::test {
namespace {

// Every field a client may send: all of them must reach the upstream unchanged.
constexpr const char* kRichChat =
    R"({"model":"public-model","messages":[{"role":"system","content":"be brief"},)"
    R"({"role":"user","content":[{"type":"text","text":"caf\u00e9 \"quoted\""},)"
    R"({"type":"image_url","image_url":{"url":"data:image/png;base64,iVBORw0KGgo=","detail":"low"}}]}],)"
    R"("tools":[{"type":"function","function":{"name":"lookup","description":"find","parameters":)"
    R"({"type":"object","properties":{"q":{"type":"string"}},"required":["q"]}}}],)"
    R"("tool_choice":{"type":"function","function":{"name":"lookup"}},)"
    R"("response_format":{"type":"json_schema","json_schema":{"name":"x","schema":{"type":"object"}}},)"
    R"("logprobs":true,"top_logprobs":3,"seed":9007199254740993,"n":2,"temperature":0.7,"top_p":1e-3,)"
    R"("max_completion_tokens":100,"stop":["\n\n"],"logit_bias":{"50256":-100},"user":"u-1",)"
    R"("metadata":{"k":"v"},"parallel_tool_calls":false,"unknown_future_field":[null,true,{"a":[]}]})";

constexpr const char* kCompletion =
    R"({"id":"chatcmpl-1","object":"chat.completion","created":1700000000,"model":"gpt-4o-2024-08-06",)"
    R"("choices":[{"index":0,"message":{"role":"assistant","content":"hi"},"logprobs":null,)"
    R"("finish_reason":"stop"}],"usage":{"prompt_tokens":19,"completion_tokens":10,"total_tokens":29,)"
    R"("prompt_tokens_details":{"cached_tokens":4,"audio_tokens":0},)"
    R"("completion_tokens_details":{"reasoning_tokens":3,"audio_tokens":0}},"system_fingerprint":"fp_1"})";

std::string chunk(const std::string& delta, const std::string& extra = R"(,"usage":null)") {
  return R"({"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"gpt-4o",)"
         R"("choices":[{"index":0,"delta":)" +
         delta + R"(,"logprobs":null,"finish_reason":null}])" + extra + "}";
}
const std::string kUsageChunk =
    R"({"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"gpt-4o","choices":[],)"
    R"("usage":{"prompt_tokens":8,"completion_tokens":2,"total_tokens":10,)"
    R"("prompt_tokens_details":{"cached_tokens":5},"completion_tokens_details":{"reasoning_tokens":1}}})";

std::vector<std::string> openAiStream() {
  return {chunk(R"({"role":"assistant","content":""})"),
          chunk(R"({"content":"Hel"})"),
          chunk(R"({"content":"lo"})"),
          chunk("{}"),
          kUsageChunk,
          "[DONE]"};
}

std::string withModel(const std::string& body, const std::string& model) {
  rapidjson::Document document = parseJson(body);
  document["model"].SetString(model.c_str(), static_cast<rapidjson::SizeType>(model.size()),
                              document.GetAllocator());
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  document.Accept(writer);
  return std::string(buffer.GetString(), buffer.GetSize());
}

class ChatEndpoint : public OpenAiPluginTest {};

TEST_F(ChatEndpoint, ForwardsTheClientBodyWithOnlyTheModelReplaced) {
  createProvider();
  FakeExchange exchange = request(GH_ENDPOINT_CHAT_COMPLETIONS, kRichChat);
  exchange.upstream().respond(FakeUpstreamResponse::body(200, kCompletion));
  ASSERT_EQ(handle(exchange), GH_OK) << host_.lastError();

  const FakeUpstreamRequest& upstream = sent(exchange);
  EXPECT_EQ(upstream.method, "POST");
  EXPECT_EQ(upstream.url, "https://api.test/v1/chat/completions");
  EXPECT_EQ(upstream.header("Authorization"), std::string("Bearer ") + kCompanyKey);
  EXPECT_EQ(upstream.header("Content-Type"), "application/json");
  EXPECT_FALSE(upstream.hasHeader("OpenAI-Organization"));
  EXPECT_EQ(canonicalJson(upstream.body), withModel(kRichChat, "gpt-4o-2024-08-06"));
  EXPECT_NE(upstream.body.find("9007199254740993"), std::string::npos) << "the seed lost precision";
  EXPECT_EQ(upstream.body.find("stream_options"), std::string::npos);
  expectTidyUpstream(exchange);
}

TEST_F(ChatEndpoint, AnswersWithTheUpstreamBodyAndReportsItsUsage) {
  createProvider();
  FakeExchange exchange = request(GH_ENDPOINT_CHAT_COMPLETIONS, kRichChat);
  exchange.upstream().respond(FakeUpstreamResponse::body(200, kCompletion));
  ASSERT_EQ(handle(exchange), GH_OK) << host_.lastError();
  EXPECT_EQ(exchange.status(), 200);
  EXPECT_EQ(exchange.contentType(), "application/json");
  EXPECT_EQ(exchange.responseBody(), kCompletion);
  ASSERT_TRUE(exchange.usage());
  EXPECT_EQ(exchange.usage()->prompt_tokens, 19);
  EXPECT_EQ(exchange.usage()->completion_tokens, 10);
  EXPECT_EQ(exchange.usage()->cached_prompt_tokens, 4);
  EXPECT_EQ(exchange.usage()->reasoning_tokens, 3);
  EXPECT_TRUE(exchange.upstream().opened().at(0)->fullyRead());
  expectNoKeyLeak(exchange);
}

TEST_F(ChatEndpoint, AddsTheModelWhenTheClientSentNone) {
  createProvider();
  FakeExchange exchange = request(GH_ENDPOINT_CHAT_COMPLETIONS, R"({"messages":[]})");
  exchange.upstream().respond(FakeUpstreamResponse::body(200, kCompletion));
  ASSERT_EQ(handle(exchange), GH_OK) << host_.lastError();
  EXPECT_EQ(sent(exchange).body, R"({"messages":[],"model":"gpt-4o-2024-08-06"})");
}

TEST_F(ChatEndpoint, RefusesBodiesItCannotForwardWithoutCallingTheUpstream) {
  createProvider();
  for (const char* body : {"not json", "[1]", R"({"model":"m"})", R"({"messages":{}})",
                           R"({"messages":[],"stream_options":true})"}) {
    FakeExchange exchange = request(GH_ENDPOINT_CHAT_COMPLETIONS, body, true);
    EXPECT_EQ(handle(exchange), GH_ERROR_INVALID_ARGUMENT) << body;
    EXPECT_TRUE(exchange.upstream().requests().empty()) << body;
  }
}

TEST_F(ChatEndpoint, OrganizationProjectAndExtraHeadersGoOnEveryRequestInOrder) {
  createProvider(R"("organization":"org-1","project":"proj_2",)"
                 R"("extra_headers":{"X-Team":"blue","HTTP-Referer":"https://app"})");
  FakeExchange exchange = request(GH_ENDPOINT_CHAT_COMPLETIONS, R"({"messages":[]})");
  exchange.upstream().respond(FakeUpstreamResponse::body(200, kCompletion));
  ASSERT_EQ(handle(exchange), GH_OK) << host_.lastError();
  const std::vector<std::pair<std::string, std::string>> expected{
      {"Authorization", std::string("Bearer ") + kCompanyKey},
      {"OpenAI-Organization", "org-1"},
      {"OpenAI-Project", "proj_2"},
      {"X-Team", "blue"},
      {"HTTP-Referer", "https://app"},
      {"Content-Type", "application/json"}};
  EXPECT_EQ(sent(exchange).headers, expected);
}

TEST_F(ChatEndpoint, ALocalServerWithoutAKeyGetsNoAuthorization) {
  ASSERT_EQ(host_.createProvider(kProvider, R"({"base_url":"http://127.0.0.1:11434/v1/"})"), GH_OK)
      << host_.lastError();
  FakeExchange exchange = request(GH_ENDPOINT_CHAT_COMPLETIONS, R"({"messages":[]})");
  exchange.upstream().respond(FakeUpstreamResponse::body(200, kCompletion));
  ASSERT_EQ(handle(exchange), GH_OK) << host_.lastError();
  EXPECT_EQ(sent(exchange).url, "http://127.0.0.1:11434/v1/chat/completions");
  EXPECT_FALSE(sent(exchange).hasHeader("Authorization"));
}

TEST_F(ChatEndpoint, AzureUsesTheDeploymentUrlAndTheApiKeyHeader) {
  ASSERT_EQ(host_.createProvider(kProvider, R"({"flavor":"azure","base_url":"https://corp.openai.azure.com",)"
                                            R"("api_key":"env:OPENAI_KEY","api_version":"2024-10-21"})"),
            GH_OK)
      << host_.lastError();
  FakeExchange exchange = request(GH_ENDPOINT_CHAT_COMPLETIONS, R"({"messages":[]})");
  exchange.setUpstreamModel("prod gpt/4o");
  exchange.upstream().respond(FakeUpstreamResponse::body(200, kCompletion));
  ASSERT_EQ(handle(exchange), GH_OK) << host_.lastError();
  const FakeUpstreamRequest& upstream = sent(exchange);
  EXPECT_EQ(upstream.url, "https://corp.openai.azure.com/openai/deployments/prod%20gpt%2F4o/chat/"
                          "completions?api-version=2024-10-21");
  EXPECT_EQ(upstream.header("api-key"), kCompanyKey);
  EXPECT_FALSE(upstream.hasHeader("Authorization"));
  EXPECT_EQ(parseJson(upstream.body)["model"].GetString(), std::string("prod gpt/4o"));
}

// --- streams ---

std::vector<std::string> dataOf(const FakeExchange& exchange) {
  return exchange.events();
}

TEST_F(ChatEndpoint, StreamAsksForUsageAndHidesTheUsageChunkFromAClientThatDidNot) {
  createProvider();
  FakeExchange exchange = request(GH_ENDPOINT_CHAT_COMPLETIONS, R"({"messages":[],"stream":true})", true);
  exchange.upstream().respond(FakeUpstreamResponse::dataEvents(openAiStream()));
  ASSERT_EQ(handle(exchange), GH_OK) << host_.lastError();

  const FakeUpstreamRequest& upstream = sent(exchange);
  EXPECT_EQ(
      upstream.body,
      R"({"messages":[],"stream":true,"model":"gpt-4o-2024-08-06","stream_options":{"include_usage":true}})");
  EXPECT_EQ(upstream.header("Accept"), "text/event-stream");
  const std::vector<std::string> stream = openAiStream();
  EXPECT_EQ(dataOf(exchange),
            std::vector<std::string>(stream.begin(), stream.begin() + 4)); // no usage, no [DONE]
  ASSERT_TRUE(exchange.usage());
  EXPECT_EQ(exchange.usage()->prompt_tokens, 8);
  EXPECT_EQ(exchange.usage()->completion_tokens, 2);
  EXPECT_EQ(exchange.usage()->cached_prompt_tokens, 5);
  EXPECT_EQ(exchange.usage()->reasoning_tokens, 1);
  EXPECT_EQ(exchange.usageReports(), 1);
  EXPECT_TRUE(exchange.upstream().opened().at(0)->fullyRead()) << "the end after [DONE] was not read";
  expectTidyUpstream(exchange);
}

TEST_F(ChatEndpoint, StreamForwardsTheUsageChunkToAClientThatAskedForIt) {
  createProvider();
  FakeExchange exchange =
      request(GH_ENDPOINT_CHAT_COMPLETIONS,
              R"({"messages":[],"stream":true,"stream_options":{"include_usage":true}})", true);
  exchange.upstream().respond(FakeUpstreamResponse::dataEvents(openAiStream()));
  ASSERT_EQ(handle(exchange), GH_OK) << host_.lastError();
  EXPECT_EQ(
      canonicalJson(sent(exchange).body),
      R"({"messages":[],"stream":true,"stream_options":{"include_usage":true},"model":"gpt-4o-2024-08-06"})");
  const std::vector<std::string> stream = openAiStream();
  EXPECT_EQ(dataOf(exchange), std::vector<std::string>(stream.begin(), stream.end() - 1));
  EXPECT_EQ(exchange.usage()->prompt_tokens, 8);
}

TEST_F(ChatEndpoint, StreamOptionsTheClientSetAreKeptAndIncludeUsageTurnedOn) {
  createProvider();
  FakeExchange exchange = request(GH_ENDPOINT_CHAT_COMPLETIONS,
                                  R"({"messages":[],"stream_options":{"include_usage":false,"x":1}})", true);
  exchange.upstream().respond(FakeUpstreamResponse::dataEvents(openAiStream()));
  ASSERT_EQ(handle(exchange), GH_OK) << host_.lastError();
  EXPECT_EQ(sent(exchange).body,
            R"({"messages":[],"stream_options":{"include_usage":true,"x":1},"model":"gpt-4o-2024-08-06"})");
  EXPECT_EQ(exchange.events().size(), 4u); // the usage chunk stays hidden: the client said false
}

TEST_F(ChatEndpoint, WithStreamUsageOffTheRequestIsUntouchedAndUsageComesOnlyIfSent) {
  createProvider(R"("stream_usage":false)");
  FakeExchange exchange = request(GH_ENDPOINT_CHAT_COMPLETIONS, R"({"messages":[]})", true);
  std::vector<std::string> stream = openAiStream();
  stream.erase(stream.begin() + 4); // a server that sends no usage
  exchange.upstream().respond(FakeUpstreamResponse::dataEvents(stream));
  ASSERT_EQ(handle(exchange), GH_OK) << host_.lastError();
  EXPECT_EQ(sent(exchange).body, R"({"messages":[],"model":"gpt-4o-2024-08-06"})");
  EXPECT_EQ(exchange.events().size(), 4u);
  EXPECT_FALSE(exchange.usage());

  FakeExchange asked = request(GH_ENDPOINT_CHAT_COMPLETIONS,
                               R"({"messages":[],"stream_options":{"include_usage":true}})", true);
  asked.upstream().respond(FakeUpstreamResponse::dataEvents(openAiStream()));
  ASSERT_EQ(handle(asked), GH_OK) << host_.lastError();
  EXPECT_EQ(asked.events().size(), 5u);
  EXPECT_EQ(asked.usage()->completion_tokens, 2);
}

TEST_F(ChatEndpoint, UsageOnTheLastContentChunkIsReadAndTheChunkForwarded) {
  createProvider(R"("stream_usage":false)");
  FakeExchange exchange = request(GH_ENDPOINT_CHAT_COMPLETIONS, R"({"messages":[]})", true);
  const std::string last =
      chunk(R"({"content":"!"})", R"(,"usage":{"prompt_tokens":3,"completion_tokens":1}})");
  const std::string groq = chunk("{}", R"(,"x_groq":{"usage":{"prompt_tokens":30,"completion_tokens":7}})");
  exchange.upstream().respond(FakeUpstreamResponse::dataEvents({last, groq, "[DONE]"}));
  ASSERT_EQ(handle(exchange), GH_OK) << host_.lastError();
  EXPECT_EQ(exchange.events(), (std::vector<std::string>{last, groq}));
  EXPECT_EQ(exchange.usage()->prompt_tokens, 30);
  EXPECT_EQ(exchange.usage()->completion_tokens, 7);
}

TEST_F(ChatEndpoint, StreamThatEndsWithoutDoneIsComplete) {
  createProvider();
  FakeExchange exchange = request(GH_ENDPOINT_CHAT_COMPLETIONS, R"({"messages":[]})", true);
  std::vector<std::string> stream = openAiStream();
  stream.pop_back();
  exchange.upstream().respond(FakeUpstreamResponse::dataEvents(stream));
  ASSERT_EQ(handle(exchange), GH_OK) << host_.lastError();
  EXPECT_EQ(exchange.events().size(), 4u);
  EXPECT_EQ(exchange.usage()->prompt_tokens, 8);
  expectTidyUpstream(exchange);
}

TEST_F(ChatEndpoint, NothingAfterDoneIsForwarded) {
  createProvider();
  FakeExchange exchange = request(GH_ENDPOINT_CHAT_COMPLETIONS, R"({"messages":[]})", true);
  exchange.upstream().respond(FakeUpstreamResponse::dataEvents(
      {chunk(R"({"content":"a"})"), "[DONE]", chunk(R"({"content":"late"})")}));
  ASSERT_EQ(handle(exchange), GH_OK) << host_.lastError();
  EXPECT_EQ(exchange.events(), (std::vector<std::string>{chunk(R"({"content":"a"})")}));
  expectTidyUpstream(exchange);
}

TEST_F(ChatEndpoint, ErrorEventMidStreamEndsItWithTheUpstreamMessageRedacted) {
  createProvider();
  FakeExchange exchange = request(GH_ENDPOINT_CHAT_COMPLETIONS, R"({"messages":[]})", true);
  exchange.upstream().respond(FakeUpstreamResponse::dataEvents(
      {chunk(R"({"content":"a"})"),
       R"json({"error":{"message":"The server had an error (key sk-abc1***********wxyz)",)json"
       R"("type":"server_error"}})",
       chunk(R"({"content":"never"})")}));
  EXPECT_EQ(handle(exchange), GH_ERROR_UPSTREAM);
  EXPECT_EQ(host_.lastError(), "upstream 'openai-main': The server had an error (key [REDACTED])");
  EXPECT_EQ(exchange.events(), (std::vector<std::string>{chunk(R"({"content":"a"})")}));
  EXPECT_EQ(exchange.upstream().closedByHost(), 0u);
}

TEST_F(ChatEndpoint, StreamCutByTheUpstreamFailsWithTheHostsReasonAndTheProviderNamed) {
  createProvider();
  FakeExchange exchange = request(GH_ENDPOINT_CHAT_COMPLETIONS, R"({"messages":[]})", true);
  exchange.upstream().respond(
      FakeUpstreamResponse::dataEvents(openAiStream())
          .failAfter(2, GH_ERROR_UPSTREAM, "api.test:443 closed the connection mid-body"));
  EXPECT_EQ(handle(exchange), GH_ERROR_UPSTREAM);
  EXPECT_EQ(host_.lastError(), "upstream 'openai-main': api.test:443 closed the connection mid-body");
  EXPECT_EQ(exchange.events().size(), 2u);
  EXPECT_FALSE(exchange.usage());
}

TEST_F(ChatEndpoint, StreamIdleTimeoutKeepsItsStatus) {
  createProvider();
  FakeExchange exchange = request(GH_ENDPOINT_CHAT_COMPLETIONS, R"({"messages":[]})", true);
  exchange.upstream().respond(FakeUpstreamResponse::dataEvents(openAiStream())
                                  .failAfter(1, GH_ERROR_UPSTREAM_TIMEOUT, "idle for 30 s"));
  EXPECT_EQ(handle(exchange), GH_ERROR_UPSTREAM_TIMEOUT);
  EXPECT_EQ(host_.lastError(), "upstream 'openai-main': idle for 30 s");
}

TEST_F(ChatEndpoint, ClientLeavingMidStreamClosesTheUpstreamAtOnce) {
  createProvider();
  FakeExchange exchange = request(GH_ENDPOINT_CHAT_COMPLETIONS, R"({"messages":[]})", true);
  exchange.disconnectAfter(1);
  exchange.upstream().respond(FakeUpstreamResponse::dataEvents(openAiStream()));
  EXPECT_EQ(handle(exchange), GH_OK) << host_.lastError();
  EXPECT_EQ(exchange.events().size(), 1u);
  const auto* upstream = exchange.upstream().opened().at(0);
  EXPECT_TRUE(upstream->closed());
  EXPECT_FALSE(upstream->closedByHost());
  EXPECT_FALSE(upstream->fullyRead());
}

TEST_F(ChatEndpoint, StreamRequestAnsweredWithJsonInsteadOfEventsFails) {
  createProvider();
  FakeExchange exchange = request(GH_ENDPOINT_CHAT_COMPLETIONS, R"({"messages":[]})", true);
  exchange.upstream().respond(FakeUpstreamResponse::body(200, kCompletion));
  EXPECT_EQ(handle(exchange), GH_ERROR_UPSTREAM);
  EXPECT_EQ(
      host_.lastError(),
      "upstream 'openai-main': answered a stream request with application/json instead of an event stream");
  EXPECT_TRUE(exchange.events().empty());
}

TEST_F(ChatEndpoint, StreamRequestRefusedByTheUpstreamIsAnsweredWithItsError) {
  createProvider();
  FakeExchange exchange = request(GH_ENDPOINT_CHAT_COMPLETIONS, R"({"messages":[]})", true);
  exchange.upstream().respond(FakeUpstreamResponse::body(
      429, R"({"error":{"message":"Rate limit reached","type":"requests","param":null,)"
           R"("code":"rate_limit_exceeded"}})"));
  ASSERT_EQ(handle(exchange), GH_OK) << host_.lastError();
  EXPECT_EQ(exchange.status(), 429);
  EXPECT_TRUE(exchange.events().empty());
  const auto error = parseJson(exchange.responseBody());
  EXPECT_STREQ(error["error"]["code"].GetString(), "rate_limit_exceeded");
}

// --- answers that are no answer ---

TEST_F(ChatEndpoint, NonJsonSuccessIsAnUpstreamFailure) {
  createProvider();
  FakeExchange exchange = request(GH_ENDPOINT_CHAT_COMPLETIONS, R"({"messages":[]})");
  exchange.upstream().respond(FakeUpstreamResponse::body(200, "<html>hello</html>", "text/html"));
  EXPECT_EQ(handle(exchange), GH_ERROR_UPSTREAM);
  EXPECT_EQ(host_.lastError(), "upstream 'openai-main' answered HTTP 200 with a non-JSON body");
  EXPECT_FALSE(exchange.responded());
}

TEST_F(ChatEndpoint, SendFailuresKeepTheirStatusAndNameTheProvider) {
  createProvider();
  for (const gh_status status : {GH_ERROR_UPSTREAM, GH_ERROR_UPSTREAM_TIMEOUT, GH_ERROR_UNAVAILABLE}) {
    FakeExchange exchange = request(GH_ENDPOINT_CHAT_COMPLETIONS, R"({"messages":[]})");
    exchange.upstream().respond(FakeUpstreamResponse::sendFailure(status, "api.test:443: no answer"));
    EXPECT_EQ(handle(exchange), status);
    EXPECT_EQ(host_.lastError(), "upstream 'openai-main': api.test:443: no answer");
  }
  FakeExchange cancelled = request(GH_ENDPOINT_CHAT_COMPLETIONS, R"({"messages":[]})");
  cancelled.upstream().respond(FakeUpstreamResponse::sendFailure(GH_ERROR_CANCELLED, "the client went away"));
  EXPECT_EQ(handle(cancelled), GH_ERROR_CANCELLED);
  EXPECT_EQ(host_.lastError(), "the client went away");
}

} // namespace
} // namespace gatehouse::plugins::openai::test
