#include <gatehouse/gateway/credential_failover.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>

#include "fake_provider.hpp"
#include "fake_upstream.hpp"

namespace gatehouse::gateway {
namespace {

std::string headerOf(const testing::FakeUpstreamClient::Sent& sent, std::string_view name) {
  for (const auto& [key, value] : sent.headers) {
    if (key == name) {
      return value;
    }
  }
  return "";
}

TEST(ReplaceCredential, ReplacesTheKeyInHeaderValuesAndTheUrlAndNothingElse) {
  const UpstreamRequest original{
      "POST",
      "https://api.example/v1beta/models/m:generateContent?key=sk-old&alt=sse",
      {{"authorization", "Bearer sk-old"}, {"x-other", "sk-older-not-mine"}, {"accept", "*/*"}},
      {"{\"key\":\"sk-old\"}"}};
  RewrittenRequest rewritten;
  ASSERT_TRUE(replaceCredential(original, {"sk-old"}, "sk-new", rewritten));
  EXPECT_EQ(rewritten.request.url, "https://api.example/v1beta/models/m:generateContent?key=sk-new&alt=sse");
  EXPECT_EQ(rewritten.request.headers[0].second, "Bearer sk-new");
  EXPECT_EQ(rewritten.request.headers[1].second, "sk-newer-not-mine") << "a substring is the key too";
  EXPECT_EQ(rewritten.request.headers[2].second, "*/*");
  EXPECT_EQ(rewritten.request.bodyParts[0], "{\"key\":\"sk-old\"}") << "the body is the client's, not ours";
  EXPECT_EQ(rewritten.request.method, "POST");
}

TEST(ReplaceCredential, ReportsARequestThatCarriesNoEarlierKey) {
  const UpstreamRequest original{"GET", "https://api.example/", {{"authorization", "Bearer sk-else"}}, {}};
  RewrittenRequest rewritten;
  EXPECT_FALSE(replaceCredential(original, {"sk-old"}, "sk-new", rewritten));
}

TEST(ReplaceCredential, ReplacesEveryOccurrenceOnceAndPrefersTheLongestKey) {
  const UpstreamRequest original{"GET", "https://api.example/", {{"x-keys", "ab abc ab"}}, {}};
  RewrittenRequest rewritten;
  // "ab" becomes "abab" and is not searched again; "abc" is matched whole, not as "ab" + "c".
  ASSERT_TRUE(replaceCredential(original, {"ab", "abc"}, "abab", rewritten));
  EXPECT_EQ(rewritten.request.headers[0].second, "abab abab abab");
}

class CredentialFailoverTest : public ::testing::Test {
protected:
  void givePool(std::vector<CredentialPool::Credential> credentials) {
    provider_->setCredentials(std::make_unique<CredentialPool>("acme", std::move(credentials)));
  }

  // Sends a request carrying the lease's key as a bearer token, as the openai plugin does.
  gh_status send(CredentialLease& lease, std::unique_ptr<UpstreamResponse>& response) {
    bearer_ = "Bearer " + std::string(lease.secret());
    const UpstreamRequest request{
        "POST", "https://api.example/v1/chat/completions", {{"authorization", bearer_}}, {"{}"}};
    UpstreamFailure failure;
    return sendWithCredentialFailover(*provider_, lease, request, response, failure);
  }

  // 429 for the keys in `refused`, 200 for the others.
  void refuse(std::vector<std::string> refused, int status = 429) {
    upstream_->statusFor = [refused, status](const testing::FakeUpstreamClient::Sent& sent) {
      for (const auto& key : refused) {
        if (headerOf(sent, "authorization") == "Bearer " + key) {
          return status;
        }
      }
      return 200;
    };
  }

  std::vector<std::string> keysSent() const {
    std::vector<std::string> keys;
    for (const auto& sent : upstream_->sentRequests) {
      keys.push_back(headerOf(sent, "authorization").substr(7));
    }
    return keys;
  }

  std::shared_ptr<testing::FakeUpstreamClient> upstream_ = std::make_shared<testing::FakeUpstreamClient>();
  std::shared_ptr<testing::FakeProvider> provider_ =
      std::make_shared<testing::FakeProvider>("acme", nullptr, upstream_);
  std::string bearer_;
};

TEST_F(CredentialFailoverTest, ARateLimitedKeyHandsTheRequestToTheNext) {
  givePool({{"a", "sk-a", 1}, {"b", "sk-b", 1}});
  refuse({"sk-a"});
  CredentialLease lease(provider_->credentialPool());
  std::unique_ptr<UpstreamResponse> response;
  ASSERT_EQ(send(lease, response), GH_OK);
  EXPECT_EQ(response->status(), 200) << "the plugin sees only the accepted answer";
  EXPECT_EQ(keysSent(), (std::vector<std::string>{"sk-a", "sk-b"}));
  EXPECT_EQ(lease.secret(), "sk-b") << "the exchange now holds the key that worked";
  EXPECT_EQ(lease.name(), "b");
  EXPECT_TRUE(provider_->credentialPool()->resting(0, CredentialPool::nowMs()));
  EXPECT_EQ(*upstream_->destroyed, 1) << "the refusal was discarded";
}

TEST_F(CredentialFailoverTest, ARevokedKeyToo) {
  givePool({{"a", "sk-a", 1}, {"b", "sk-b", 1}});
  refuse({"sk-a"}, 401);
  CredentialLease lease(provider_->credentialPool());
  std::unique_ptr<UpstreamResponse> response;
  ASSERT_EQ(send(lease, response), GH_OK);
  EXPECT_EQ(response->status(), 200);
  EXPECT_EQ(keysSent(), (std::vector<std::string>{"sk-a", "sk-b"}));
}

TEST_F(CredentialFailoverTest, EveryKeyIsTriedOnceThenThePluginGetsTheLastRefusal) {
  givePool({{"a", "sk-a", 1}, {"b", "sk-b", 1}, {"c", "sk-c", 1}});
  refuse({"sk-a", "sk-b", "sk-c"});
  CredentialLease lease(provider_->credentialPool());
  std::unique_ptr<UpstreamResponse> response;
  ASSERT_EQ(send(lease, response), GH_OK);
  EXPECT_EQ(response->status(), 429);
  std::vector<std::string> keys = keysSent();
  std::sort(keys.begin(), keys.end());
  EXPECT_EQ(keys, (std::vector<std::string>{"sk-a", "sk-b", "sk-c"}));
  const std::int64_t now = CredentialPool::nowMs();
  for (std::size_t index = 0; index < 3; ++index) {
    EXPECT_TRUE(provider_->credentialPool()->resting(index, now)) << index;
  }
}

TEST_F(CredentialFailoverTest, AKeyAlreadyRestingIsNotTried) {
  givePool({{"a", "sk-a", 1}, {"b", "sk-b", 1}});
  CredentialLease lease(provider_->credentialPool());
  ASSERT_EQ(lease.secret(), "sk-a");
  provider_->credentialPool()->rest(1, 60'000, 429, CredentialPool::nowMs()); // another request's refusal
  refuse({"sk-a"});
  std::unique_ptr<UpstreamResponse> response;
  ASSERT_EQ(send(lease, response), GH_OK);
  EXPECT_EQ(response->status(), 429);
  EXPECT_EQ(keysSent(), (std::vector<std::string>{"sk-a"}));
}

TEST_F(CredentialFailoverTest, ARequestThatDoesNotCarryTheKeyIsNotSentAgain) {
  givePool({{"a", "sk-a", 1}, {"b", "sk-b", 1}});
  upstream_->responseStatus = 429;
  CredentialLease lease(provider_->credentialPool());
  lease.secret();
  const UpstreamRequest signedRequest{
      "POST", "https://api.example/", {{"authorization", "AWS4 sig=0f0f"}}, {}};
  std::unique_ptr<UpstreamResponse> response;
  UpstreamFailure failure;
  ASSERT_EQ(sendWithCredentialFailover(*provider_, lease, signedRequest, response, failure), GH_OK);
  EXPECT_EQ(response->status(), 429);
  EXPECT_EQ(upstream_->sentRequests.size(), 1u);
  EXPECT_TRUE(provider_->credentialPool()->resting(0, CredentialPool::nowMs()))
      << "the refusal still rests the key";
}

TEST_F(CredentialFailoverTest, WithoutAPoolItIsOneSend) {
  upstream_->responseStatus = 429;
  CredentialLease lease(nullptr);
  const UpstreamRequest request{"POST", "https://api.example/", {{"authorization", "Bearer sk-config"}}, {}};
  std::unique_ptr<UpstreamResponse> response;
  UpstreamFailure failure;
  ASSERT_EQ(sendWithCredentialFailover(*provider_, lease, request, response, failure), GH_OK);
  EXPECT_EQ(response->status(), 429);
  EXPECT_EQ(upstream_->sentRequests.size(), 1u);
}

TEST_F(CredentialFailoverTest, ServerErrorsAndTransportFailuresAreNotRetriedHere) {
  givePool({{"a", "sk-a", 1}, {"b", "sk-b", 1}});
  upstream_->responseStatus = 503;
  CredentialLease lease(provider_->credentialPool());
  std::unique_ptr<UpstreamResponse> response;
  ASSERT_EQ(send(lease, response), GH_OK);
  EXPECT_EQ(response->status(), 503);
  upstream_->failWith = GH_ERROR_UPSTREAM_TIMEOUT;
  response.reset();
  EXPECT_EQ(send(lease, response), GH_ERROR_UPSTREAM_TIMEOUT);
  EXPECT_EQ(keysSent(), (std::vector<std::string>{"sk-a", "sk-a"}));
}

TEST_F(CredentialFailoverTest, ALaterRequestWithTheKeyFromBeforeTheMoveCarriesTheNewOne) {
  givePool({{"a", "sk-a", 1}, {"b", "sk-b", 1}});
  refuse({"sk-a"});
  CredentialLease lease(provider_->credentialPool());
  const std::string keptKey(lease.secret()); // a plugin that read the key once, before sending
  std::unique_ptr<UpstreamResponse> response;
  ASSERT_EQ(send(lease, response), GH_OK);
  const std::string stale = "Bearer " + keptKey;
  const UpstreamRequest nextPage{
      "GET", "https://api.example/v1/models?after=x", {{"authorization", stale}}, {}};
  UpstreamFailure failure;
  response.reset();
  ASSERT_EQ(sendWithCredentialFailover(*provider_, lease, nextPage, response, failure), GH_OK);
  EXPECT_EQ(response->status(), 200);
  EXPECT_EQ(keysSent(), (std::vector<std::string>{"sk-a", "sk-b", "sk-b"}));
}

} // namespace
} // namespace gatehouse::gateway
