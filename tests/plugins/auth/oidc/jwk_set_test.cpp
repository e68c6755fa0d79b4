#include <gtest/gtest.h>

#include "jwk_set.hpp"
#include "test_keys.hpp"

namespace gatehouse::plugins::oidc {
namespace {

using test::jwks;
using test::TestKey;

TEST(JwkSet, ReadsRsaAndEcKeys) {
  std::vector<std::string> skipped;
  const std::optional<JwkSet> set = JwkSet::parse(
      jwks({TestKey::sharedRsa().jwk(), TestKey::sharedEc().jwk(true, R"(,"alg":"ES256")")}), &skipped);
  ASSERT_TRUE(set);
  EXPECT_TRUE(skipped.empty()) << skipped.front();
  ASSERT_EQ(set->keys().size(), 2u);
  const PublicKey* rsa = set->find("rsa-1");
  const PublicKey* ec = set->find("ec-1");
  ASSERT_NE(rsa, nullptr);
  ASSERT_NE(ec, nullptr);
  EXPECT_EQ(rsa->type, KeyType::Rsa);
  EXPECT_FALSE(rsa->alg);
  EXPECT_EQ(ec->type, KeyType::EcP256);
  EXPECT_EQ(ec->alg, "ES256");
  EXPECT_EQ(set->find("nope"), nullptr);
}

TEST(JwkSet, SkipsKeysItCannotUseAndSaysWhy) {
  const TestKey& rsa = TestKey::sharedRsa();
  std::string encryptionKey = rsa.jwk(true, "");
  encryptionKey.replace(encryptionKey.find("\"use\":\"sig\""), 11, "\"use\":\"enc\"");
  std::vector<std::string> skipped;
  const std::optional<JwkSet> set = JwkSet::parse(
      jwks(
          {encryptionKey, R"({"kty":"oct","kid":"hmac","k":"c2VjcmV0"})",
           R"({"kty":"EC","kid":"p384","crv":"P-384","x":"AA","y":"AA"})",
           R"({"kty":"RSA","kid":"tiny","n":"AQAB","e":"AQAB"})",
           R"({"kty":"RSA","kid":"broken","n":"%%","e":"AQAB"})",
           R"({"kty":"EC","kid":"offcurve","crv":"P-256","x":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAE","y":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAE"})",
           TestKey::sharedEc().jwk(true, R"(,"key_ops":["encrypt"])"), "42", TestKey::sharedEc().jwk()}),
      &skipped);
  ASSERT_TRUE(set);
  ASSERT_EQ(set->keys().size(), 1u);
  EXPECT_EQ(set->keys().front().kid, "ec-1");
  ASSERT_EQ(skipped.size(), 8u);
  EXPECT_NE(skipped[0].find("not signatures"), std::string::npos) << skipped[0];
  EXPECT_NE(skipped[1].find("\"oct\" is not supported"), std::string::npos) << skipped[1];
  EXPECT_NE(skipped[2].find("P-256"), std::string::npos) << skipped[2];
  EXPECT_NE(skipped[3].find("shorter than 2048 bits"), std::string::npos) << skipped[3];
  EXPECT_NE(skipped[4].find("not base64url"), std::string::npos) << skipped[4];
  EXPECT_NE(skipped[5].find("not on the P-256 curve"), std::string::npos) << skipped[5];
  EXPECT_NE(skipped[6].find("key_ops"), std::string::npos) << skipped[6];
  EXPECT_NE(skipped[7].find("not a JSON object"), std::string::npos) << skipped[7];
  for (const std::string& line : skipped) {
    EXPECT_EQ(line.find("AAAAAAAA"), std::string::npos) << "key material in a log line: " << line;
  }
}

TEST(JwkSet, RefusesWhatIsNotAKeySet) {
  EXPECT_FALSE(JwkSet::parse("not json"));
  EXPECT_FALSE(JwkSet::parse("{}"));
  EXPECT_FALSE(JwkSet::parse(R"({"keys":{}})"));
  EXPECT_TRUE(JwkSet::parse(R"({"keys":[]})"));
}

} // namespace
} // namespace gatehouse::plugins::oidc
