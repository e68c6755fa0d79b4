// The mock's pure pieces: token counting, reply splitting, input reading.
#include <gatehouse/sdk/error.hpp>

#include <gtest/gtest.h>

#include <numeric>
#include <string>

#include "chat_input.hpp"
#include "mock_config.hpp"
#include "reply_pieces.hpp"
#include "token_count.hpp"

namespace gatehouse::plugins::mock {
namespace {

TEST(MockTokens, CountsAQuarterOfTheUtf8BytesRoundedUpAndAtLeastOne) {
  EXPECT_EQ(countTokens(""), 1);
  EXPECT_EQ(countTokens("a"), 1);
  EXPECT_EQ(countTokens("abcd"), 1);
  EXPECT_EQ(countTokens("abcde"), 2);
  EXPECT_EQ(countTokens("\xc3\xa9\xc3\xa9\xc3\xa9"), 2); // 3 characters, 6 bytes
}

std::string joined(const std::vector<std::string_view>& pieces) {
  return std::accumulate(pieces.begin(), pieces.end(), std::string(),
                         [](std::string all, std::string_view piece) { return all.append(piece); });
}

TEST(MockReplyPieces, SplitsIntoNearlyEqualPiecesThatJoinBack) {
  const auto pieces = splitReply("abcdefghij", 4);
  ASSERT_EQ(pieces.size(), 4u);
  EXPECT_EQ(pieces[0], "abc");
  EXPECT_EQ(pieces[1], "def");
  EXPECT_EQ(pieces[2], "gh");
  EXPECT_EQ(pieces[3], "ij");
}

TEST(MockReplyPieces, NeverCutsAUtf8Sequence) {
  const std::string text = "\xe2\x82\xac\xe2\x82\xac\xe2\x82\xac"; // three euro signs
  const auto pieces = splitReply(text, 2);
  EXPECT_EQ(joined(pieces), text);
  for (const auto piece : pieces) {
    ASSERT_FALSE(piece.empty());
    EXPECT_NE(static_cast<unsigned char>(piece.front()) & 0xC0, 0x80) << "piece starts mid-character";
  }
}

TEST(MockReplyPieces, ShortTextsGiveFewerPieces) {
  EXPECT_EQ(splitReply("ab", 5).size(), 2u);
  EXPECT_EQ(splitReply("", 5).size(), 1u);
  EXPECT_EQ(splitReply("abc", 1).size(), 1u);
}

TEST(MockChatInput, SumsPromptTokensOverEveryMessage) {
  const ChatInput input = parseChatInput(
      R"({"messages":[{"role":"system","content":"12345678"},{"role":"user","content":"x"}]})");
  EXPECT_EQ(input.promptTokens, 3);
  EXPECT_EQ(input.lastUserText, "x");
  EXPECT_FALSE(input.includeUsage);
}

TEST(MockChatInput, ReadsIncludeUsage) {
  EXPECT_TRUE(parseChatInput(R"({"messages":[{"role":"user"}],"stream_options":{"include_usage":true}})")
                  .includeUsage);
}

TEST(MockChatInput, NoUserMessageIsAnInvalidArgument) {
  try {
    parseChatInput(R"({"messages":[{"role":"assistant","content":"x"}]})");
    FAIL();
  } catch (const sdk::Error& error) {
    EXPECT_EQ(error.status(), GH_ERROR_INVALID_ARGUMENT);
  }
}

TEST(MockConfigParse, ReadsEveryKeyAndDefaults) {
  const MockConfig defaults = parseMockConfig("{}");
  EXPECT_EQ(defaults.latencyMs, 0);
  EXPECT_EQ(defaults.chunks, 4);
  EXPECT_FALSE(defaults.reply.has_value());
  const MockConfig set = parseMockConfig(R"({"latency_ms":25,"chunks":9,"reply":"hi"})");
  EXPECT_EQ(set.latencyMs, 25);
  EXPECT_EQ(set.chunks, 9);
  EXPECT_EQ(set.reply, "hi");
}

} // namespace
} // namespace gatehouse::plugins::mock
