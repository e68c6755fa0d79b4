#include <gtest/gtest.h>

#include "json_access.hpp"

namespace gatehouse::plugins::gemini {
namespace {

TEST(JsonAccessTest, FindSetTreatsNullAsAbsent) {
  rapidjson::Document document;
  ASSERT_TRUE(parseJson(R"({"stop":null,"n":2})", document));
  EXPECT_NE(findMember(document, "stop"), nullptr);
  EXPECT_EQ(findSet(document, "stop"), nullptr);
  ASSERT_NE(findSet(document, "n"), nullptr);
  EXPECT_EQ(findSet(document, "n")->GetInt(), 2);
  EXPECT_EQ(findMember(document, "missing"), nullptr);
}

TEST(JsonAccessTest, LookupsOnNonObjectsFindNothing) {
  rapidjson::Document document;
  ASSERT_TRUE(parseJson("[1,2]", document));
  EXPECT_EQ(findMember(document, "a"), nullptr);
  EXPECT_EQ(stringMember(document, "a"), "");
}

TEST(JsonAccessTest, StringMemberReadsOnlyStrings) {
  rapidjson::Document document;
  ASSERT_TRUE(parseJson(R"({"a":"x\u0000y","b":1})", document));
  EXPECT_EQ(stringMember(document, "a"), std::string_view("x\0y", 3));
  EXPECT_EQ(stringMember(document, "b"), "");
}

TEST(JsonAccessTest, ParseRefusesTrailingText) {
  rapidjson::Document document;
  EXPECT_FALSE(parseJson(R"({"a":1} {"b":2})", document));
  EXPECT_FALSE(parseJson("", document));
  EXPECT_TRUE(parseJson(" {\"a\":1} \n", document));
}

TEST(JsonAccessTest, SerialisesCompactly) {
  rapidjson::Document document;
  ASSERT_TRUE(parseJson(R"({ "a" : [1, "b"] })", document));
  EXPECT_EQ(toJson(document), R"({"a":[1,"b"]})");
}

} // namespace
} // namespace gatehouse::plugins::gemini
