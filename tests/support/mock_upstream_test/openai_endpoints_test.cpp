// OpenAI's embeddings, images and models endpoints.
#include <Poco/Base64Decoder.h>

#include <cmath>
#include <cstring>
#include <sstream>

#include "mock_fixture.hpp"

namespace gatehouse::mock::test {
namespace {

using OpenAiEndpoints = MockUpstreamTest;

std::string base64Decode(const std::string& text) {
  std::istringstream in(text);
  Poco::Base64Decoder decoder(in);
  return std::string(std::istreambuf_iterator<char>(decoder), {});
}

TEST_F(OpenAiEndpoints, EmbeddingsAreDeterministicUnitVectors) {
  auto reply = client().post(
      "/v1/embeddings",
      R"({"model":"text-embedding-3-small","input":["hello world","other"],"dimensions":8})", openAiAuth());
  ASSERT_EQ(reply.status, 200) << reply.body;
  auto doc = parseJson(reply.body);
  EXPECT_STREQ(doc["object"].GetString(), "list");
  EXPECT_STREQ(doc["model"].GetString(), "text-embedding-3-small");
  ASSERT_EQ(doc["data"].Size(), 2u);
  const auto& first = doc["data"][0];
  EXPECT_STREQ(first["object"].GetString(), "embedding");
  EXPECT_EQ(first["index"].GetInt(), 0);
  ASSERT_EQ(first["embedding"].Size(), 8u);
  double norm = 0;
  for (const auto& v : first["embedding"].GetArray())
    norm += v.GetDouble() * v.GetDouble();
  EXPECT_NEAR(norm, 1.0, 1e-5);
  EXPECT_NE(first["embedding"][0].GetDouble(), doc["data"][1]["embedding"][0].GetDouble());
  // "hello world" (11 bytes) -> 3 tokens, "other" (5 bytes) -> 2.
  EXPECT_EQ(doc["usage"]["prompt_tokens"].GetInt(), 5);
  EXPECT_EQ(doc["usage"]["total_tokens"].GetInt(), 5);

  auto again = parseJson(
      client()
          .post("/v1/embeddings", R"({"model":"m","input":"hello world","dimensions":8})", openAiAuth())
          .body);
  EXPECT_EQ(again["data"][0]["embedding"][3].GetDouble(), first["embedding"][3].GetDouble());
}

TEST_F(OpenAiEndpoints, EmbeddingsDefaultTo1536Dimensions) {
  auto doc = parseJson(client().post("/v1/embeddings", R"({"model":"m","input":"x"})", openAiAuth()).body);
  EXPECT_EQ(doc["data"][0]["embedding"].Size(), 1536u);
}

TEST_F(OpenAiEndpoints, Base64EmbeddingsAreLittleEndianFloats) {
  auto floats = parseJson(
      client().post("/v1/embeddings", R"({"model":"m","input":"abc","dimensions":4})", openAiAuth()).body);
  auto encoded = parseJson(
      client()
          .post("/v1/embeddings", R"({"model":"m","input":"abc","dimensions":4,"encoding_format":"base64"})",
                openAiAuth())
          .body);
  auto bytes = base64Decode(encoded["data"][0]["embedding"].GetString());
  ASSERT_EQ(bytes.size(), 16u);
  for (int i = 0; i < 4; ++i) {
    float value;
    std::memcpy(&value, bytes.data() + 4 * i, 4);
    EXPECT_NEAR(value, floats["data"][0]["embedding"][i].GetDouble(), 1e-6);
  }
}

TEST_F(OpenAiEndpoints, TokenArrayInputsCountTheirTokens) {
  auto doc = parseJson(
      client()
          .post("/v1/embeddings", R"({"model":"m","input":[[1,2,3],[4]],"dimensions":2})", openAiAuth())
          .body);
  EXPECT_EQ(doc["data"].Size(), 2u);
  EXPECT_EQ(doc["usage"]["prompt_tokens"].GetInt(), 4);
}

TEST_F(OpenAiEndpoints, EmbeddingsWithoutInputAre400) {
  auto reply = client().post("/v1/embeddings", R"({"model":"m"})", openAiAuth());
  EXPECT_EQ(reply.status, 400);
  EXPECT_STREQ(parseJson(reply.body)["error"]["param"].GetString(), "input");
}

TEST_F(OpenAiEndpoints, ImagesAnswerWithUrlsByDefault) {
  auto reply =
      client().post("/v1/images/generations", R"({"model":"dall-e-3","prompt":"a cat","n":2})", openAiAuth());
  ASSERT_EQ(reply.status, 200) << reply.body;
  auto doc = parseJson(reply.body);
  EXPECT_TRUE(doc["created"].IsInt64());
  ASSERT_EQ(doc["data"].Size(), 2u);
  EXPECT_EQ(std::string(doc["data"][0]["url"].GetString()).rfind("https://", 0), 0u);
  EXPECT_STREQ(doc["data"][0]["revised_prompt"].GetString(), "a cat");
  EXPECT_FALSE(doc.HasMember("usage"));
}

TEST_F(OpenAiEndpoints, GptImageAnswersWithAPngAndUsage) {
  auto doc = parseJson(client()
                           .post("/v1/images/generations",
                                 R"({"model":"gpt-image-1","prompt":"a cat on a mat","quality":"low"})",
                                 openAiAuth())
                           .body);
  auto png = base64Decode(doc["data"][0]["b64_json"].GetString());
  EXPECT_EQ(png.substr(0, 8), "\x89PNG\r\n\x1a\n");
  EXPECT_EQ(png.substr(png.size() - 8, 4), "IEND");
  EXPECT_EQ(doc["usage"]["input_tokens"].GetInt(), 4);
  EXPECT_EQ(doc["usage"]["output_tokens"].GetInt(), 272);
  EXPECT_EQ(doc["usage"]["total_tokens"].GetInt(), 276);
}

TEST_F(OpenAiEndpoints, ImagesNeedAPrompt) {
  auto reply = client().post("/v1/images/generations", R"({"model":"dall-e-2"})", openAiAuth());
  EXPECT_EQ(reply.status, 400);
  EXPECT_STREQ(parseJson(reply.body)["error"]["param"].GetString(), "prompt");
}

TEST_F(OpenAiEndpoints, ModelsAreListed) {
  auto reply = client().get("/v1/models", openAiAuth());
  ASSERT_EQ(reply.status, 200);
  auto doc = parseJson(reply.body);
  EXPECT_STREQ(doc["object"].GetString(), "list");
  ASSERT_GT(doc["data"].Size(), 0u);
  EXPECT_STREQ(doc["data"][0]["object"].GetString(), "model");
  EXPECT_TRUE(doc["data"][0]["id"].IsString());
  EXPECT_STREQ(doc["data"][0]["owned_by"].GetString(), "system");

  auto one = parseJson(client().get("/v1/models/ft:gpt-4o:acme", openAiAuth()).body);
  EXPECT_STREQ(one["id"].GetString(), "ft:gpt-4o:acme");
  EXPECT_STREQ(one["object"].GetString(), "model");
}

TEST_F(OpenAiEndpoints, UnknownPathsAnswerInvalidUrl) {
  auto reply = client().post("/v1/nothing", "{}", openAiAuth());
  EXPECT_EQ(reply.status, 404);
  auto doc = parseJson(reply.body);
  EXPECT_STREQ(doc["error"]["message"].GetString(), "Invalid URL (POST /v1/nothing)");
  EXPECT_STREQ(doc["error"]["type"].GetString(), "invalid_request_error");
  auto wrongMethod = client().get("/v1/chat/completions", openAiAuth());
  EXPECT_EQ(wrongMethod.status, 404);
}

} // namespace
} // namespace gatehouse::mock::test
