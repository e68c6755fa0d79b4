#include <gatehouse/gateway/model_list_json.hpp>

#include <gtest/gtest.h>

namespace gatehouse::gateway {
namespace {

TEST(ModelListJson, RendersOpenAisListFormat) {
  EXPECT_EQ(renderModelList({{"a", "p", 1}, {"b\"c", "q", 2}}),
            R"({"object":"list","data":[{"id":"a","object":"model","created":1,"owned_by":"p"},)"
            R"({"id":"b\"c","object":"model","created":2,"owned_by":"q"}]})");
  EXPECT_EQ(renderModelList({}), R"({"object":"list","data":[]})");
}

TEST(ModelListJson, ReadsIdsAndCreatedFromAList) {
  const auto parsed = parseModelList(
      R"({"object":"list","data":[{"id":"gpt-4o","object":"model","created":1715367049,"owned_by":"system"},)"
      R"({"id":"whisper-1"},{"id":"x","created":"yesterday"}]})",
      42);
  ASSERT_TRUE(std::holds_alternative<std::vector<ListedModel>>(parsed));
  const auto& models = std::get<std::vector<ListedModel>>(parsed);
  ASSERT_EQ(models.size(), 3u);
  EXPECT_EQ(models[0].id, "gpt-4o");
  EXPECT_EQ(models[0].created, 1715367049);
  EXPECT_EQ(models[0].ownedBy, "");
  EXPECT_EQ(models[1].id, "whisper-1");
  EXPECT_EQ(models[1].created, 42);
  EXPECT_EQ(models[2].created, 42);
}

TEST(ModelListJson, SkipsEntriesWithoutAUsableId) {
  const auto parsed =
      parseModelList(R"({"data":[{"id":""},{"id":7},{"name":"n"},"str",null,{"id":"ok"}]})", 0);
  ASSERT_TRUE(std::holds_alternative<std::vector<ListedModel>>(parsed));
  const auto& models = std::get<std::vector<ListedModel>>(parsed);
  ASSERT_EQ(models.size(), 1u);
  EXPECT_EQ(models[0].id, "ok");
}

TEST(ModelListJson, ExplainsWhatIsNotAList) {
  for (const std::string_view text :
       {"", "<html>", "[]", R"({"data":{}})", R"({"object":"list"})", "{\"data\":[{\"id\":\"\xff\"}]}"}) {
    const auto parsed = parseModelList(text, 0);
    ASSERT_TRUE(std::holds_alternative<std::string>(parsed)) << text;
    EXPECT_FALSE(std::get<std::string>(parsed).empty());
  }
}

TEST(ModelListJson, DeepNestingIsHandledWithoutRecursion) {
  const std::string deep =
      R"({"data":[{"id":"a","x":)" + std::string(100000, '[') + std::string(100000, ']') + "}]}";
  const auto parsed = parseModelList(deep, 0);
  ASSERT_TRUE(std::holds_alternative<std::vector<ListedModel>>(parsed));
  EXPECT_EQ(std::get<std::vector<ListedModel>>(parsed).size(), 1u);
}

} // namespace
} // namespace gatehouse::gateway
