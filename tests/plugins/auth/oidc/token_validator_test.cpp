#include <gatehouse/sdk/error.hpp>

#include <gtest/gtest.h>

#include "base64url.hpp"
#include "test_idp.hpp"
#include "token_error.hpp"
#include "token_validator.hpp"

namespace gatehouse::plugins::oidc {
namespace {

using test::ClaimsBuilder;
using test::kClientId;
using test::kIssuer;
using test::kNow;
using test::signedToken;
using test::TestIdp;
using test::TestKey;

// The keys of a fixed JWKS, with no fetching: rotation is ProviderClient's test.
class FixedKeys final : public KeySource {
public:
  explicit FixedKeys(const std::string& jwksJson) : keys_(*JwkSet::parse(jwksJson)) {}
  PublicKey keyFor(const std::optional<std::string>& kid) override {
    if (!kid) {
      if (keys_.keys().size() == 1) {
        return keys_.keys().front();
      }
    } else if (const PublicKey* key = keys_.find(*kid)) {
      return *key;
    }
    throw TokenError(TokenProblem::UnknownKeyId, "unknown key id");
  }

private:
  JwkSet keys_;
};

class TokenValidatorTest : public ::testing::Test {
protected:
  TokenRules accessRules() const {
    TokenRules rules;
    rules.issuer = kIssuer;
    rules.audiences = {kClientId, "api://gatehouse"};
    rules.nowSeconds = kNow;
    rules.clockSkewSeconds = 60;
    return rules;
  }
  TokenRules idRules(const std::string& nonce) const {
    TokenRules rules = accessRules();
    rules.audiences = {kClientId};
    rules.nonce = nonce;
    rules.authorizedParty = kClientId;
    return rules;
  }

  Claims validate(const std::string& token, const TokenRules& rules) {
    return validateToken(token, keys_, rules);
  }

  // The problem validation reports, with its message in `message`.
  TokenProblem problemOf(const std::string& token, const TokenRules& rules, std::string* message = nullptr) {
    try {
      validate(token, rules);
    } catch (const TokenError& error) {
      if (message != nullptr) {
        *message = error.what();
      }
      if (token.size() > 12) {
        EXPECT_EQ(std::string(error.what()).find(token.substr(token.size() - 12)), std::string::npos)
            << "the message repeats the token";
      }
      return error.problem();
    }
    ADD_FAILURE() << "the token was accepted";
    return TokenProblem::Malformed;
  }

  const TestKey& rsa_ = TestKey::sharedRsa();
  const TestKey& ec_ = TestKey::sharedEc();
  FixedKeys keys_{test::jwks({TestKey::sharedRsa().jwk(), TestKey::sharedEc().jwk()})};
};

TEST_F(TokenValidatorTest, AcceptsAnRs256AccessToken) {
  const Claims claims = validate(signedToken(rsa_, TestIdp::accessClaims().json()), accessRules());
  EXPECT_EQ(claims.string("sub"), "user-123");
  EXPECT_EQ(claims.string("email"), "ada@example.com");
}

TEST_F(TokenValidatorTest, AcceptsAnEs256AccessToken) {
  const Claims claims = validate(signedToken(ec_, TestIdp::accessClaims().json()), accessRules());
  EXPECT_EQ(claims.string("sub"), "user-123");
}

TEST_F(TokenValidatorTest, AcceptsAnAudienceArrayWithOneOfOurs) {
  ClaimsBuilder claims = TestIdp::accessClaims();
  claims.set("aud", {"someone-else", "api://gatehouse"});
  EXPECT_NO_THROW(validate(signedToken(rsa_, claims.json()), accessRules()));
}

TEST_F(TokenValidatorTest, AcceptsAnIdTokenWithTheFlowsNonce) {
  const Claims claims = validate(signedToken(rsa_, TestIdp::idClaims("nonce-1").json()), idRules("nonce-1"));
  EXPECT_EQ(claims.string("nonce"), "nonce-1");
}

TEST_F(TokenValidatorTest, RefusesAnotherIssuer) {
  ClaimsBuilder claims = TestIdp::accessClaims();
  claims.set("iss", "https://evil.test");
  std::string message;
  EXPECT_EQ(problemOf(signedToken(rsa_, claims.json()), accessRules(), &message), TokenProblem::WrongIssuer);
  EXPECT_NE(message.find("wrong issuer"), std::string::npos);
  claims.set("iss", kIssuer + "/");
  EXPECT_EQ(problemOf(signedToken(rsa_, claims.json()), accessRules()), TokenProblem::WrongIssuer)
      << "issuers compare exactly";
  claims.remove("iss");
  EXPECT_EQ(problemOf(signedToken(rsa_, claims.json()), accessRules()), TokenProblem::MissingClaim);
}

TEST_F(TokenValidatorTest, RefusesAnotherAudience) {
  ClaimsBuilder claims = TestIdp::accessClaims("another-api");
  std::string message;
  EXPECT_EQ(problemOf(signedToken(rsa_, claims.json()), accessRules(), &message),
            TokenProblem::WrongAudience);
  EXPECT_NE(message.find("wrong audience"), std::string::npos);
  claims.set("aud", {"a", "b"});
  EXPECT_EQ(problemOf(signedToken(rsa_, claims.json()), accessRules()), TokenProblem::WrongAudience);
  claims.set("aud", 42);
  EXPECT_EQ(problemOf(signedToken(rsa_, claims.json()), accessRules()), TokenProblem::Malformed);
  claims.remove("aud");
  EXPECT_EQ(problemOf(signedToken(rsa_, claims.json()), accessRules()), TokenProblem::MissingClaim);
}

TEST_F(TokenValidatorTest, RefusesAnExpiredTokenBeyondTheSkew) {
  ClaimsBuilder claims = TestIdp::accessClaims();
  claims.set("exp", kNow - 61);
  std::string message;
  EXPECT_EQ(problemOf(signedToken(rsa_, claims.json()), accessRules(), &message), TokenProblem::Expired);
  EXPECT_EQ(message, "the token has expired");
  claims.set("exp", kNow - 59);
  EXPECT_NO_THROW(validate(signedToken(rsa_, claims.json()), accessRules())) << "within the clock skew";
  claims.remove("exp");
  EXPECT_EQ(problemOf(signedToken(rsa_, claims.json()), accessRules()), TokenProblem::MissingClaim);
  claims.set("exp", "tomorrow");
  EXPECT_EQ(problemOf(signedToken(rsa_, claims.json()), accessRules()), TokenProblem::Malformed);
}

TEST_F(TokenValidatorTest, RefusesATokenNotValidYet) {
  ClaimsBuilder claims = TestIdp::accessClaims();
  claims.set("nbf", kNow + 120);
  EXPECT_EQ(problemOf(signedToken(rsa_, claims.json()), accessRules()), TokenProblem::NotYetValid);
  claims.set("nbf", kNow + 30);
  EXPECT_NO_THROW(validate(signedToken(rsa_, claims.json()), accessRules())) << "within the clock skew";
  claims.set("iat", kNow + 3600);
  std::string message;
  EXPECT_EQ(problemOf(signedToken(rsa_, claims.json()), accessRules(), &message), TokenProblem::NotYetValid);
  EXPECT_NE(message.find("issued in the future"), std::string::npos);
}

TEST_F(TokenValidatorTest, RefusesABadSignature) {
  const std::string token = signedToken(rsa_, TestIdp::accessClaims().json());
  // The same header and signature over different claims.
  const std::string forged = token.substr(0, token.find('.') + 1) +
                             base64UrlEncode(TestIdp::accessClaims().set("sub", "admin").json()) +
                             token.substr(token.rfind('.'));
  std::string message;
  EXPECT_EQ(problemOf(forged, accessRules(), &message), TokenProblem::BadSignature);
  EXPECT_EQ(message, "the token's signature is not valid");
  // Signed by a key the IdP does not have, under the IdP's kid.
  const TestKey impostor = TestKey::generate(TestKey::Kind::Ec, "ec-1");
  EXPECT_EQ(problemOf(signedToken(impostor, TestIdp::accessClaims().json()), accessRules()),
            TokenProblem::BadSignature);
  // An ES256 signature of the wrong length.
  const std::string ecToken = signedToken(ec_, TestIdp::accessClaims().json());
  EXPECT_EQ(problemOf(ecToken.substr(0, ecToken.rfind('.') + 1) + base64UrlEncode(std::string(63, 'x')),
                      accessRules()),
            TokenProblem::BadSignature);
}

TEST_F(TokenValidatorTest, RefusesAnUnknownKeyId) {
  const TestKey stranger = TestKey::generate(TestKey::Kind::Ec, "not-published");
  EXPECT_EQ(problemOf(signedToken(stranger, TestIdp::accessClaims().json()), accessRules()),
            TokenProblem::UnknownKeyId);
}

TEST_F(TokenValidatorTest, RefusesAlgNone) {
  const std::string token = base64UrlEncode(R"({"alg":"none","typ":"JWT"})") + "." +
                            base64UrlEncode(TestIdp::accessClaims().json()) + ".";
  std::string message;
  EXPECT_EQ(problemOf(token + "", accessRules(), &message), TokenProblem::UnsupportedAlgorithm);
  EXPECT_NE(message.find("\"none\" is not accepted"), std::string::npos) << message;
}

TEST_F(TokenValidatorTest, RefusesHs256SignedWithThePublicKey) {
  // The classic confusion: an HMAC "signed" with the RSA public key as the secret.
  const std::string header = R"({"alg":"HS256","typ":"JWT","kid":"rsa-1"})";
  for (const std::string& secret : {rsa_.publicPem(), rsa_.jwk()}) {
    EXPECT_EQ(problemOf(test::hs256Token(secret, header, TestIdp::accessClaims().json()), accessRules()),
              TokenProblem::UnsupportedAlgorithm);
  }
}

TEST_F(TokenValidatorTest, RefusesOtherAlgorithms) {
  for (const char* alg : {"RS384", "PS256", "ES512", "EdDSA", "HS512"}) {
    const std::string header = std::string(R"({"alg":")") + alg + R"(","kid":"rsa-1"})";
    EXPECT_EQ(problemOf(signedToken(rsa_, header, TestIdp::accessClaims().json()), accessRules()),
              TokenProblem::UnsupportedAlgorithm)
        << alg;
  }
  std::string message;
  problemOf(signedToken(rsa_, R"({"alg":"RS256\"<script>","kid":"rsa-1"})", TestIdp::accessClaims().json()),
            accessRules(), &message);
  EXPECT_EQ(message.find("<script>"), std::string::npos)
      << "odd algorithm names are not repeated: " << message;
}

TEST_F(TokenValidatorTest, RefusesAnAlgorithmThatDoesNotFitTheKey) {
  // ES256 named in the header, but the kid points at the RSA key (and vice versa).
  std::string message;
  EXPECT_EQ(problemOf(signedToken(ec_, R"({"alg":"ES256","kid":"rsa-1"})", TestIdp::accessClaims().json()),
                      accessRules(), &message),
            TokenProblem::KeyMismatch);
  EXPECT_NE(message.find("does not match its signing key (RSA)"), std::string::npos) << message;
  EXPECT_EQ(problemOf(signedToken(rsa_, R"({"alg":"RS256","kid":"ec-1"})", TestIdp::accessClaims().json()),
                      accessRules()),
            TokenProblem::KeyMismatch);
}

TEST_F(TokenValidatorTest, RefusesAnAlgorithmTheKeyIsPinnedAgainst) {
  FixedKeys pinned(test::jwks({rsa_.jwk(true, R"(,"alg":"RS512")")}));
  try {
    validateToken(signedToken(rsa_, TestIdp::accessClaims().json()), pinned, accessRules());
    FAIL();
  } catch (const TokenError& error) {
    EXPECT_EQ(error.problem(), TokenProblem::KeyMismatch);
  }
}

TEST_F(TokenValidatorTest, RefusesMalformedTokens) {
  const std::string token = signedToken(rsa_, TestIdp::accessClaims().json());
  EXPECT_EQ(problemOf("a.b", accessRules()), TokenProblem::Malformed);
  EXPECT_EQ(problemOf(token.substr(0, token.find('.')) + ".bm90IGpzb24." + token.substr(token.rfind('.') + 1),
                      accessRules()),
            TokenProblem::Malformed)
      << "payload is base64url of 'not json'";
  EXPECT_EQ(problemOf(token + "=", accessRules()), TokenProblem::Malformed);
}

TEST_F(TokenValidatorTest, IdTokensNeedTheFlowsNonce) {
  std::string message;
  EXPECT_EQ(problemOf(signedToken(rsa_, TestIdp::idClaims("other").json()), idRules("nonce-1"), &message),
            TokenProblem::WrongNonce);
  EXPECT_NE(message.find("nonce does not match"), std::string::npos);
  EXPECT_EQ(problemOf(signedToken(rsa_, TestIdp::accessClaims().json()), idRules("nonce-1")),
            TokenProblem::MissingClaim)
      << "no nonce at all";
  ClaimsBuilder noSubject = TestIdp::idClaims("nonce-1");
  noSubject.remove("sub");
  EXPECT_EQ(problemOf(signedToken(rsa_, noSubject.json()), idRules("nonce-1")), TokenProblem::MissingClaim);
}

TEST_F(TokenValidatorTest, IdTokensWithSeveralAudiencesNeedOurAzp) {
  ClaimsBuilder claims = TestIdp::idClaims("n");
  claims.set("aud", {kClientId, "another-client"});
  EXPECT_EQ(problemOf(signedToken(rsa_, claims.json()), idRules("n")), TokenProblem::WrongAuthorizedParty);
  claims.set("azp", "another-client");
  EXPECT_EQ(problemOf(signedToken(rsa_, claims.json()), idRules("n")), TokenProblem::WrongAuthorizedParty);
  claims.set("azp", kClientId);
  EXPECT_NO_THROW(validate(signedToken(rsa_, claims.json()), idRules("n")));
}

TEST_F(TokenValidatorTest, IdTokensAreForOurClientOnly) {
  EXPECT_EQ(
      problemOf(signedToken(rsa_, TestIdp::idClaims("n").set("aud", "api://gatehouse").json()), idRules("n")),
      TokenProblem::WrongAudience);
}

TEST_F(TokenValidatorTest, ATokenWithoutKidNeedsASingleKeyIdp) {
  const std::string header = R"({"alg":"RS256"})";
  EXPECT_EQ(problemOf(signedToken(rsa_, header, TestIdp::accessClaims().json()), accessRules()),
            TokenProblem::UnknownKeyId);
  FixedKeys single(test::jwks({rsa_.jwk(false)}));
  EXPECT_NO_THROW(
      validateToken(signedToken(rsa_, header, TestIdp::accessClaims().json()), single, accessRules()));
}

} // namespace
} // namespace gatehouse::plugins::oidc
