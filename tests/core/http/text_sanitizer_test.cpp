#include <gatehouse/http/text_sanitizer.hpp>

#include <gtest/gtest.h>

namespace gatehouse::http {
namespace {

TEST(TextSanitizer, KeepsPrintableAscii) {
  EXPECT_EQ(sanitizeForMessage("/v1/models?x=1"), "/v1/models?x=1");
}

TEST(TextSanitizer, ReplacesControlAndNonAsciiBytes) {
  EXPECT_EQ(sanitizeForMessage("a\r\nb\x01\xc3\xa9"), "a??b???");
}

TEST(TextSanitizer, CutsLongTextAndMarksTheCut) {
  EXPECT_EQ(sanitizeForMessage(std::string(300, 'x'), 10), std::string(10, 'x') + "...");
  EXPECT_EQ(sanitizeForMessage("short", 5), "short");
}

} // namespace
} // namespace gatehouse::http
