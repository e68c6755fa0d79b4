#include <gtest/gtest.h>

#include "client_error.hpp"
#include "gemini_test_support.hpp"
#include "model_list.hpp"

namespace gatehouse::plugins::gemini {
namespace {

using testing::sameJson;

const ErrorContext kContext{"google", ""};

TEST(ModelListTest, ReadsIdsWithoutTheModelsPrefix) {
  const ModelPage page = readModelPage(R"({"models":[
      {"name":"models/gemini-2.0-flash","version":"001","displayName":"Gemini 2.0 Flash",
       "supportedGenerationMethods":["generateContent","countTokens"]},
      {"name":"models/text-embedding-004","supportedGenerationMethods":["embedContent"]}],
      "nextPageToken":"Ch5tb2RlbHMv"})",
                                       kContext);
  EXPECT_EQ(page.ids, (std::vector<std::string>{"gemini-2.0-flash", "text-embedding-004"}));
  EXPECT_EQ(page.nextPageToken, "Ch5tb2RlbHMv");
}

TEST(ModelListTest, ReadsAnEmptyPage) {
  const ModelPage page = readModelPage("{}", kContext);
  EXPECT_TRUE(page.ids.empty());
  EXPECT_EQ(page.nextPageToken, "");
}

TEST(ModelListTest, RefusesSomethingElse) {
  EXPECT_THROW(readModelPage("[]", kContext), ClientError);
  EXPECT_THROW(readModelPage(R"({"models":{}})", kContext), ClientError);
}

} // namespace
} // namespace gatehouse::plugins::gemini
