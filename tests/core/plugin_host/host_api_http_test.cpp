// http_send (ABI 1.2): a plugin's own HTTP outside any exchange, through its PluginHttp.
// What reaches the client, that the handle is the plugin's until it closes it, how failures
// map, and that no query string or credential survives in a failure message.
#include <gatehouse/common/secret_redactor.hpp>
#include <gatehouse/plugin_host/abi_handles.hpp>
#include <gatehouse/plugin_host/host_api.hpp>

#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <stdexcept>

#include "abi_views.hpp"
#include "fake_upstream_client.hpp"

namespace gatehouse {
namespace {

using host_testing::FakeUpstreamClient;
using host_testing::lit;
using host_testing::SentRequest;
using host_testing::text;

gh_upstream* const kGarbage = reinterpret_cast<gh_upstream*>(std::uintptr_t{0x1234});

class HostApiHttpTest : public ::testing::Test {
protected:
  void SetUp() override {
    secrets::forgetAllForTesting();
    context_.pluginName = "oidc";
    context_.http = std::make_unique<PluginHttp>(UpstreamConfig{}, "plugin 'oidc'",
                                                 [this](const UpstreamConfig& config, std::string label) {
                                                   ++made_;
                                                   madeWith_ = config;
                                                   madeFor_ = std::move(label);
                                                   return client_;
                                                 });
    request_.struct_size = sizeof request_;
    request_.method = lit("GET");
    request_.url = lit("https://idp.test/.well-known/openid-configuration");
    request_.headers = headers_.data();
    request_.header_count = headers_.size();
  }
  void TearDown() override { secrets::forgetAllForTesting(); }

  gh_status send(gh_upstream*& upstream) {
    upstream = kGarbage;
    return api_.http_send(context_.handle(), call_.handle(), &request_, &upstream);
  }

  const gh_host_api& api_ = hostApi();
  std::shared_ptr<FakeUpstreamClient> client_ = std::make_shared<FakeUpstreamClient>();
  int made_ = 0;
  UpstreamConfig madeWith_;
  std::string madeFor_;
  HostContext context_;
  HostCall call_;
  std::array<gh_header, 1> headers_{gh_header{lit("Accept"), lit("application/json")}};
  gh_upstream_request request_{};
};

TEST_F(HostApiHttpTest, SendsThroughThePluginsOwnClientMadeOnFirstUse) {
  EXPECT_EQ(made_, 0);
  EXPECT_FALSE(context_.http->hasClient());
  client_->willRespond(200).body = R"({"issuer":"https://idp.test"})";
  client_->willRespond(200);
  gh_upstream* first = nullptr;
  ASSERT_EQ(send(first), GH_OK) << call_.error;
  gh_upstream* second = nullptr;
  ASSERT_EQ(send(second), GH_OK) << call_.error;
  EXPECT_EQ(made_, 1); // one client for the plugin's whole life
  EXPECT_EQ(madeFor_, "plugin 'oidc'");
  EXPECT_NE(first, second);

  const std::vector<SentRequest> sent = client_->sent();
  ASSERT_EQ(sent.size(), 2u);
  EXPECT_EQ(sent[0].method, "GET");
  EXPECT_EQ(sent[0].url, "https://idp.test/.well-known/openid-configuration");
  EXPECT_EQ(sent[0].headers,
            (std::vector<std::pair<std::string, std::string>>{{"Accept", "application/json"}}));
  EXPECT_TRUE(sent[0].bodyParts.empty());

  // The handle works with every upstream_* call.
  EXPECT_EQ(api_.upstream_status(first), 200);
  HostBuffer body;
  ASSERT_EQ(api_.upstream_read_body(first, call_.handle(), body.handle()), GH_OK);
  EXPECT_EQ(body.data, R"({"issuer":"https://idp.test"})");
  api_.upstream_close(first);
  api_.upstream_close(second);
  EXPECT_EQ(client_->tracker->destroyed, 2);
}

TEST_F(HostApiHttpTest, HandleStaysOpenUntilThePluginClosesIt) {
  client_->willRespond(200);
  gh_upstream* upstream = nullptr;
  ASSERT_EQ(send(upstream), GH_OK);
  // No exchange owns it: nothing closes it when a plugin call returns.
  EXPECT_EQ(context_.http->upstreams().size(), 1u);
  EXPECT_EQ(client_->tracker->destroyed, 0);
  api_.upstream_close(upstream);
  EXPECT_EQ(context_.http->upstreams().size(), 0u);
  EXPECT_EQ(client_->tracker->destroyed, 1);
}

TEST_F(HostApiHttpTest, WhatThePluginLeftOpenGoesWithThePlugin) {
  client_->willRespond(200);
  client_->willRespond(201);
  gh_upstream* upstream = nullptr;
  ASSERT_EQ(send(upstream), GH_OK);
  ASSERT_EQ(send(upstream), GH_OK);
  context_.http.reset(); // the plugin is unloaded
  EXPECT_EQ(client_->tracker->destroyed, 2);
}

TEST_F(HostApiHttpTest, ClientThatCannotBeMadeIsAConfigErrorAndIsRetried) {
  int attempts = 0;
  context_.http = std::make_unique<PluginHttp>(
      UpstreamConfig{}, "plugin 'oidc'", [&](const UpstreamConfig&, std::string label) {
        if (++attempts == 1) {
          throw std::runtime_error(label + ": ca_file /x.pem is unreadable");
        }
        return std::shared_ptr<UpstreamClient>(client_);
      });
  gh_upstream* upstream = nullptr;
  EXPECT_EQ(send(upstream), GH_ERROR_CONFIG);
  EXPECT_EQ(upstream, nullptr);
  EXPECT_EQ(call_.error, "plugin 'oidc': ca_file /x.pem is unreadable");
  // The cause may be fixed meanwhile: the next send tries again.
  client_->willRespond(204);
  ASSERT_EQ(send(upstream), GH_OK) << call_.error;
  EXPECT_EQ(api_.upstream_status(upstream), 204);
  EXPECT_EQ(attempts, 2);
}

TEST_F(HostApiHttpTest, FailureReturnsItsStatusAndExplains) {
  for (const gh_status status :
       {GH_ERROR_UPSTREAM, GH_ERROR_UPSTREAM_TIMEOUT, GH_ERROR_UNAVAILABLE, GH_ERROR_INVALID_ARGUMENT}) {
    client_->willFail(status, "idp.test:443: failure " + std::to_string(status));
    gh_upstream* upstream = nullptr;
    EXPECT_EQ(send(upstream), status);
    EXPECT_EQ(upstream, nullptr);
    EXPECT_EQ(text(api_.call_error(call_.handle())), "idp.test:443: failure " + std::to_string(status));
  }
  EXPECT_EQ(context_.http->upstreams().size(), 0u);
}

TEST_F(HostApiHttpTest, FailureWithoutAMessageStillExplains) {
  client_->willFail(GH_ERROR_UPSTREAM, "");
  gh_upstream* upstream = nullptr;
  EXPECT_EQ(send(upstream), GH_ERROR_UPSTREAM);
  EXPECT_EQ(call_.error, "http_send failed (upstream)");
}

TEST_F(HostApiHttpTest, FailureNeverCarriesTheQueryStringOrACredential) {
  const std::array<gh_header, 2> headers{gh_header{lit("Authorization"), lit("Basic Y2xpZW50OnMzY3IzdA==")},
                                         gh_header{lit("x-goog-api-key"), lit("AIzaSyD-secret-value")}};
  request_.headers = headers.data();
  request_.header_count = headers.size();
  request_.url = lit("https://idp.test/token?client_secret=s3cr3t-value-42&grant=client_credentials");
  // A client that (against its own rules) quoted everything it was given.
  client_->willFail(
      GH_ERROR_UPSTREAM,
      "GET https://idp.test/token?client_secret=s3cr3t-value-42&grant=client_credentials failed; "
      "sent Authorization: Basic Y2xpZW50OnMzY3IzdA== and key AIzaSyD-secret-value; "
      "secret alone: s3cr3t-value-42");
  gh_upstream* upstream = nullptr;
  EXPECT_EQ(send(upstream), GH_ERROR_UPSTREAM);
  const std::string message = call_.error;
  EXPECT_EQ(message.find("s3cr3t"), std::string::npos) << message;
  EXPECT_EQ(message.find("client_credentials"), std::string::npos) << message;
  EXPECT_EQ(message.find("Y2xpZW50OnMzY3IzdA=="), std::string::npos) << message;
  EXPECT_EQ(message.find("AIzaSyD"), std::string::npos) << message;
  EXPECT_NE(message.find("GET https://idp.test/token"), std::string::npos) << message; // the host stays
}

TEST_F(HostApiHttpTest, FailureMasksRememberedSecrets) {
  secrets::remember("proxy-password-77");
  client_->willFail(GH_ERROR_UPSTREAM, "proxy refused proxy-password-77");
  gh_upstream* upstream = nullptr;
  EXPECT_EQ(send(upstream), GH_ERROR_UPSTREAM);
  EXPECT_EQ(call_.error, "proxy refused [REDACTED]");
}

TEST_F(HostApiHttpTest, PluginWithoutHttpIsUnavailable) {
  context_.http.reset();
  gh_upstream* upstream = nullptr;
  EXPECT_EQ(send(upstream), GH_ERROR_UNAVAILABLE);
  EXPECT_EQ(upstream, nullptr);
  EXPECT_NE(call_.error, "");
}

TEST_F(HostApiHttpTest, MalformedRequestIsRefusedBeforeAnythingIsMade) {
  request_.struct_size = sizeof request_ - 1;
  gh_upstream* upstream = nullptr;
  EXPECT_EQ(send(upstream), GH_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(upstream, nullptr);
  request_.struct_size = sizeof request_;
  request_.headers = nullptr; // with header_count 1
  EXPECT_EQ(send(upstream), GH_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(made_, 0);
  EXPECT_TRUE(client_->sent().empty());
}

TEST_F(HostApiHttpTest, NullArgumentsAreRefused) {
  gh_upstream* upstream = kGarbage;
  EXPECT_EQ(api_.http_send(nullptr, call_.handle(), &request_, &upstream), GH_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(upstream, nullptr);
  upstream = kGarbage;
  EXPECT_EQ(api_.http_send(context_.handle(), call_.handle(), nullptr, &upstream), GH_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(upstream, nullptr);
  EXPECT_EQ(api_.http_send(context_.handle(), call_.handle(), &request_, nullptr), GH_ERROR_INVALID_ARGUMENT);
  client_->willFail(GH_ERROR_UPSTREAM, "idp.test: refused");
  EXPECT_EQ(api_.http_send(context_.handle(), nullptr, &request_, &upstream), GH_ERROR_UPSTREAM); // no call
}

} // namespace
} // namespace gatehouse
