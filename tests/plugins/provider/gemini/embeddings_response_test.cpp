#include <gtest/gtest.h>

#include <cstring>

#include "client_error.hpp"
#include "embeddings_response.hpp"
#include "gemini_test_support.hpp"

namespace gatehouse::plugins::gemini {
namespace {

using testing::parsed;
using testing::readFixture;
using testing::sameJson;

const ErrorContext kContext{"google", ""};

TEST(EmbeddingsResponseTest, AnswersTheOpenAiEmbeddingList) {
  const rapidjson::Document fixture = parsed(readFixture("embeddings/batch.json"));
  std::vector<Embedding> embeddings;
  readBatchEmbeddings(providers::toJson(fixture["gemini_response"]), 2, embeddings, kContext);
  const std::vector<std::string> inputs = {"The quick brown fox", "jumps über den Hund"};
  EXPECT_TRUE(sameJson(openAiEmbeddings(embeddings, false, "embedder", estimateEmbeddingTokens(inputs)),
                       fixture["openai_response"]));
}

TEST(EmbeddingsResponseTest, AppendsBatchesInOrder) {
  std::vector<Embedding> embeddings;
  readBatchEmbeddings(R"({"embeddings":[{"values":[1]}]})", 1, embeddings, kContext);
  readBatchEmbeddings(R"({"embeddings":[{"values":[2]},{"values":[3]}]})", 2, embeddings, kContext);
  ASSERT_EQ(embeddings.size(), 3u);
  EXPECT_EQ(embeddings[2], Embedding{3});
}

TEST(EmbeddingsResponseTest, EncodesLittleEndianFloat32AsBase64) {
  const std::string body = openAiEmbeddings({{1.0, -2.5}}, true, "m", 1);
  const rapidjson::Document document = parsed(body);
  // 1.0f = 00 00 80 3f, -2.5f = 00 00 20 c0
  EXPECT_STREQ(document["data"][0]["embedding"].GetString(), "AACAPwAAIMA=");
}

TEST(EmbeddingsResponseTest, RefusesAnswersThatDoNotMatchTheRequest) {
  std::vector<Embedding> embeddings;
  EXPECT_THROW(readBatchEmbeddings(R"({"embeddings":[{"values":[1]}]})", 2, embeddings, kContext),
               ClientError);
  EXPECT_THROW(readBatchEmbeddings(R"({"embedding":{"values":[1]}})", 1, embeddings, kContext), ClientError);
  EXPECT_THROW(readBatchEmbeddings(R"({"embeddings":[{"values":["x"]}]})", 1, embeddings, kContext),
               ClientError);
  try {
    readBatchEmbeddings("not json", 1, embeddings, kContext);
  } catch (const ClientError& error) {
    EXPECT_EQ(error.error().status, 502);
  }
}

TEST(EmbeddingsResponseTest, EstimatesAQuarterTokenPerCodePointRoundedUpPerInput) {
  EXPECT_EQ(estimateEmbeddingTokens({"abcd"}), 1);
  EXPECT_EQ(estimateEmbeddingTokens({"abcde"}), 2);
  EXPECT_EQ(estimateEmbeddingTokens({"über", "日本語"}), 2); // 4 and 3 code points, not bytes
  EXPECT_EQ(estimateEmbeddingTokens({""}), 0);
}

} // namespace
} // namespace gatehouse::plugins::gemini
