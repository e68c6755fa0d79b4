#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "json_reader.hpp"

namespace {

using hello::JsonError;
using hello::JsonReader;

std::string readOnlyString(const std::string& json) {
  JsonReader reader(json);
  std::string value = reader.readString();
  reader.expectEnd();
  return value;
}

bool isValid(const std::string& json) {
  try {
    JsonReader reader(json);
    reader.skipValue();
    reader.expectEnd();
    return true;
  } catch (const JsonError&) {
    return false;
  }
}

TEST(JsonReader, DecodesEveryEscape) {
  EXPECT_EQ(readOnlyString(R"("a\"b\\c\/d\be\ff\ng\rh\ti")"), "a\"b\\c/d\be\ff\ng\rh\ti");
}

TEST(JsonReader, DecodesUnicodeEscapesToUtf8) {
  EXPECT_EQ(readOnlyString(R"("\u0041\u00e9\u20ac")"), "A\xC3\xA9\xE2\x82\xAC");
  // U+1F600 arrives as a surrogate pair.
  EXPECT_EQ(readOnlyString(R"("\ud83d\ude00")"), "\xF0\x9F\x98\x80");
  // Raw UTF-8 passes through untouched.
  EXPECT_EQ(readOnlyString("\"caf\xC3\xA9\""), "caf\xC3\xA9");
}

TEST(JsonReader, RefusesBrokenStrings) {
  EXPECT_THROW(readOnlyString(R"("\ud83d")"), JsonError);       // lone high surrogate
  EXPECT_THROW(readOnlyString(R"("\ude00")"), JsonError);       // lone low surrogate
  EXPECT_THROW(readOnlyString(R"("\ud83d\u0041")"), JsonError); // high surrogate + non-surrogate
  EXPECT_THROW(readOnlyString(R"("\x")"), JsonError);
  EXPECT_THROW(readOnlyString(R"("\u12G4")"), JsonError);
  EXPECT_THROW(readOnlyString("\"tab\there\""), JsonError); // raw control character
  EXPECT_THROW(readOnlyString(R"("unterminated)"), JsonError);
}

TEST(JsonReader, WalksObjectsAndArrays) {
  JsonReader reader(R"( { "a" : [1, "x", true] , "b" : { } , "c": [] } )");
  std::vector<std::string> seen;
  reader.readObject([&](const std::string& key) {
    seen.push_back(key);
    if (key == "a") {
      int elements = 0;
      reader.readArray([&] {
        ++elements;
        reader.skipValue();
      });
      seen.push_back(std::to_string(elements));
    } else {
      reader.skipValue();
    }
  });
  reader.expectEnd();
  EXPECT_EQ(seen, (std::vector<std::string>{"a", "3", "b", "c"}));
}

TEST(JsonReader, PeeksKindsAndReadsBools) {
  JsonReader reader("[true,false,null,-1.5e3,\"s\",{},[]]");
  std::vector<JsonReader::Kind> kinds;
  std::vector<bool> bools;
  reader.readArray([&] {
    kinds.push_back(reader.peek());
    if (kinds.back() == JsonReader::Kind::Bool) {
      bools.push_back(reader.readBool());
    } else {
      reader.skipValue();
    }
  });
  using K = JsonReader::Kind;
  EXPECT_EQ(kinds, (std::vector<K>{K::Bool, K::Bool, K::Null, K::Number, K::String, K::Object, K::Array}));
  EXPECT_EQ(bools, (std::vector<bool>{true, false}));
}

TEST(JsonReader, ChecksNumbersAndLiterals) {
  for (const char* good : {"0", "-0", "12", "1.25", "-3e10", "4E+2", "5e-1"}) {
    EXPECT_TRUE(isValid(good)) << good;
  }
  for (const char* bad : {"01", "-", "1.", ".5", "1e", "+1", "tru", "nul", "falsey"}) {
    EXPECT_FALSE(isValid(bad)) << bad;
  }
}

TEST(JsonReader, RefusesStructuralErrors) {
  for (const char* bad :
       {"", "{", "{\"a\"}", "{\"a\":}", "{\"a\":1,}", "[1,]", "[1 2]", "{1:2}", "{} x", "]"}) {
    EXPECT_FALSE(isValid(bad)) << bad;
  }
}

TEST(JsonReader, RefusesHostileNestingWithoutExhaustingTheStack) {
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  EXPECT_FALSE(isValid(deep));
  const std::string fine = std::string(60, '[') + std::string(60, ']');
  EXPECT_TRUE(isValid(fine));
}

TEST(JsonReader, ErrorsSayWhere) {
  try {
    JsonReader reader("[1,?]");
    reader.skipValue();
    FAIL() << "no error";
  } catch (const JsonError& error) {
    EXPECT_NE(std::string(error.what()).find("offset 3"), std::string::npos) << error.what();
  }
}

} // namespace
