// Gemini's generateContent, streamGenerateContent (SSE and JSON array) and embeddings.
#include "mock_fixture.hpp"
#include "raw_http.hpp"
#include "sse.hpp"

namespace gatehouse::mock::test {
namespace {

using Gemini = MockUpstreamTest;

const std::string kGenerate = "/v1beta/models/gemini-2.0-flash:generateContent";
const std::string kStream = "/v1beta/models/gemini-2.0-flash:streamGenerateContent?alt=sse";
const std::string kBody = R"({"systemInstruction":{"parts":[{"text":"sys"}]},)"
                          R"("contents":[{"role":"user","parts":[{"text":"hello gemini"}]}]})";
const std::string kTools = R"({"contents":[{"role":"user","parts":[{"text":"call tool"}]}],)"
                           R"("tools":[{"functionDeclarations":[{"name":"find","parameters":)"
                           R"({"type":"OBJECT","properties":{"term":{"type":"STRING"}}}}]}]})";

TEST_F(Gemini, GenerateContentAnswersWithCandidatesAndUsage) {
  auto reply = client().post(kGenerate, kBody, geminiAuth());
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(reply.header("content-type"), "application/json; charset=UTF-8");
  auto doc = parseJson(reply.body);
  const auto& candidate = doc["candidates"][0];
  EXPECT_STREQ(candidate["content"]["role"].GetString(), "model");
  EXPECT_STREQ(candidate["content"]["parts"][0]["text"].GetString(), "Echo: hello gemini");
  EXPECT_STREQ(candidate["finishReason"].GetString(), "STOP");
  EXPECT_EQ(candidate["index"].GetInt(), 0);
  // "sys" + "hello gemini" = 15 bytes -> 4 tokens; the 18-byte reply -> 5.
  const auto& usage = doc["usageMetadata"];
  EXPECT_EQ(usage["promptTokenCount"].GetInt(), 4);
  EXPECT_EQ(usage["candidatesTokenCount"].GetInt(), 5);
  EXPECT_EQ(usage["totalTokenCount"].GetInt(), 9);
  EXPECT_FALSE(usage.HasMember("cachedContentTokenCount"));
  EXPECT_FALSE(usage.HasMember("thoughtsTokenCount"));
  EXPECT_STREQ(doc["modelVersion"].GetString(), "gemini-2.0-flash");
  EXPECT_TRUE(doc["responseId"].IsString());
}

TEST_F(Gemini, ThoughtsAndCacheCounts) {
  auto doc = parseJson(
      client()
          .post(kGenerate, kBody, {{"x-goog-api-key", "k"}, {"x-mock-scenario", "cached:2,reasoning:7"}})
          .body);
  const auto& usage = doc["usageMetadata"];
  EXPECT_EQ(usage["cachedContentTokenCount"].GetInt(), 2);
  EXPECT_EQ(usage["thoughtsTokenCount"].GetInt(), 7);
  EXPECT_EQ(usage["candidatesTokenCount"].GetInt(), 5);
  EXPECT_EQ(usage["totalTokenCount"].GetInt(), 16); // thoughts count in the total only
}

TEST_F(Gemini, StreamFramesEndWithCrlfCrlf) {
  auto reply = rawExchange(mock().port(), rawRequest("POST", kStream, kBody, {{"x-goog-api-key", "k"}}));
  ASSERT_TRUE(reply.complete);
  EXPECT_EQ(reply.header("content-type"), "text/event-stream");
  for (const auto& chunk : reply.chunks)
    EXPECT_EQ(chunk.data.substr(chunk.data.size() - 4), "\r\n\r\n");
  auto events = parseSse(reply.body, "\r\n\r\n");
  ASSERT_TRUE(events) << reply.body;
  ASSERT_EQ(events->size(), 3u); // "Echo: ", "hello ", "gemini"
  std::string text;
  for (std::size_t i = 0; i < events->size(); ++i) {
    auto doc = parseJson((*events)[i].data);
    text += doc["candidates"][0]["content"]["parts"][0]["text"].GetString();
    bool last = i + 1 == events->size();
    EXPECT_EQ(doc["candidates"][0].HasMember("finishReason"), last);
    EXPECT_EQ(doc["usageMetadata"]["promptTokenCount"].GetInt(), 4);
    if (last) {
      EXPECT_EQ(doc["usageMetadata"]["candidatesTokenCount"].GetInt(), 5);
    }
  }
  EXPECT_EQ(text, "Echo: hello gemini");
  EXPECT_EQ(reply.body.find("[DONE]"), std::string::npos); // Gemini has no end marker
}

TEST_F(Gemini, StreamWithoutAltSseIsOneJsonArray) {
  auto reply = client().post("/v1beta/models/gemini-2.0-flash:streamGenerateContent", kBody, geminiAuth());
  auto doc = parseJson(reply.body);
  ASSERT_TRUE(doc.IsArray());
  EXPECT_EQ(doc.Size(), 3u);
  EXPECT_STREQ(doc[2]["candidates"][0]["finishReason"].GetString(), "STOP");
}

TEST_F(Gemini, FunctionCallParts) {
  auto doc = parseJson(client().post(kGenerate, kTools, geminiAuth()).body);
  const auto& part = doc["candidates"][0]["content"]["parts"][0];
  EXPECT_STREQ(part["functionCall"]["name"].GetString(), "find");
  EXPECT_STREQ(part["functionCall"]["args"]["term"].GetString(), "call tool");
  EXPECT_STREQ(doc["candidates"][0]["finishReason"].GetString(), "STOP");
}

TEST_F(Gemini, StreamedFunctionCallsOnePerResponse) {
  auto reply = client().post(kStream, kTools, {{"x-goog-api-key", "k"}, {"x-mock-scenario", "tool-call:2"}});
  auto events = parseSse(reply.body, "\r\n\r\n");
  ASSERT_TRUE(events);
  ASSERT_EQ(events->size(), 2u);
  for (const auto& e : *events)
    EXPECT_STREQ(
        parseJson(e.data)["candidates"][0]["content"]["parts"][0]["functionCall"]["name"].GetString(),
        "find");
}

TEST_F(Gemini, StableV1PathServesToo) {
  auto reply = client().post("/v1/models/gemini-2.0-flash:generateContent", kBody, geminiAuth());
  ASSERT_EQ(reply.status, 200);
  EXPECT_TRUE(parseJson(reply.body).HasMember("candidates"));
}

TEST_F(Gemini, KeyMayComeInTheQuery) {
  EXPECT_EQ(client().post(kGenerate + "?key=abc", kBody).status, 200);
}

TEST_F(Gemini, MissingKeyIsPermissionDenied) {
  auto reply = client().post(kGenerate, kBody);
  EXPECT_EQ(reply.status, 403);
  auto doc = parseJson(reply.body);
  EXPECT_EQ(doc["error"]["code"].GetInt(), 403);
  EXPECT_STREQ(doc["error"]["status"].GetString(), "PERMISSION_DENIED");
}

TEST_F(Gemini, FailuresUseGooglesErrorShape) {
  auto reply = client().post(kGenerate, kBody, {{"x-goog-api-key", "k"}, {"x-mock-scenario", "fail:429"}});
  EXPECT_EQ(reply.status, 429);
  auto doc = parseJson(reply.body);
  EXPECT_EQ(doc["error"]["code"].GetInt(), 429);
  EXPECT_STREQ(doc["error"]["status"].GetString(), "RESOURCE_EXHAUSTED");
  EXPECT_TRUE(doc["error"]["message"].IsString());
}

TEST_F(Gemini, ScenarioPrefixInThePathModel) {
  auto reply =
      client().post("/v1beta/models/mock-fail-503/gemini-2.0-flash:generateContent", kBody, geminiAuth());
  EXPECT_EQ(reply.status, 503);
  EXPECT_STREQ(parseJson(reply.body)["error"]["status"].GetString(), "UNAVAILABLE");
}

TEST_F(Gemini, MidstreamErrorIsAnErrorObjectInTheStream) {
  auto reply =
      client().post(kStream, kBody, {{"x-goog-api-key", "k"}, {"x-mock-scenario", "midstream-error"}});
  auto events = parseSse(reply.body, "\r\n\r\n");
  ASSERT_TRUE(events);
  auto last = parseJson(events->back().data);
  EXPECT_EQ(last["error"]["code"].GetInt(), 500);
  EXPECT_STREQ(last["error"]["status"].GetString(), "INTERNAL");
}

TEST_F(Gemini, ContentsAreRequired) {
  auto reply = client().post(kGenerate, R"({"contents":[]})", geminiAuth());
  EXPECT_EQ(reply.status, 400);
  EXPECT_STREQ(parseJson(reply.body)["error"]["status"].GetString(), "INVALID_ARGUMENT");
}

TEST_F(Gemini, BatchEmbedContents) {
  auto reply = client().post(
      "/v1beta/models/text-embedding-004:batchEmbedContents",
      R"({"requests":[{"model":"models/text-embedding-004","content":{"parts":[{"text":"a"}]}},)"
      R"({"model":"models/text-embedding-004","content":{"parts":[{"text":"b"}]},)"
      R"("outputDimensionality":16}]})",
      geminiAuth());
  ASSERT_EQ(reply.status, 200) << reply.body;
  auto doc = parseJson(reply.body);
  ASSERT_EQ(doc["embeddings"].Size(), 2u);
  EXPECT_EQ(doc["embeddings"][0]["values"].Size(), 768u);
  EXPECT_EQ(doc["embeddings"][1]["values"].Size(), 16u);
}

TEST_F(Gemini, SingleEmbedContent) {
  auto doc =
      parseJson(client()
                    .post("/v1beta/models/text-embedding-004:embedContent",
                          R"({"content":{"parts":[{"text":"a"}]},"output_dimensionality":4})", geminiAuth())
                    .body);
  EXPECT_EQ(doc["embedding"]["values"].Size(), 4u);
}

TEST_F(Gemini, ModelsAndCountTokens) {
  auto list = parseJson(client().get("/v1beta/models", geminiAuth()).body);
  EXPECT_EQ(std::string(list["models"][0]["name"].GetString()).rfind("models/", 0), 0u);
  auto count =
      parseJson(client().post("/v1beta/models/gemini-2.0-flash:countTokens", kBody, geminiAuth()).body);
  EXPECT_EQ(count["totalTokens"].GetInt(), 4);
}

} // namespace
} // namespace gatehouse::mock::test
