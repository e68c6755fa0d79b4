#include <gatehouse/gateway/provider.hpp>

#include <gtest/gtest.h>

#include "fake_provider.hpp"
#include "fake_upstream.hpp"

namespace gatehouse::gateway {
namespace {

class SilentFailingClient final : public UpstreamClient {
public:
  gh_status send(const UpstreamRequest&, std::unique_ptr<UpstreamResponse>&, UpstreamFailure&) override {
    return GH_ERROR_UPSTREAM;
  }
};

TEST(SendUpstreamThrough, UsesTheProvidersClient) {
  auto client = std::make_shared<testing::FakeUpstreamClient>();
  const testing::FakeProvider provider("p", nullptr, client);
  std::unique_ptr<UpstreamResponse> response;
  UpstreamFailure failure;
  EXPECT_EQ(sendUpstreamThrough(provider, UpstreamRequest{"GET", "http://h/", {}, {}}, response, failure),
            GH_OK);
  EXPECT_NE(response, nullptr);
  EXPECT_EQ(client->sentRequests.size(), 1u);
}

TEST(SendUpstreamThrough, WithoutAClientIsUnsupportedAndSaysWhichProvider) {
  const testing::FakeProvider provider("local-vllm");
  std::unique_ptr<UpstreamResponse> response;
  UpstreamFailure failure;
  EXPECT_EQ(sendUpstreamThrough(provider, UpstreamRequest{"GET", "http://h/", {}, {}}, response, failure),
            GH_ERROR_UNSUPPORTED);
  EXPECT_EQ(failure.status, GH_ERROR_UNSUPPORTED);
  EXPECT_EQ(failure.message, "provider 'local-vllm' has no upstream client");
}

TEST(SendUpstreamThrough, AFailureAlwaysCarriesItsStatusAndAMessage) {
  const testing::FakeProvider provider("p", nullptr, std::make_shared<SilentFailingClient>());
  std::unique_ptr<UpstreamResponse> response;
  UpstreamFailure failure;
  EXPECT_EQ(sendUpstreamThrough(provider, UpstreamRequest{"GET", "http://h/", {}, {}}, response, failure),
            GH_ERROR_UPSTREAM);
  EXPECT_EQ(failure.status, GH_ERROR_UPSTREAM);
  EXPECT_NE(failure.message.find("'p'"), std::string::npos);
}

} // namespace
} // namespace gatehouse::gateway
