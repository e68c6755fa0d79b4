#include <gatehouse/http/request_id.hpp>

#include <gtest/gtest.h>

#include <set>

namespace gatehouse::http {
namespace {

TEST(RequestId, AcceptsOneTo128VisibleAsciiCharacters) {
  EXPECT_TRUE(isAcceptableRequestId("a"));
  EXPECT_TRUE(isAcceptableRequestId("req_01H-xyz:42/!~"));
  EXPECT_TRUE(isAcceptableRequestId(std::string(128, 'x')));
}

TEST(RequestId, RefusesEmptyTooLongSpacesControlAndNonAscii) {
  EXPECT_FALSE(isAcceptableRequestId(""));
  EXPECT_FALSE(isAcceptableRequestId(std::string(129, 'x')));
  EXPECT_FALSE(isAcceptableRequestId("has space"));
  EXPECT_FALSE(isAcceptableRequestId("tab\there"));
  EXPECT_FALSE(isAcceptableRequestId("line\r\nbreak"));
  EXPECT_FALSE(isAcceptableRequestId(std::string("nul\0x", 5)));
  EXPECT_FALSE(isAcceptableRequestId("del\x7f"));
  EXPECT_FALSE(isAcceptableRequestId("caf\xc3\xa9"));
}

TEST(RequestId, GeneratesThirtyTwoLowercaseHexCharacters) {
  const std::string id = generateRequestId();
  ASSERT_EQ(id.size(), 32u);
  for (const char c : id)
    EXPECT_TRUE((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')) << id;
}

TEST(RequestId, GeneratedIdsDoNotRepeat) {
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i)
    seen.insert(generateRequestId());
  EXPECT_EQ(seen.size(), 1000u);
}

TEST(RequestId, ResolveKeepsAnAcceptableClientIdAndReplacesOthers) {
  EXPECT_EQ(resolveRequestId("client-id-1"), "client-id-1");
  const std::string replaced = resolveRequestId("bad id");
  EXPECT_NE(replaced, "bad id");
  EXPECT_EQ(replaced.size(), 32u);
  EXPECT_EQ(resolveRequestId("").size(), 32u);
}

} // namespace
} // namespace gatehouse::http
