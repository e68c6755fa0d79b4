#include <gtest/gtest.h>

#include "secret_masker.hpp"

namespace gatehouse::plugins::gemini {
namespace {

constexpr std::string_view kGoogleKey = "AIzaSyA1b2C3d4E5f6G7h8I9j0KlMnOpQrStUvW";

TEST(SecretMaskerTest, MasksTheConfiguredKeyWhateverItsShape) {
  EXPECT_EQ(maskSecrets("key my-proxy-key-123 is bad, my-proxy-key-123!", "my-proxy-key-123"),
            "key [REDACTED] is bad, [REDACTED]!");
}

TEST(SecretMaskerTest, MasksGoogleApiKeyLookAlikes) {
  const std::string message = "API key " + std::string(kGoogleKey) + " not valid.";
  EXPECT_EQ(maskSecrets(message, ""), "API key [REDACTED] not valid.");
  EXPECT_EQ(maskSecrets(std::string(kGoogleKey) + std::string(kGoogleKey).substr(0, 4), ""), "[REDACTED]");
}

TEST(SecretMaskerTest, LeavesOrdinaryTextAlone) {
  EXPECT_EQ(maskSecrets("AIza is a prefix; AIzaShort stays", ""), "AIza is a prefix; AIzaShort stays");
  EXPECT_EQ(maskSecrets("nothing secret", "absent-key"), "nothing secret");
}

} // namespace
} // namespace gatehouse::plugins::gemini
