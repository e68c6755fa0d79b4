#include <gtest/gtest.h>

#include "client_error.hpp"
#include "embeddings_request.hpp"
#include "gemini_test_support.hpp"

namespace gatehouse::plugins::gemini {
namespace {

using testing::parsed;
using testing::readFixture;
using testing::sameJson;

std::string refusedParam(std::string_view body) {
  try {
    parseEmbeddingsRequest(body);
  } catch (const ClientError& error) {
    EXPECT_EQ(error.error().status, 400);
    return error.error().param;
  }
  ADD_FAILURE() << "accepted: " << body;
  return {};
}

TEST(EmbeddingsRequestTest, BatchesEveryInputInOrder) {
  const rapidjson::Document fixture = parsed(readFixture("embeddings/batch.json"));
  const EmbeddingsRequest request = parseEmbeddingsRequest(providers::toJson(fixture["openai_request"]));
  ASSERT_EQ(request.inputs.size(), 2u);
  EXPECT_FALSE(request.base64);
  EXPECT_TRUE(
      sameJson(batchEmbedBody(request, 0, 2, "models/text-embedding-004"), fixture["gemini_request"]));
}

TEST(EmbeddingsRequestTest, ASingleStringIsOneInputWithoutDimensions) {
  const EmbeddingsRequest request = parseEmbeddingsRequest(R"({"input":"hello","encoding_format":"base64"})");
  EXPECT_TRUE(request.base64);
  EXPECT_FALSE(request.dimensions);
  EXPECT_TRUE(sameJson(batchEmbedBody(request, 0, 1, "models/e"),
                       R"({"requests":[{"model":"models/e","content":{"parts":[{"text":"hello"}]}}]})"));
}

TEST(EmbeddingsRequestTest, WritesOneSliceOfTheInputs) {
  EmbeddingsRequest request;
  for (int i = 0; i < 5; ++i) {
    request.inputs.push_back("text " + std::to_string(i));
  }
  const rapidjson::Document body = parsed(batchEmbedBody(request, 2, 4, "models/e"));
  ASSERT_EQ(body["requests"].Size(), 2u);
  EXPECT_STREQ(body["requests"][0]["content"]["parts"][0]["text"].GetString(), "text 2");
  EXPECT_STREQ(body["requests"][1]["content"]["parts"][0]["text"].GetString(), "text 3");
}

TEST(EmbeddingsRequestTest, RefusesTokenArraysAndMalformedFields) {
  EXPECT_EQ(refusedParam(R"({"input":[1,2,3]})"), "input");
  EXPECT_EQ(refusedParam(R"({"input":[[1,2],[3]]})"), "input");
  EXPECT_EQ(refusedParam(R"({"input":[]})"), "input");
  EXPECT_EQ(refusedParam(R"({"input":["a",{"text":"b"}]})"), "input");
  EXPECT_EQ(refusedParam(R"({"model":"m"})"), "input");
  EXPECT_EQ(refusedParam(R"({"input":"a","dimensions":0})"), "dimensions");
  EXPECT_EQ(refusedParam(R"({"input":"a","encoding_format":"int8"})"), "encoding_format");
  EXPECT_EQ(refusedParam("[]"), "");
}

} // namespace
} // namespace gatehouse::plugins::gemini
