#include <gatehouse/gateway/sse_framing.hpp>

#include <gtest/gtest.h>

namespace gatehouse::gateway {
namespace {

std::string framed(std::string_view data) {
  std::string out;
  appendSseEvent(out, data);
  return out;
}

TEST(SseFraming, FramesOneLineOfData) {
  EXPECT_EQ(framed(R"({"a":1})"), "data: {\"a\":1}\n\n");
}

TEST(SseFraming, SplitsEveryKindOfLineBreakIntoDataLines) {
  EXPECT_EQ(framed("{\n\"a\": 1\r\n}"), "data: {\ndata: \"a\": 1\ndata: }\n\n");
  EXPECT_EQ(framed("a\rb"), "data: a\ndata: b\n\n");
}

TEST(SseFraming, AppendsToWhatIsThere) {
  std::string out = "data: first\n\n";
  appendSseEvent(out, "second");
  EXPECT_EQ(out, "data: first\n\ndata: second\n\n");
}

TEST(SseFraming, DoneMarkerIsOpenAis) {
  EXPECT_EQ(kSseDone, "data: [DONE]\n\n");
}

} // namespace
} // namespace gatehouse::gateway
