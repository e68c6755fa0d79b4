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
                      Case{"", ""}, Case{"sk-", "sk-"}, Case{"no keys here", "no keys here"}));

TEST(KeyRedactionKnownSecret, TheConfiguredKeyGoesWhateverItLooksLike) {
  EXPECT_EQ(redactKeys("azure said 0123456789abcdef0123456789abcdef twice: 0123456789abcdef0123456789abcdef",
                       "0123456789abcdef0123456789abcdef"),
            "azure said [REDACTED] twice: [REDACTED]");
  EXPECT_EQ(redactKeys("nothing", ""), "nothing");
}

} // namespace
} // namespace gatehouse::providers
