#include <gatehouse/sdk/error.hpp>

#include <gtest/gtest.h>

#include <thread>

#include "provider_client.hpp"
#include "test_idp.hpp"
#include "token_error.hpp"

namespace gatehouse::plugins::oidc {
namespace {

using test::discoveryJson;
using test::kDiscoveryUrl;
using test::kIssuer;
using test::kJwksUrl;
using test::TestIdp;
using test::TestKey;

class ProviderClientTest : public ::testing::Test {
protected:
  static constexpr std::int64_t kMinRefreshMs = 10'000;

  // The status and message `call` throws as sdk::Error.
  template <class Call> std::pair<gh_status, std::string> failureOf(Call&& call) {
    try {
      call();
    } catch (const sdk::Error& error) {
      return {error.status(), error.what()};
    }
    ADD_FAILURE() << "no sdk::Error";
    return {GH_OK, ""};
  }

  bool unknownKey(const std::string& kid) {
    try {
      client_.keyFor(kid);
    } catch (const TokenError& error) {
      return error.problem() == TokenProblem::UnknownKeyId;
    }
    return false;
  }

  TestIdp idp_;
  ProviderClient client_{kIssuer, kMinRefreshMs, idp_.http, idp_.clock(), idp_.log()};
};

TEST_F(ProviderClientTest, FetchesDiscoveryOnFirstUseOnly) {
  EXPECT_EQ(idp_.http.requests().size(), 0u) << "nothing is fetched before it is needed";
  const ProviderMetadata metadata = client_.metadata();
  EXPECT_EQ(metadata.issuer, kIssuer);
  EXPECT_EQ(metadata.authorizationEndpoint, test::kAuthorizeUrl);
  EXPECT_EQ(metadata.tokenEndpoint, test::kTokenUrl);
  EXPECT_EQ(metadata.jwksUri, kJwksUrl);
  EXPECT_EQ(metadata.userinfoEndpoint, test::kUserinfoUrl);
  client_.metadata();
  EXPECT_EQ(idp_.http.count(kDiscoveryUrl), 1);
  ASSERT_EQ(idp_.http.requests().size(), 1u);
  EXPECT_EQ(idp_.http.requests()[0].method, "GET");
  EXPECT_EQ(test::headerOf(idp_.http.requests()[0], "Accept"), "application/json");
}

TEST_F(ProviderClientTest, RefusesADiscoveryDocumentOfAnotherIssuer) {
  idp_.http.on(kDiscoveryUrl, 200, discoveryJson("https://idp.test/"));
  const auto [status, message] = failureOf([&] { client_.metadata(); });
  EXPECT_EQ(status, GH_ERROR_UNAVAILABLE);
  EXPECT_NE(message.find("names the issuer \"https://idp.test/\", not the configured \"https://idp.test\""),
            std::string::npos)
      << message;
}

TEST_F(ProviderClientTest, RetriesDiscoveryAfterAFailureButNotAtOnce) {
  idp_.http.unreachable(kDiscoveryUrl);
  const auto [status, message] = failureOf([&] { client_.metadata(); });
  EXPECT_EQ(status, GH_ERROR_UNAVAILABLE);
  EXPECT_NE(message.find("cannot be reached"), std::string::npos) << message;

  idp_.http.on(kDiscoveryUrl, 200, discoveryJson());
  EXPECT_EQ(failureOf([&] { client_.metadata(); }).first, GH_ERROR_UNAVAILABLE) << "within the retry pause";
  EXPECT_EQ(idp_.http.count(kDiscoveryUrl), 1);
  idp_.advanceSeconds(1);
  EXPECT_EQ(client_.metadata().issuer, kIssuer);
  EXPECT_EQ(idp_.http.count(kDiscoveryUrl), 2);
}

TEST_F(ProviderClientTest, ReportsAnHttpErrorAndAnUnusableDocument) {
  idp_.http.on(kDiscoveryUrl, 404, "not found");
  EXPECT_NE(
      failureOf([&] { client_.metadata(); }).second.find("answered HTTP 404 for its discovery document"),
      std::string::npos);
  idp_.advanceSeconds(2);
  idp_.http.on(kDiscoveryUrl, 200,
               R"({"issuer":"https://idp.test","authorization_endpoint":"https://idp.test/a",)"
               R"("token_endpoint":"ftp://idp.test/t","jwks_uri":"https://idp.test/j"})");
  EXPECT_NE(failureOf([&] {
              client_.metadata();
            }).second.find("\"token_endpoint\" that is not an absolute http(s) URL"),
            std::string::npos);
  idp_.advanceSeconds(2);
  idp_.http.on(kDiscoveryUrl, 200, R"({"issuer":"https://idp.test"})");
  EXPECT_NE(failureOf([&] { client_.metadata(); }).second.find("has no \"authorization_endpoint\""),
            std::string::npos);
}

TEST_F(ProviderClientTest, FindsKeysByKid) {
  EXPECT_EQ(client_.keyFor(std::string("rsa-1")).type, KeyType::Rsa);
  EXPECT_EQ(client_.keyFor(std::string("ec-1")).type, KeyType::EcP256);
  EXPECT_EQ(client_.keySetFetches(), 1);
}

TEST_F(ProviderClientTest, PicksUpARotatedKeyOnItsFirstToken) {
  client_.keyFor(std::string("rsa-1"));
  // The IdP rotates: a new key appears, the old one is withdrawn.
  idp_.setKeys(test::jwks({TestKey::sharedRsa("rsa-2").jwk()}));
  idp_.advanceSeconds(11);
  EXPECT_EQ(client_.keyFor(std::string("rsa-2")).kid, "rsa-2");
  EXPECT_EQ(client_.keySetFetches(), 2);
  EXPECT_TRUE(unknownKey("rsa-1")) << "a withdrawn key is no longer trusted once the set was re-read";
}

TEST_F(ProviderClientTest, MadeUpKidsCostTheIdpOneFetchPerInterval) {
  client_.keyFor(std::string("rsa-1"));
  idp_.advanceSeconds(11);
  for (int i = 0; i < 100; ++i) {
    EXPECT_TRUE(unknownKey("bogus-" + std::to_string(i)));
  }
  EXPECT_EQ(client_.keySetFetches(), 2) << "one refetch for the first unknown kid, none for the rest";
  EXPECT_EQ(idp_.http.count(kJwksUrl), 2);
  // A real rotation inside the interval waits for the interval to pass.
  idp_.setKeys(test::jwks({TestKey::sharedRsa().jwk(), TestKey::sharedRsa("rsa-2").jwk()}));
  EXPECT_TRUE(unknownKey("rsa-2"));
  idp_.advanceSeconds(10);
  EXPECT_EQ(client_.keyFor(std::string("rsa-2")).kid, "rsa-2");
  EXPECT_EQ(idp_.http.count(kJwksUrl), 3);
}

TEST_F(ProviderClientTest, ConcurrentUnknownKidsShareOneFetch) {
  client_.keyFor(std::string("rsa-1"));
  idp_.advanceSeconds(11);
  std::vector<std::thread> threads;
  std::atomic<int> unknown{0};
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 20; ++i) {
        unknown += unknownKey("bogus-" + std::to_string(t) + "-" + std::to_string(i)) ? 1 : 0;
      }
    });
  }
  for (std::thread& thread : threads) {
    thread.join();
  }
  EXPECT_EQ(unknown.load(), 160);
  EXPECT_EQ(idp_.http.count(kJwksUrl), 2);
}

TEST_F(ProviderClientTest, RereadsAKeySetOlderThanAnHour) {
  client_.keyFor(std::string("rsa-1"));
  idp_.advanceSeconds(1800);
  client_.keyFor(std::string("rsa-1"));
  EXPECT_EQ(idp_.http.count(kJwksUrl), 1);
  idp_.advanceSeconds(1801);
  client_.keyFor(std::string("rsa-1"));
  EXPECT_EQ(idp_.http.count(kJwksUrl), 2);
}

TEST_F(ProviderClientTest, KeepsKnownKeysWhileTheIdpIsDown) {
  client_.keyFor(std::string("rsa-1"));
  idp_.http.unreachable(kJwksUrl);
  idp_.advanceSeconds(3700); // the set is stale: a re-read is tried and fails
  EXPECT_EQ(client_.keyFor(std::string("rsa-1")).kid, "rsa-1");
  EXPECT_EQ(idp_.http.count(kJwksUrl), 2);
  // An unknown kid might be a fresh key: without the IdP that is an outage, not a bad token.
  idp_.advanceSeconds(11);
  EXPECT_EQ(failureOf([&] { client_.keyFor(std::string("rsa-9")); }).first, GH_ERROR_UNAVAILABLE);
}

TEST_F(ProviderClientTest, AFirstKeyFetchFailureIsAnOutageAndIsRetried) {
  idp_.http.on(kJwksUrl, 500, "oops");
  const auto [status, message] = failureOf([&] { client_.keyFor(std::string("rsa-1")); });
  EXPECT_EQ(status, GH_ERROR_UNAVAILABLE);
  EXPECT_NE(message.find("answered HTTP 500 for its signing keys"), std::string::npos) << message;
  idp_.http.on(kJwksUrl, 200, test::jwks({TestKey::sharedRsa().jwk()}));
  EXPECT_EQ(failureOf([&] { client_.keyFor(std::string("rsa-1")); }).first, GH_ERROR_UNAVAILABLE)
      << "within the retry pause";
  idp_.advanceSeconds(1);
  EXPECT_EQ(client_.keyFor(std::string("rsa-1")).kid, "rsa-1");
}

TEST_F(ProviderClientTest, RefusesAJwksUriThatServesNoKeySet) {
  idp_.http.on(kJwksUrl, 200, R"({"not":"keys"})");
  EXPECT_NE(
      failureOf([&] { client_.keyFor(std::string("rsa-1")); }).second.find("did not answer with a JWK set"),
      std::string::npos);
}

TEST_F(ProviderClientTest, LogsSkippedKeysWithoutKeyMaterial) {
  idp_.setKeys(test::jwks({TestKey::sharedRsa().jwk(), R"({"kty":"oct","kid":"hmac","k":"c2VjcmV0"})"}));
  client_.keyFor(std::string("rsa-1"));
  bool mentioned = false;
  for (const std::string& line : idp_.logLines) {
    mentioned = mentioned || line.find("kid hmac") != std::string::npos;
    EXPECT_EQ(line.find("c2VjcmV0"), std::string::npos) << line;
  }
  EXPECT_TRUE(mentioned);
}

} // namespace
} // namespace gatehouse::plugins::oidc
