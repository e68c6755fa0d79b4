#include <gatehouse/common/secret_redactor.hpp>

#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

namespace gatehouse {
namespace {

// The registry is process-wide: every test starts and ends with it empty.
class SecretRedactorTest : public ::testing::Test {
protected:
  void SetUp() override { secrets::forgetAllForTesting(); }
  void TearDown() override { secrets::forgetAllForTesting(); }

  static std::string redacted(std::string text) {
    secrets::redact(text);
    return text;
  }
};

TEST_F(SecretRedactorTest, NothingRememberedChangesNothing) {
  std::string text = "Bearer sk-live-0123456789 and more";
  EXPECT_FALSE(secrets::redact(text));
  EXPECT_EQ(text, "Bearer sk-live-0123456789 and more");
  std::string empty;
  EXPECT_FALSE(secrets::redact(empty));
}

TEST_F(SecretRedactorTest, MasksARememberedValueAndSaysSo) {
  secrets::remember("sk-live-0123456789");
  std::string text = "upstream said: bad key sk-live-0123456789.";
  EXPECT_TRUE(secrets::redact(text));
  EXPECT_EQ(text, "upstream said: bad key [REDACTED].");
}

TEST_F(SecretRedactorTest, TextWithoutTheSecretIsUntouchedAndReportedSo) {
  secrets::remember("sk-live-0123456789");
  std::string text = "upstream said: bad key sk-live-01234567";
  EXPECT_FALSE(secrets::redact(text));
  EXPECT_EQ(text, "upstream said: bad key sk-live-01234567");
}

TEST_F(SecretRedactorTest, MasksEveryOccurrenceIncludingAdjacentOnes) {
  secrets::remember("hunter22hunter");
  EXPECT_EQ(redacted("hunter22hunter hunter22hunterhunter22hunter x hunter22hunter"),
            "[REDACTED] [REDACTED][REDACTED] x [REDACTED]");
}

TEST_F(SecretRedactorTest, ValuesShorterThanTheThresholdAreNotRemembered) {
  // Short values would mask ordinary words ("password", "true", "admin") all over the logs.
  const std::string seven(secrets::kMinRedactedLength - 1, 'k');
  const std::string eight(secrets::kMinRedactedLength, 'q');
  secrets::remember(seven);
  EXPECT_EQ(redacted("value " + seven + " end"), "value " + seven + " end");
  secrets::remember(eight);
  EXPECT_EQ(redacted("value " + eight + " end"), "value [REDACTED] end");
}

TEST_F(SecretRedactorTest, LongerSecretContainingAShorterOneIsMaskedWhole) {
  // Registered shortest first: the registry must still try the longest first, or the tail
  // of the longer secret would be left in the text.
  secrets::remember("abcdefgh");
  secrets::remember("abcdefgh-tail-of-longer");
  EXPECT_EQ(redacted("one abcdefgh-tail-of-longer two abcdefgh"), "one [REDACTED] two [REDACTED]");
}

TEST_F(SecretRedactorTest, SeveralSecretsInOneText) {
  secrets::remember("first-secret-1");
  secrets::remember("second-secret-2");
  EXPECT_EQ(redacted("a=second-secret-2&b=first-secret-1"), "a=[REDACTED]&b=[REDACTED]");
}

TEST_F(SecretRedactorTest, RememberingTheSameValueTwiceStillMasksIt) {
  secrets::remember("twice-remembered");
  secrets::remember("twice-remembered");
  EXPECT_EQ(redacted("x twice-remembered"), "x [REDACTED]");
  secrets::forgetAllForTesting();
  EXPECT_EQ(redacted("x twice-remembered"), "x twice-remembered");
}

TEST_F(SecretRedactorTest, ConcurrentRememberAndRedactSmoke) {
  secrets::remember("always-there-secret");
  std::atomic<bool> missed{false};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([t] {
      for (int i = 0; i < 200; ++i) {
        secrets::remember("thread-" + std::to_string(t) + "-secret-" + std::to_string(i));
      }
    });
    threads.emplace_back([&missed] {
      for (int i = 0; i < 500; ++i) {
        std::string text = "key always-there-secret in a log line";
        secrets::redact(text);
        if (text != "key [REDACTED] in a log line") {
          missed = true;
        }
      }
    });
  }
  for (std::thread& thread : threads) {
    thread.join();
  }
  EXPECT_FALSE(missed);
  EXPECT_EQ(redacted("thread-3-secret-199 thread-0-secret-0"), "[REDACTED] [REDACTED]");
}

} // namespace
} // namespace gatehouse
