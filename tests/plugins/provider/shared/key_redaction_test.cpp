// Provider keys never reach a client, whole or masked.
#include <gtest/gtest.h>

#include "key_redaction.hpp"

namespace gatehouse::providers {
namespace {

struct Case {
  const char* text;
  const char* redacted;
};

class KeyRedaction : public ::testing::TestWithParam<Case> {};

TEST_P(KeyRedaction, ReplacesKeyLikeTokens) {
  EXPECT_EQ(redactKeys(GetParam().text), GetParam().redacted);
}

INSTANTIATE_TEST_SUITE_P(
    Table, KeyRedaction,
    ::testing::Values(Case{"Incorrect API key provided: sk-proj-abc1*********************wxyz.",
                           "Incorrect API key provided: [REDACTED]."},
                      Case{"key sk-abc***xyz and sk-ant-api03-AbC_dEf-123", "key [REDACTED] and [REDACTED]"},
                      Case{"(sk-live1234)", "([REDACTED])"},
                      Case{"google AIzaSyA-1234567890abcdefghijklmnopqrstu!", "google [REDACTED]!"},
                      Case{"a task-based desk-top risk-free sk-1 approach",
                           "a task-based desk-top risk-free sk-1 approach"},
                      Case{"API key AIzaSyA1b2C3d4E5f6G7h8I9j0KlMnOpQrStUvW not valid.",
                           "API key [REDACTED] not valid."},
                      Case{"key=AIzaSyA1b2C3d4E5f6G7h8I9j0KlMnOpQrStUvW&alt=sse", "key=[REDACTED]&alt=sse"},
                      Case{"xAIzaSyA1b2C3d4E5f6G7h8I9j0KlMnOp", "x[REDACTED]"},
                      Case{"AIza is a prefix; AIzaShort and AIza1234567890123456789 stay",
                           "AIza is a prefix; AIzaShort and AIza1234567890123456789 stay"},
                      Case{"xsk-abcdefgh", "xsk-abcdefgh"}, Case{"", ""}, Case{"sk-", "sk-"},
                      Case{"no keys here", "no keys here"}));

TEST(KeyRedactionKnownSecret, TheConfiguredKeyGoesWhateverItLooksLike) {
  EXPECT_EQ(redactKeys("azure said 0123456789abcdef0123456789abcdef twice: 0123456789abcdef0123456789abcdef",
                       "0123456789abcdef0123456789abcdef"),
            "azure said [REDACTED] twice: [REDACTED]");
  EXPECT_EQ(redactKeys("key my-proxy-key-123 is bad, my-proxy-key-123!", "my-proxy-key-123"),
            "key [REDACTED] is bad, [REDACTED]!");
  EXPECT_EQ(redactKeys("nothing", ""), "nothing");
  EXPECT_EQ(redactKeys("nothing secret", "absent-key"), "nothing secret");
}

} // namespace
} // namespace gatehouse::providers
