#include <gtest/gtest.h>

#include <set>

#include "base64url.hpp"
#include "pkce.hpp"

namespace gatehouse::plugins::oidc {
namespace {

TEST(Pkce, MatchesTheRfc7636AppendixBVector) {
  EXPECT_EQ(codeChallengeS256("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
}

TEST(Pkce, VerifierIs32RandomBytesInBase64Url) {
  std::set<std::string> seen;
  for (int i = 0; i < 50; ++i) {
    const std::string verifier = newCodeVerifier();
    EXPECT_EQ(verifier.size(), 43u); // RFC 7636 4.1: 43 to 128 characters
    const std::optional<std::string> bytes = base64UrlDecode(verifier);
    ASSERT_TRUE(bytes);
    EXPECT_EQ(bytes->size(), 32u);
    seen.insert(verifier);
  }
  EXPECT_EQ(seen.size(), 50u) << "verifiers repeat";
}

TEST(Pkce, NoncesAreFreshEachTime) {
  const std::string first = newNonce();
  const std::string second = newNonce();
  EXPECT_EQ(first.size(), 43u);
  EXPECT_NE(first, second);
}

} // namespace
} // namespace gatehouse::plugins::oidc
