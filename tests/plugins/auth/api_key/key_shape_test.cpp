#include <gtest/gtest.h>

#include <string>

#include "key_shape.hpp"
#include "test_keys.hpp"

namespace {

using namespace gatehouse::plugins::api_key;
using test_keys::wellFormedKey;

TEST(KeyShape, ThePrefixDecidesWhoseACredentialIs) {
  EXPECT_TRUE(hasKeyPrefix("ghk_"));
  EXPECT_TRUE(hasKeyPrefix("ghk_anything"));
  EXPECT_FALSE(hasKeyPrefix("GHK_abc"));
  EXPECT_FALSE(hasKeyPrefix("sk-abc"));
  EXPECT_FALSE(hasKeyPrefix("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.sig"));
  EXPECT_FALSE(hasKeyPrefix("ghk"));
  EXPECT_FALSE(hasKeyPrefix(""));
}

TEST(KeyShape, AWellFormedKeyHas43Base64UrlCharactersAfterThePrefix) {
  EXPECT_TRUE(isWellFormedKey(wellFormedKey('a')));
  EXPECT_TRUE(isWellFormedKey("ghk_" + std::string("AZaz09-_") + std::string(35, 'Q')));
  EXPECT_EQ(kKeyLength, wellFormedKey('a').size());
}

TEST(KeyShape, AnythingElseIsMalformed) {
  EXPECT_FALSE(isWellFormedKey("ghk_short"));
  EXPECT_FALSE(isWellFormedKey(wellFormedKey('a') + "a"));            // too long
  EXPECT_FALSE(isWellFormedKey(wellFormedKey('a').substr(1)));        // too short
  EXPECT_FALSE(isWellFormedKey("ghk_" + std::string(42, 'a') + "=")); // padding is not base64url
  EXPECT_FALSE(isWellFormedKey("ghk_" + std::string(42, 'a') + "+"));
  EXPECT_FALSE(isWellFormedKey("ghk_" + std::string(42, 'a') + " "));
  EXPECT_FALSE(isWellFormedKey("xhk_" + std::string(43, 'a')));
}

} // namespace
