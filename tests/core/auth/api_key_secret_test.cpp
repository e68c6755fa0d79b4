#include <gatehouse/auth/api_key_secret.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <set>
#include <string>

namespace gatehouse::auth {
namespace {

constexpr std::string_view kBase64UrlAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

bool isLowerHex(const std::string& text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

TEST(ApiKeySecret, GeneratedKeyHasTheDocumentedShape) {
  const GeneratedApiKey key = generateApiKey();
  EXPECT_EQ(key.secret.size(), 47u);
  EXPECT_EQ(key.secret.substr(0, 4), "ghk_");
  for (char c : key.secret.substr(4))
    EXPECT_NE(kBase64UrlAlphabet.find(c), std::string_view::npos) << "not base64url: " << c;
  EXPECT_TRUE(looksLikeApiKey(key.secret));
  EXPECT_EQ(key.displayPrefix, key.secret.substr(0, 12));
  EXPECT_EQ(key.hash, hashApiKey(key.secret));
  EXPECT_EQ(key.hash.size(), 64u);
  EXPECT_TRUE(isLowerHex(key.hash));
}

TEST(ApiKeySecret, LastCharacterCarriesOnlyTheTwoRemainingBits) {
  // 256 bits are 42 full base64 characters plus 4 bits: unpadded encoding leaves the last
  // character's two low bits zero, so its alphabet index is a multiple of 4.
  for (int i = 0; i < 200; ++i) {
    const std::string secret = generateApiKey().secret;
    const std::size_t index = kBase64UrlAlphabet.find(secret.back());
    ASSERT_NE(index, std::string_view::npos);
    EXPECT_EQ(index % 4, 0u) << secret.back();
  }
}

TEST(ApiKeySecret, KeysAreUniqueAndUseTheWholeAlphabetEvenly) {
  constexpr int kKeys = 2000;
  std::set<std::string> secrets;
  std::set<std::string> hashes;
  std::array<int, 64> counts{};
  int characters = 0;
  for (int i = 0; i < kKeys; ++i) {
    const GeneratedApiKey key = generateApiKey();
    secrets.insert(key.secret);
    hashes.insert(key.hash);
    // Positions 4..45 carry six random bits each; the last one carries four.
    for (std::size_t position = 4; position < 46; ++position) {
      ++counts[kBase64UrlAlphabet.find(key.secret[position])];
      ++characters;
    }
  }
  EXPECT_EQ(secrets.size(), static_cast<std::size_t>(kKeys));
  EXPECT_EQ(hashes.size(), static_cast<std::size_t>(kKeys));
  // 84000 draws over 64 symbols: 1312 expected each, standard deviation about 36. A biased or
  // truncated encoder (e.g. a modulo on the wrong range) lands far outside these bounds.
  const double expected = static_cast<double>(characters) / 64.0;
  for (std::size_t symbol = 0; symbol < counts.size(); ++symbol) {
    EXPECT_GT(counts[symbol], expected * 0.85) << kBase64UrlAlphabet[symbol];
    EXPECT_LT(counts[symbol], expected * 1.15) << kBase64UrlAlphabet[symbol];
  }
}

TEST(ApiKeySecret, HashIsLowercaseHexSha256) {
  // FIPS 180-2 test vectors.
  EXPECT_EQ(hashApiKey("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(hashApiKey(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(hashApiKey("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST(ApiKeySecret, LooksLikeApiKeyRejectsOtherShapes) {
  const std::string good = generateApiKey().secret;
  EXPECT_TRUE(looksLikeApiKey(good));
  EXPECT_FALSE(looksLikeApiKey(""));
  EXPECT_FALSE(looksLikeApiKey(good.substr(0, 46)));
  EXPECT_FALSE(looksLikeApiKey(good + "A"));
  EXPECT_FALSE(looksLikeApiKey("sk-" + good.substr(3)));
  EXPECT_FALSE(looksLikeApiKey("GHK_" + good.substr(4)));
  for (char bad : {'+', '/', '=', ' ', '.'}) {
    std::string broken = good;
    broken[10] = bad;
    EXPECT_FALSE(looksLikeApiKey(broken)) << bad;
  }
}

TEST(ApiKeySecret, ConstantTimeEqualsComparesWholeStrings) {
  EXPECT_TRUE(constantTimeEquals("", ""));
  EXPECT_TRUE(constantTimeEquals("same value", "same value"));
  EXPECT_FALSE(constantTimeEquals("same value", "same valuf"));
  EXPECT_FALSE(constantTimeEquals("xame value", "same value"));
  EXPECT_FALSE(constantTimeEquals("short", "shorter"));
  EXPECT_FALSE(constantTimeEquals("", "a"));
  const std::string hash = hashApiKey("abc");
  std::string other = hash;
  other[63] = other[63] == '0' ? '1' : '0';
  EXPECT_FALSE(constantTimeEquals(hash, other));
  EXPECT_TRUE(constantTimeEquals(hash, hashApiKey("abc")));
}

TEST(ApiKeySecret, RandomTokensAreUnpaddedBase64UrlOfTheRequestedSize) {
  const std::string token = randomToken();
  EXPECT_EQ(token.size(), 43u);
  EXPECT_EQ(randomToken(16).size(), 22u);
  EXPECT_EQ(randomToken(3).size(), 4u);
  EXPECT_EQ(randomToken(1).size(), 2u);
  EXPECT_EQ(token.find_first_not_of(kBase64UrlAlphabet), std::string::npos);
  std::set<std::string> tokens;
  for (int i = 0; i < 1000; ++i)
    tokens.insert(randomToken());
  EXPECT_EQ(tokens.size(), 1000u);
}

} // namespace
} // namespace gatehouse::auth
