#include <gtest/gtest.h>

#include "json_util.hpp"

namespace gatehouse::providers {
namespace {

TEST(JsonUtilTest, FindSetTreatsNullAsAbsent) {
  rapidjson::Document document;
  ASSERT_TRUE(parseJson(R"({"stop":null,"n":2})", document));
  EXPECT_NE(findMember(document, "stop"), nullptr);
  EXPECT_EQ(findSet(document, "stop"), nullptr);
  ASSERT_NE(findSet(document, "n"), nullptr);
  EXPECT_EQ(findSet(document, "n")->GetInt(), 2);
  EXPECT_EQ(findMember(document, "missing"), nullptr);
  EXPECT_EQ(findSet(document, "missing"), nullptr);
}

TEST(JsonUtilTest, MutableLookupReachesTheMember) {
  rapidjson::Document document;
  ASSERT_TRUE(parseJson(R"({"n":2})", document));
  rapidjson::Value* n = findMember(static_cast<rapidjson::Value&>(document), "n");
  ASSERT_NE(n, nullptr);
  n->SetInt(3);
  EXPECT_EQ(toJson(document), R"({"n":3})");
}

TEST(JsonUtilTest, LookupsOnNonObjectsFindNothing) {
  rapidjson::Document document;
  ASSERT_TRUE(parseJson("[1,2]", document));
  EXPECT_EQ(findMember(document, "a"), nullptr);
  EXPECT_EQ(findSet(document, "a"), nullptr);
  EXPECT_EQ(stringMember(document, "a"), "");
}

TEST(JsonUtilTest, StringMemberReadsOnlyStrings) {
  rapidjson::Document document;
  ASSERT_TRUE(parseJson(R"({"a":"x\u0000y","b":1,"c":null})", document));
  EXPECT_EQ(stringMember(document, "a"), std::string_view("x\0y", 3));
  EXPECT_EQ(stringMember(document, "b"), "");
  EXPECT_EQ(stringMember(document, "c"), "");
  EXPECT_EQ(stringView(document["b"]), "");
}

TEST(JsonUtilTest, ParseRefusesTrailingText) {
  rapidjson::Document document;
  EXPECT_FALSE(parseJson(R"({"a":1} {"b":2})", document));
  EXPECT_FALSE(parseJson("", document));
  EXPECT_TRUE(parseJson(" {\"a\":1} \n", document));
}

TEST(JsonUtilTest, ParsesDeepNestingWithoutRecursion) {
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  rapidjson::Document document;
  EXPECT_TRUE(parseJson(deep, document));
}

TEST(JsonUtilTest, SerialisesCompactly) {
  rapidjson::Document document;
  ASSERT_TRUE(parseJson(R"({ "a" : [1, "b"] })", document));
  EXPECT_EQ(toJson(document), R"({"a":[1,"b"]})");
}

TEST(JsonUtilTest, WritesStringsWithEmbeddedNuls) {
  rapidjson::Document document;
  document.SetObject();
  document.AddMember("k", stringValue(std::string_view("a\0b", 3), document.GetAllocator()),
                     document.GetAllocator());
  EXPECT_EQ(toJson(document), R"({"k":"a\u0000b"})");

  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writeString(writer, std::string_view("q\"\0", 3));
  EXPECT_EQ(bufferText(buffer), R"("q\"\u0000")");
}

} // namespace
} // namespace gatehouse::providers
