#include <gtest/gtest.h>

#include <string>

#include "json_escape.hpp"
#include "json_reader.hpp"

namespace {

TEST(JsonEscape, EscapesQuotesBackslashesAndControlCharacters) {
  EXPECT_EQ(hello::jsonString("plain"), "\"plain\"");
  EXPECT_EQ(hello::jsonString("say \"hi\" \\ bye"), R"("say \"hi\" \\ bye")");
  EXPECT_EQ(hello::jsonString("a\nb\tc\rd\be\ff"), R"("a\nb\tc\rd\be\ff")");
  EXPECT_EQ(hello::jsonString(std::string("\x01\x1f\0", 3)), R"("\u0001\u001f\u0000")");
}

TEST(JsonEscape, LeavesUtf8AndSlashesAlone) {
  EXPECT_EQ(hello::jsonString("caf\xC3\xA9 / \xF0\x9F\x98\x80"), "\"caf\xC3\xA9 / \xF0\x9F\x98\x80\"");
}

TEST(JsonEscape, EveryByteRoundTripsThroughTheReader) {
  std::string all;
  for (int c = 1; c < 128; ++c) {
    all += static_cast<char>(c);
  }
  all += std::string("\0", 1);
  const std::string encoded = hello::jsonString(all); // the reader only borrows its input
  hello::JsonReader reader(encoded);
  EXPECT_EQ(reader.readString(), all);
}

} // namespace
