// Host::send (ABI 1.2 http_send) over the FakeHost's scripted HTTP: the same request and
// Upstream types as Exchange::send, outside of any exchange, and the Upstream closes the
// handle itself because here the host never does.
#include <gatehouse/sdk/detail/guard.hpp>
#include <gatehouse/sdk/host.hpp>
#include <gatehouse/testing/fake_host.hpp>

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace {

namespace sdk = gatehouse::sdk;
using gatehouse::testing::FakeCall;
using gatehouse::testing::FakeHost;
using gatehouse::testing::FakeUpstreamResponse;

class SdkHostSend : public ::testing::Test {
protected:
  static sdk::UpstreamRequest discovery() {
    sdk::UpstreamRequest request;
    request.method = "GET";
    request.url = "https://idp.test/.well-known/openid-configuration";
    request.headers = {{"Accept", "application/json"}};
    return request;
  }

  FakeHost fake_;
  sdk::Host host_{FakeHost::api(), fake_.handle()};
  FakeCall call_;
  sdk::detail::CurrentCallScope scope_{call_.handle()};
  long buffersBefore_ = FakeHost::liveBufferCount();
};

TEST_F(SdkHostSend, SendsTheRequestAndReadsTheAnswer) {
  fake_.http().respond(
      FakeUpstreamResponse::body(200, R"({"issuer":"https://idp.test"})").header("ETag", "v1"));
  {
    sdk::Upstream upstream = host_.send(discovery());
    EXPECT_EQ(upstream.status(), 200);
    EXPECT_EQ(upstream.header("etag"), "v1");
    EXPECT_EQ(upstream.readBody(), R"({"issuer":"https://idp.test"})");
    EXPECT_EQ(fake_.http().leftOpen(), 1u); // open while the Upstream lives
  }
  EXPECT_EQ(fake_.http().leftOpen(), 0u);
  EXPECT_EQ(fake_.http().closedByHost(), 0u); // closed by the plugin, as the ABI demands
  EXPECT_TRUE(fake_.http().opened().at(0)->fullyRead());
  const auto& sent = fake_.http().requests().at(0);
  EXPECT_EQ(sent.method, "GET");
  EXPECT_EQ(sent.url, "https://idp.test/.well-known/openid-configuration");
  EXPECT_EQ(sent.headers, (std::vector<std::pair<std::string, std::string>>{{"Accept", "application/json"}}));
  EXPECT_TRUE(sent.bodyParts.empty());
  EXPECT_TRUE(fake_.http().misuses().empty());
  EXPECT_EQ(FakeHost::liveBufferCount(), buffersBefore_);
}

TEST_F(SdkHostSend, APostCarriesItsBody) {
  fake_.http().respond(FakeUpstreamResponse::body(200, R"({"access_token":"t"})"));
  sdk::UpstreamRequest token;
  token.url = "https://idp.test/token";
  token.headers = {{"Content-Type", "application/x-www-form-urlencoded"}};
  token.body = "grant_type=authorization_code&code=abc";
  EXPECT_EQ(host_.send(token).readBody(), R"({"access_token":"t"})");
  EXPECT_EQ(fake_.http().requests().at(0).body, "grant_type=authorization_code&code=abc");
}

TEST_F(SdkHostSend, AnHttpErrorIsAResponseNotAnException) {
  fake_.http().respond(FakeUpstreamResponse::body(503, "busy", "text/plain"));
  sdk::Upstream upstream = host_.send(discovery());
  EXPECT_EQ(upstream.status(), 503);
  EXPECT_EQ(upstream.readBody(), "busy");
}

TEST_F(SdkHostSend, NoResponseThrowsTheHostsStatusAndMessage) {
  fake_.http().respond(FakeUpstreamResponse::sendFailure(GH_ERROR_UPSTREAM_TIMEOUT, "idp.test: timed out"));
  try {
    host_.send(discovery());
    FAIL() << "no error";
  } catch (const sdk::Error& error) {
    EXPECT_EQ(error.status(), GH_ERROR_UPSTREAM_TIMEOUT);
    EXPECT_EQ(std::string(error.what()), "idp.test: timed out");
  }
  EXPECT_EQ(fake_.http().leftOpen(), 0u);
}

TEST_F(SdkHostSend, AMalformedRequestIsRefusedByTheHost) {
  sdk::UpstreamRequest relative = discovery();
  relative.url = "/.well-known/openid-configuration";
  try {
    host_.send(relative);
    FAIL() << "no error";
  } catch (const sdk::Error& error) {
    EXPECT_EQ(error.status(), GH_ERROR_INVALID_ARGUMENT);
  }
  EXPECT_EQ(fake_.http().misuses().size(), 1u);
}

TEST_F(SdkHostSend, ItIsNotTheExchangesUpstream) {
  gatehouse::testing::FakeExchange exchange;
  exchange.upstream().respond(FakeUpstreamResponse::body(200, "exchange"));
  fake_.http().respond(FakeUpstreamResponse::body(200, "host"));
  EXPECT_EQ(host_.send(discovery()).readBody(), "host");
  EXPECT_TRUE(exchange.upstream().requests().empty());
}

TEST_F(SdkHostSend, AHostTableWithoutTheSlotIsRefused) {
  gh_host_api shortTable = FakeHost::api();
  shortTable.struct_size = offsetof(gh_host_api, http_send);
  EXPECT_THROW(sdk::Host(shortTable, fake_.handle()).send(discovery()), sdk::Error);
  EXPECT_TRUE(fake_.http().requests().empty());
}

} // namespace
