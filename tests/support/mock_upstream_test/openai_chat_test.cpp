// POST /v1/chat/completions in OpenAI's wire format, plain and streamed.
#include "mock_fixture.hpp"
#include "raw_http.hpp"
#include "sse.hpp"

namespace gatehouse::mock::test {
namespace {

using OpenAiChat = MockUpstreamTest;

const std::string kTools =
    R"("tools":[{"type":"function","function":{"name":"get_weather","parameters":)"
    R"({"type":"object","properties":{"city":{"type":"string"}}}}},)"
    R"({"type":"function","function":{"name":"get_time","parameters":{"type":"object"}}}])";

std::string chatBody(const std::string& extra, const std::string& userText = "hello there") {
  return R"({"model":"gpt-4o","messages":[{"role":"system","content":"be brief"},)"
         R"({"role":"user","content":")" +
         userText + "\"}]" + (extra.empty() ? "" : "," + extra) + "}";
}

// Every event of an OpenAI stream is "data: {json}\n\n", the last "data: [DONE]\n\n".
std::vector<rapidjson::Document> streamChunks(const std::string& body) {
  auto events = parseSse(body, "\n\n");
  EXPECT_TRUE(events) << body;
  std::vector<rapidjson::Document> chunks;
  if (!events)
    return chunks;
  EXPECT_EQ(events->back().data, "[DONE]");
  for (std::size_t i = 0; i + 1 < events->size(); ++i) {
    EXPECT_EQ((*events)[i].event, "");
    chunks.push_back(parseJson((*events)[i].data));
  }
  return chunks;
}

TEST_F(OpenAiChat, AnswersWithAChatCompletionObject) {
  auto reply = client().post("/v1/chat/completions", chatBody(""), openAiAuth());
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(reply.header("content-type"), "application/json");
  EXPECT_EQ(reply.header("x-request-id").rfind("req_", 0), 0u);
  auto doc = parseJson(reply.body);
  EXPECT_EQ(std::string(doc["id"].GetString()).rfind("chatcmpl-", 0), 0u);
  EXPECT_STREQ(doc["object"].GetString(), "chat.completion");
  EXPECT_TRUE(doc["created"].IsInt64());
  EXPECT_STREQ(doc["model"].GetString(), "gpt-4o");
  ASSERT_EQ(doc["choices"].Size(), 1u);
  const auto& choice = doc["choices"][0];
  EXPECT_EQ(choice["index"].GetInt(), 0);
  EXPECT_STREQ(choice["message"]["role"].GetString(), "assistant");
  EXPECT_STREQ(choice["message"]["content"].GetString(), "Echo: hello there");
  EXPECT_TRUE(choice["message"]["refusal"].IsNull());
  EXPECT_STREQ(choice["finish_reason"].GetString(), "stop");
  EXPECT_TRUE(choice["logprobs"].IsNull());
  // "be brief" + "hello there" = 19 bytes -> 5 tokens; the 17-byte reply -> 5 tokens.
  const auto& usage = doc["usage"];
  EXPECT_EQ(usage["prompt_tokens"].GetInt(), 5);
  EXPECT_EQ(usage["completion_tokens"].GetInt(), 5);
  EXPECT_EQ(usage["total_tokens"].GetInt(), 10);
  EXPECT_EQ(usage["prompt_tokens_details"]["cached_tokens"].GetInt(), 0);
  EXPECT_EQ(usage["completion_tokens_details"]["reasoning_tokens"].GetInt(), 0);
}

TEST_F(OpenAiChat, ContentPartsCountAsText) {
  auto body = R"({"model":"m","messages":[{"role":"user","content":[{"type":"text","text":"part one"},)"
              R"({"type":"image_url","image_url":{"url":"data:x"}},{"type":"text","text":"two"}]}]})";
  auto doc = parseJson(client().post("/v1/chat/completions", body, openAiAuth()).body);
  EXPECT_STREQ(doc["choices"][0]["message"]["content"].GetString(), "Echo: part one two");
  EXPECT_EQ(doc["usage"]["prompt_tokens"].GetInt(), 3); // 11 bytes of text
}

TEST_F(OpenAiChat, SeveralChoicesWithN) {
  auto doc = parseJson(client().post("/v1/chat/completions", chatBody("\"n\":3"), openAiAuth()).body);
  ASSERT_EQ(doc["choices"].Size(), 3u);
  EXPECT_EQ(doc["choices"][2]["index"].GetInt(), 2);
  EXPECT_EQ(doc["usage"]["completion_tokens"].GetInt(), 15);
}

TEST_F(OpenAiChat, MaxTokensCutsTheReplyWithLength) {
  auto doc = parseJson(
      client().post("/v1/chat/completions", chatBody("\"max_completion_tokens\":2"), openAiAuth()).body);
  EXPECT_STREQ(doc["choices"][0]["message"]["content"].GetString(), "Echo: he");
  EXPECT_STREQ(doc["choices"][0]["finish_reason"].GetString(), "length");
  EXPECT_EQ(doc["usage"]["completion_tokens"].GetInt(), 2);
}

TEST_F(OpenAiChat, ToolCallsWhenAsked) {
  auto reply =
      client().post("/v1/chat/completions", chatBody(kTools, "please call tool for Paris"), openAiAuth());
  auto doc = parseJson(reply.body);
  const auto& message = doc["choices"][0]["message"];
  EXPECT_TRUE(message["content"].IsNull());
  ASSERT_EQ(message["tool_calls"].Size(), 1u);
  const auto& call = message["tool_calls"][0];
  EXPECT_EQ(std::string(call["id"].GetString()).rfind("call_", 0), 0u);
  EXPECT_STREQ(call["type"].GetString(), "function");
  EXPECT_STREQ(call["function"]["name"].GetString(), "get_weather");
  auto args = parseJson(call["function"]["arguments"].GetString());
  EXPECT_STREQ(args["city"].GetString(), "please call tool for Paris");
  EXPECT_STREQ(doc["choices"][0]["finish_reason"].GetString(), "tool_calls");
}

TEST_F(OpenAiChat, StreamFramingIsExact) {
  auto reply =
      rawExchange(mock().port(), rawRequest("POST", "/v1/chat/completions", chatBody("\"stream\":true"),
                                            {{"Authorization", "Bearer k"}}));
  ASSERT_TRUE(reply.complete);
  EXPECT_EQ(reply.status, 200);
  EXPECT_EQ(reply.header("content-type"), "text/event-stream; charset=utf-8");
  ASSERT_TRUE(reply.chunked);
  // One event per HTTP chunk, so a proxy can forward each as soon as it arrives.
  for (const auto& chunk : reply.chunks) {
    EXPECT_EQ(chunk.data.substr(0, 6), "data: ");
    EXPECT_EQ(chunk.data.substr(chunk.data.size() - 2), "\n\n");
    EXPECT_EQ(chunk.data.find("\n\n"), chunk.data.size() - 2);
  }
  EXPECT_EQ(reply.chunks.back().data, "data: [DONE]\n\n");
  auto chunks = streamChunks(reply.body);
  // role, "Echo: ", "hello ", "there", finish
  ASSERT_EQ(chunks.size(), 5u);
  std::string text;
  std::string id = chunks[0]["id"].GetString();
  for (const auto& chunk : chunks) {
    EXPECT_STREQ(chunk["object"].GetString(), "chat.completion.chunk");
    EXPECT_EQ(chunk["id"].GetString(), id);
    EXPECT_FALSE(chunk.HasMember("usage")); // only with include_usage
    const auto& delta = chunk["choices"][0]["delta"];
    if (delta.HasMember("content"))
      text += delta["content"].GetString();
  }
  EXPECT_STREQ(chunks[0]["choices"][0]["delta"]["role"].GetString(), "assistant");
  EXPECT_EQ(text, "Echo: hello there");
  EXPECT_TRUE(chunks[3]["choices"][0]["finish_reason"].IsNull());
  EXPECT_STREQ(chunks[4]["choices"][0]["finish_reason"].GetString(), "stop");
  EXPECT_TRUE(chunks[4]["choices"][0]["delta"].ObjectEmpty());
}

TEST_F(OpenAiChat, IncludeUsageAddsAFinalChunkWithNoChoices) {
  auto reply =
      client().post("/v1/chat/completions",
                    chatBody(R"("stream":true,"stream_options":{"include_usage":true})"), openAiAuth());
  auto chunks = streamChunks(reply.body);
  ASSERT_EQ(chunks.size(), 6u);
  for (std::size_t i = 0; i + 1 < chunks.size(); ++i) {
    ASSERT_TRUE(chunks[i].HasMember("usage"));
    EXPECT_TRUE(chunks[i]["usage"].IsNull()) << i;
    EXPECT_EQ(chunks[i]["choices"].Size(), 1u);
  }
  const auto& last = chunks.back();
  EXPECT_TRUE(last["choices"].IsArray());
  EXPECT_EQ(last["choices"].Size(), 0u);
  EXPECT_EQ(last["usage"]["prompt_tokens"].GetInt(), 5);
  EXPECT_EQ(last["usage"]["completion_tokens"].GetInt(), 5);
  EXPECT_EQ(last["usage"]["total_tokens"].GetInt(), 10);
}

TEST_F(OpenAiChat, StreamedToolCallsSplitArgumentsAcrossDeltas) {
  auto reply = client().post("/v1/chat/completions", chatBody("\"stream\":true," + kTools, "weather in Oslo"),
                             {{"Authorization", "Bearer k"}, {"x-mock-scenario", "tool-call:2"}});
  auto chunks = streamChunks(reply.body);
  std::vector<std::string> arguments(2);
  std::vector<std::string> names(2);
  std::vector<int> argumentDeltas(2);
  for (const auto& chunk : chunks) {
    const auto& choice = chunk["choices"][0];
    if (!choice["delta"].HasMember("tool_calls"))
      continue;
    for (const auto& call : choice["delta"]["tool_calls"].GetArray()) {
      auto index = call["index"].GetInt();
      ASSERT_LT(index, 2);
      if (call.HasMember("id")) {
        EXPECT_STREQ(call["type"].GetString(), "function");
        names[static_cast<std::size_t>(index)] = call["function"]["name"].GetString();
      }
      std::string piece = call["function"]["arguments"].GetString();
      if (!piece.empty())
        ++argumentDeltas[static_cast<std::size_t>(index)];
      arguments[static_cast<std::size_t>(index)] += piece;
    }
  }
  EXPECT_EQ(names, (std::vector<std::string>{"get_weather", "get_time"}));
  for (std::size_t i = 0; i < 2; ++i) {
    EXPECT_GE(argumentDeltas[i], 2) << arguments[i];
    EXPECT_TRUE(parseJson(arguments[i]).IsObject());
  }
  EXPECT_TRUE(chunks[0]["choices"][0]["delta"]["content"].IsNull());
  EXPECT_STREQ(chunks.back()["choices"][0]["finish_reason"].GetString(), "tool_calls");
}

TEST_F(OpenAiChat, ChunksScenarioSetsTheNumberOfContentChunks) {
  auto reply = client().post("/v1/chat/completions", chatBody("\"stream\":true"),
                             {{"Authorization", "Bearer k"}, {"x-mock-scenario", "chunks:12"}});
  int contentChunks = 0;
  for (const auto& chunk : streamChunks(reply.body)) {
    const auto& delta = chunk["choices"][0]["delta"];
    contentChunks += delta.HasMember("content") && !delta.HasMember("role");
  }
  EXPECT_EQ(contentChunks, 12);
}

TEST_F(OpenAiChat, ModelPrefixScenarioIsStrippedFromTheAnswer) {
  auto body =
      R"({"model":"mock-chunks-2/gpt-4o-mini","stream":true,"messages":[{"role":"user","content":"a b c"}]})";
  auto chunks = streamChunks(client().post("/v1/chat/completions", body, openAiAuth()).body);
  ASSERT_EQ(chunks.size(), 4u); // role, 2 content chunks, finish
  EXPECT_STREQ(chunks[0]["model"].GetString(), "gpt-4o-mini");
}

TEST_F(OpenAiChat, UsageScenarioFillsCachedAndReasoningTokens) {
  auto doc =
      parseJson(client()
                    .post("/v1/chat/completions", chatBody(""),
                          {{"Authorization", "Bearer k"}, {"x-mock-scenario", "cached:4,reasoning:10"}})
                    .body);
  EXPECT_EQ(doc["usage"]["prompt_tokens_details"]["cached_tokens"].GetInt(), 4);
  EXPECT_EQ(doc["usage"]["completion_tokens_details"]["reasoning_tokens"].GetInt(), 10);
  EXPECT_EQ(doc["usage"]["completion_tokens"].GetInt(), 15);
}

TEST_F(OpenAiChat, BadRequestsGetOpenAiErrors) {
  struct Case {
    std::string body;
    std::string param;
  };
  for (const auto& c :
       {Case{"{not json", ""}, Case{R"({"messages":[]})", ""}, Case{R"({"model":"m"})", "messages"},
        Case{R"({"model":"m","messages":[]})", "messages"},
        Case{R"({"model":"m","messages":[{"role":"user","content":"x"}],"n":0})", "n"},
        Case{R"({"model":"m","messages":[{"role":"user","content":"x"}],)"
             R"("stream_options":{"include_usage":true}})",
             "stream_options"}}) {
    auto reply = client().post("/v1/chat/completions", c.body, openAiAuth());
    EXPECT_EQ(reply.status, 400) << c.body;
    auto doc = parseJson(reply.body);
    ASSERT_TRUE(doc.HasMember("error")) << reply.body;
    EXPECT_STREQ(doc["error"]["type"].GetString(), "invalid_request_error");
    EXPECT_TRUE(doc["error"]["message"].IsString());
    if (c.param.empty()) {
      EXPECT_TRUE(doc["error"]["param"].IsNull());
    } else {
      EXPECT_EQ(doc["error"]["param"].GetString(), c.param);
    }
    EXPECT_TRUE(doc["error"].HasMember("code"));
  }
}

TEST_F(OpenAiChat, KeepAliveServesManyRequestsOnOneConnection) {
  auto c = client();
  for (int i = 0; i < 5; ++i) {
    auto reply = c.post("/v1/chat/completions", chatBody(i % 2 ? "\"stream\":true" : ""), openAiAuth());
    EXPECT_EQ(reply.status, 200);
  }
  EXPECT_TRUE(c.session().connected());
}

} // namespace
} // namespace gatehouse::mock::test
