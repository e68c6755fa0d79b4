// POST /v1/messages in Anthropic's wire format, plain and streamed.
#include <map>

#include "mock_fixture.hpp"
#include "raw_http.hpp"
#include "sse.hpp"

namespace gatehouse::mock::test {
namespace {

using AnthropicMessages = MockUpstreamTest;

const std::string kTools =
    R"("tools":[{"name":"lookup","description":"d","input_schema":)"
    R"({"type":"object","properties":{"q":{"type":"string"},"n":{"type":"integer"}}}}])";

std::string messagesBody(const std::string& extra, const std::string& text = "hi claude") {
  return R"({"model":"claude-sonnet-4-20250514","max_tokens":256,"system":[{"type":"text","text":"sys"}],)"
         R"("messages":[{"role":"user","content":")" +
         text + "\"}]" + (extra.empty() ? "" : "," + extra) + "}";
}

TEST_F(AnthropicMessages, AnswersWithAMessageObject) {
  auto reply = client().post("/v1/messages", messagesBody(""), anthropicAuth());
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(reply.header("request-id").rfind("req_", 0), 0u);
  auto doc = parseJson(reply.body);
  EXPECT_EQ(std::string(doc["id"].GetString()).rfind("msg_", 0), 0u);
  EXPECT_STREQ(doc["type"].GetString(), "message");
  EXPECT_STREQ(doc["role"].GetString(), "assistant");
  EXPECT_STREQ(doc["model"].GetString(), "claude-sonnet-4-20250514");
  ASSERT_EQ(doc["content"].Size(), 1u);
  EXPECT_STREQ(doc["content"][0]["type"].GetString(), "text");
  EXPECT_STREQ(doc["content"][0]["text"].GetString(), "Echo: hi claude");
  EXPECT_STREQ(doc["stop_reason"].GetString(), "end_turn");
  EXPECT_TRUE(doc["stop_sequence"].IsNull());
  // "sys" + "hi claude" = 12 bytes -> 3 tokens; "Echo: hi claude" = 15 bytes -> 4 tokens.
  EXPECT_EQ(doc["usage"]["input_tokens"].GetInt(), 3);
  EXPECT_EQ(doc["usage"]["output_tokens"].GetInt(), 4);
  EXPECT_EQ(doc["usage"]["cache_read_input_tokens"].GetInt(), 0);
  EXPECT_EQ(doc["usage"]["cache_creation_input_tokens"].GetInt(), 0);
}

TEST_F(AnthropicMessages, CacheTokensAreOutsideInputTokens) {
  auto reply = client().post("/v1/messages", messagesBody("", std::string(60, 'x')),
                             {{"x-api-key", "k"},
                              {"anthropic-version", "2023-06-01"},
                              {"x-mock-scenario", "cached:10,cache-write:3"}});
  auto usage = parseJson(reply.body)["usage"].GetObject();
  EXPECT_EQ(usage["cache_read_input_tokens"].GetInt(), 10);
  EXPECT_EQ(usage["cache_creation_input_tokens"].GetInt(), 3);
  EXPECT_EQ(usage["input_tokens"].GetInt(), 3); // 63 bytes -> 16 tokens, minus 13 from the cache
}

TEST_F(AnthropicMessages, ToolUseBlocks) {
  auto doc = parseJson(
      client().post("/v1/messages", messagesBody(kTools, "call tool please"), anthropicAuth()).body);
  ASSERT_EQ(doc["content"].Size(), 1u);
  const auto& block = doc["content"][0];
  EXPECT_STREQ(block["type"].GetString(), "tool_use");
  EXPECT_EQ(std::string(block["id"].GetString()).rfind("toolu_", 0), 0u);
  EXPECT_STREQ(block["name"].GetString(), "lookup");
  EXPECT_STREQ(block["input"]["q"].GetString(), "call tool please");
  EXPECT_EQ(block["input"]["n"].GetInt(), 1);
  EXPECT_STREQ(doc["stop_reason"].GetString(), "tool_use");
}

TEST_F(AnthropicMessages, StreamEventsInOrderWithNamedFrames) {
  auto reply =
      rawExchange(mock().port(), rawRequest("POST", "/v1/messages", messagesBody("\"stream\":true"),
                                            {{"x-api-key", "k"}, {"anthropic-version", "2023-06-01"}}));
  ASSERT_TRUE(reply.complete);
  EXPECT_EQ(reply.header("content-type"), "text/event-stream; charset=utf-8");
  auto events = parseSse(reply.body, "\n\n");
  ASSERT_TRUE(events) << reply.body;
  std::vector<std::string> types;
  std::string text;
  for (const auto& e : *events) {
    auto data = parseJson(e.data);
    EXPECT_EQ(e.event, data["type"].GetString()); // "event:" always names the data's type
    types.push_back(e.event);
    if (e.event == "content_block_delta") {
      EXPECT_STREQ(data["delta"]["type"].GetString(), "text_delta");
      text += data["delta"]["text"].GetString();
    }
    if (e.event == "message_start") {
      EXPECT_EQ(data["message"]["content"].Size(), 0u);
      EXPECT_TRUE(data["message"]["stop_reason"].IsNull());
      EXPECT_EQ(data["message"]["usage"]["input_tokens"].GetInt(), 3);
    }
    if (e.event == "message_delta") {
      EXPECT_STREQ(data["delta"]["stop_reason"].GetString(), "end_turn");
      EXPECT_EQ(data["usage"]["output_tokens"].GetInt(), 4);
    }
  }
  EXPECT_EQ(types,
            (std::vector<std::string>{"message_start", "content_block_start", "ping", "content_block_delta",
                                      "content_block_delta", "content_block_delta", "content_block_stop",
                                      "message_delta", "message_stop"}));
  EXPECT_EQ(text, "Echo: hi claude");
}

TEST_F(AnthropicMessages, StreamedToolUseUsesInputJsonDeltas) {
  auto reply = client().post(
      "/v1/messages", messagesBody("\"stream\":true," + kTools, "x"),
      {{"x-api-key", "k"}, {"anthropic-version", "2023-06-01"}, {"x-mock-scenario", "tool-call:2"}});
  auto events = parseSse(reply.body, "\n\n");
  ASSERT_TRUE(events);
  std::map<int, std::string> partialJson;
  std::map<int, int> deltas;
  std::vector<int> started;
  for (const auto& e : *events) {
    auto data = parseJson(e.data);
    if (e.event == "content_block_start") {
      EXPECT_STREQ(data["content_block"]["type"].GetString(), "tool_use");
      EXPECT_TRUE(data["content_block"]["input"].ObjectEmpty());
      started.push_back(data["index"].GetInt());
    } else if (e.event == "content_block_delta") {
      EXPECT_STREQ(data["delta"]["type"].GetString(), "input_json_delta");
      partialJson[data["index"].GetInt()] += data["delta"]["partial_json"].GetString();
      ++deltas[data["index"].GetInt()];
    } else if (e.event == "message_delta") {
      EXPECT_STREQ(data["delta"]["stop_reason"].GetString(), "tool_use");
    }
  }
  EXPECT_EQ(started, (std::vector<int>{0, 1}));
  for (int i : {0, 1}) {
    EXPECT_GE(deltas[i], 2);
    EXPECT_TRUE(parseJson(partialJson[i]).IsObject()) << partialJson[i];
  }
}

TEST_F(AnthropicMessages, MidstreamErrorEvent) {
  auto reply = client().post(
      "/v1/messages", messagesBody("\"stream\":true"),
      {{"x-api-key", "k"}, {"anthropic-version", "2023-06-01"}, {"x-mock-scenario", "midstream-error"}});
  EXPECT_EQ(reply.status, 200);
  auto events = parseSse(reply.body, "\n\n");
  ASSERT_TRUE(events);
  EXPECT_EQ(events->back().event, "error");
  auto error = parseJson(events->back().data);
  EXPECT_STREQ(error["type"].GetString(), "error");
  EXPECT_STREQ(error["error"]["type"].GetString(), "overloaded_error");
  EXPECT_STREQ(error["error"]["message"].GetString(), "Overloaded");
  for (const auto& e : *events)
    EXPECT_NE(e.event, "message_stop");
}

TEST_F(AnthropicMessages, OverloadedIs529WithAnthropicsErrorBody) {
  auto reply = client().post(
      "/v1/messages", messagesBody(""),
      {{"x-api-key", "k"}, {"anthropic-version", "2023-06-01"}, {"x-mock-scenario", "fail:529"}});
  EXPECT_EQ(reply.status, 529);
  auto doc = parseJson(reply.body);
  EXPECT_STREQ(doc["type"].GetString(), "error");
  EXPECT_STREQ(doc["error"]["type"].GetString(), "overloaded_error");
  EXPECT_STREQ(doc["error"]["message"].GetString(), "Overloaded");
  EXPECT_EQ(std::string(doc["request_id"].GetString()).rfind("req_", 0), 0u);
}

TEST_F(AnthropicMessages, HeadersAreRequired) {
  auto noKey = client().post("/v1/messages", messagesBody(""), {{"anthropic-version", "2023-06-01"}});
  EXPECT_EQ(noKey.status, 401);
  auto noKeyDoc = parseJson(noKey.body);
  EXPECT_STREQ(noKeyDoc["error"]["type"].GetString(), "authentication_error");
  EXPECT_STREQ(noKeyDoc["error"]["message"].GetString(), "x-api-key header is required");
  auto noVersion = client().post("/v1/messages", messagesBody(""), {{"x-api-key", "k"}});
  EXPECT_EQ(noVersion.status, 400);
  EXPECT_STREQ(parseJson(noVersion.body)["error"]["message"].GetString(),
               "anthropic-version: header is required");
}

TEST_F(AnthropicMessages, MaxTokensIsRequiredAndHonoured) {
  auto missing = client().post("/v1/messages", R"({"model":"c","messages":[{"role":"user","content":"x"}]})",
                               anthropicAuth());
  EXPECT_EQ(missing.status, 400);
  EXPECT_STREQ(parseJson(missing.body)["error"]["message"].GetString(), "max_tokens: Field required");
  auto limited = parseJson(
      client()
          .post("/v1/messages",
                R"({"model":"c","max_tokens":1,"messages":[{"role":"user","content":"long text"}]})",
                anthropicAuth())
          .body);
  EXPECT_STREQ(limited["stop_reason"].GetString(), "max_tokens");
  EXPECT_STREQ(limited["content"][0]["text"].GetString(), "Echo");
}

TEST_F(AnthropicMessages, ToolResultsCountAsPromptText) {
  auto body =
      R"({"model":"c","max_tokens":50,"messages":[{"role":"user","content":"q"},)"
      R"({"role":"assistant","content":[{"type":"tool_use","id":"t","name":"lookup","input":{}}]},)"
      R"({"role":"user","content":[{"type":"tool_result","tool_use_id":"t","content":"sunny and warm"}]}]})";
  auto doc = parseJson(client().post("/v1/messages", body, anthropicAuth()).body);
  EXPECT_STREQ(doc["content"][0]["text"].GetString(), "Echo: sunny and warm");
  EXPECT_EQ(doc["usage"]["input_tokens"].GetInt(), 4); // "q" + 14 bytes
}

TEST_F(AnthropicMessages, CountTokens) {
  auto doc = parseJson(client()
                           .post("/v1/messages/count_tokens",
                                 R"({"model":"c","messages":[{"role":"user","content":"12345678"}]})",
                                 anthropicAuth())
                           .body);
  EXPECT_EQ(doc["input_tokens"].GetInt(), 2);
}

TEST_F(AnthropicMessages, ModelListInAnthropicsShape) {
  auto doc = parseJson(client().get("/v1/models", anthropicAuth()).body);
  ASSERT_TRUE(doc["data"].IsArray());
  EXPECT_STREQ(doc["data"][0]["type"].GetString(), "model");
  EXPECT_TRUE(doc["data"][0]["display_name"].IsString());
  EXPECT_FALSE(doc["has_more"].GetBool());
  EXPECT_FALSE(doc.HasMember("object"));
}

} // namespace
} // namespace gatehouse::mock::test
