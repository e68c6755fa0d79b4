// The upstream_* host functions (ABI 1.1): what reaches the Exchange, the handle a plugin
// gets back, how reads and failures map, and that malformed arguments never crash.
#include <gatehouse/common/secret_redactor.hpp>
#include <gatehouse/plugin_host/abi_handles.hpp>
#include <gatehouse/plugin_host/host_api.hpp>

#include <gtest/gtest.h>

#include <array>
#include <cstdint>

#include "abi_views.hpp"
#include "fake_exchange.hpp"

namespace gatehouse {
namespace {

using host_testing::FakeExchange;
using host_testing::FakeUpstreamResponse;
using host_testing::kBroken;
using host_testing::lit;
using host_testing::ScriptedEvent;
using host_testing::SentRequest;
using host_testing::text;

// A gh_upstream* value no host ever hands out, to see out-params overwritten.
gh_upstream* const kGarbage = reinterpret_cast<gh_upstream*>(std::uintptr_t{0x1234});

class HostApiUpstreamTest : public ::testing::Test {
protected:
  void SetUp() override {
    secrets::forgetAllForTesting();
    request_.struct_size = sizeof request_;
    request_.method = lit("POST");
    request_.url = lit("https://api.example.com/v1/chat/completions");
    request_.headers = headers_.data();
    request_.header_count = headers_.size();
    request_.body_parts = parts_.data();
    request_.body_part_count = parts_.size();
  }
  void TearDown() override { secrets::forgetAllForTesting(); }

  // Sends request_ and expects a handle.
  gh_upstream* send() {
    gh_upstream* upstream = kGarbage;
    EXPECT_EQ(api_.upstream_send(exchange_handle_, call_.handle(), &request_, &upstream), GH_OK)
        << call_.error;
    EXPECT_NE(upstream, nullptr);
    return upstream;
  }
  // Sends request_, which must be refused as malformed before it reaches the exchange.
  void expectRefused(const char* why) {
    gh_upstream* upstream = kGarbage;
    EXPECT_EQ(api_.upstream_send(exchange_handle_, call_.handle(), &request_, &upstream),
              GH_ERROR_INVALID_ARGUMENT)
        << why;
    EXPECT_EQ(upstream, nullptr) << why;
    EXPECT_NE(call_.error, "") << why;
    EXPECT_TRUE(exchange_.sent.empty()) << why;
    EXPECT_EQ(exchange_.upstreams.size(), 0u) << why;
  }

  const gh_host_api& api_ = hostApi();
  FakeExchange exchange_;
  gh_exchange* exchange_handle_ = toHandle(exchange_);
  HostCall call_;
  HostBuffer buffer_;
  std::array<gh_header, 2> headers_{gh_header{lit("Authorization"), lit("Bearer sk-test")},
                                    gh_header{lit("Content-Type"), lit("application/json")}};
  std::array<gh_str, 2> parts_{lit(R"({"model":"m",)"), lit(R"("messages":[]})")};
  gh_upstream_request request_{};
};

// --- upstream_send -------------------------------------------------------------------

TEST_F(HostApiUpstreamTest, SendPassesTheRequestAsDescribed) {
  exchange_.willRespond(200);
  send();
  ASSERT_EQ(exchange_.sent.size(), 1u);
  const SentRequest& sent = exchange_.sent[0];
  EXPECT_EQ(sent.method, "POST");
  EXPECT_EQ(sent.url, "https://api.example.com/v1/chat/completions");
  EXPECT_EQ(sent.headers, (std::vector<std::pair<std::string, std::string>>{
                              {"Authorization", "Bearer sk-test"}, {"Content-Type", "application/json"}}));
  EXPECT_EQ(sent.bodyParts, (std::vector<std::string>{R"({"model":"m",)", R"("messages":[]})"}));
}

TEST_F(HostApiUpstreamTest, SendWithoutHeadersOrBodyIsFine) {
  request_.method = lit("GET");
  request_.headers = nullptr;
  request_.header_count = 0;
  request_.body_parts = nullptr;
  request_.body_part_count = 0;
  exchange_.willRespond(200);
  send();
  ASSERT_EQ(exchange_.sent.size(), 1u);
  EXPECT_TRUE(exchange_.sent[0].headers.empty());
  EXPECT_TRUE(exchange_.sent[0].bodyParts.empty());
}

TEST_F(HostApiUpstreamTest, SendAdoptsTheResponseBehindTheHandle) {
  FakeUpstreamResponse& scripted = exchange_.willRespond(429);
  scripted.headers = {{"Retry-After", "7"}, {"x-ratelimit-remaining", "0"}, {"retry-after", "second"}};
  gh_upstream* upstream = send();
  EXPECT_EQ(exchange_.upstreams.size(), 1u);
  EXPECT_EQ(api_.upstream_status(upstream), 429); // an HTTP error is a response, not a failure
  EXPECT_EQ(text(api_.upstream_header(upstream, lit("retry-after"))), "7"); // first one, any case
  EXPECT_EQ(text(api_.upstream_header(upstream, lit("X-RateLimit-Remaining"))), "0");
  EXPECT_EQ(api_.upstream_header(upstream, lit("absent")).len, 0u);
  EXPECT_EQ(call_.error, "");
}

TEST_F(HostApiUpstreamTest, SeveralUpstreamsAreOpenAtOnceWithDistinctHandles) {
  exchange_.willRespond(200);
  exchange_.willRespond(201);
  gh_upstream* first = send();
  gh_upstream* second = send();
  EXPECT_NE(first, second);
  EXPECT_EQ(api_.upstream_status(first), 200);
  EXPECT_EQ(api_.upstream_status(second), 201);
  EXPECT_EQ(exchange_.upstreams.size(), 2u);
}

TEST_F(HostApiUpstreamTest, SendFailureReturnsItsStatusAndExplainsOnTheCall) {
  for (const gh_status status : {GH_ERROR_UPSTREAM, GH_ERROR_UPSTREAM_TIMEOUT, GH_ERROR_UNAVAILABLE,
                                 GH_ERROR_CANCELLED, GH_ERROR_INVALID_ARGUMENT}) {
    const std::string message = "api.example.com: failure " + std::to_string(status);
    exchange_.willFail(status, message);
    gh_upstream* upstream = kGarbage;
    EXPECT_EQ(api_.upstream_send(exchange_handle_, call_.handle(), &request_, &upstream), status);
    EXPECT_EQ(upstream, nullptr);
    EXPECT_EQ(text(api_.call_error(call_.handle())), message);
  }
  EXPECT_EQ(exchange_.upstreams.size(), 0u);
  EXPECT_EQ(exchange_.sent.size(), 5u);
}

TEST_F(HostApiUpstreamTest, SendFailureMessageHasRememberedSecretsMasked) {
  secrets::remember("sk-proxy-password-42");
  exchange_.willFail(GH_ERROR_UPSTREAM, "proxy refused user:sk-proxy-password-42");
  gh_upstream* upstream = nullptr;
  EXPECT_EQ(api_.upstream_send(exchange_handle_, call_.handle(), &request_, &upstream), GH_ERROR_UPSTREAM);
  EXPECT_EQ(text(api_.call_error(call_.handle())), "proxy refused user:[REDACTED]");
}

TEST_F(HostApiUpstreamTest, SendWithoutACallStillFailsCleanly) {
  exchange_.willFail(GH_ERROR_UPSTREAM_TIMEOUT, "api.example.com: no answer in 30 s");
  gh_upstream* upstream = kGarbage;
  EXPECT_EQ(api_.upstream_send(exchange_handle_, nullptr, &request_, &upstream), GH_ERROR_UPSTREAM_TIMEOUT);
  EXPECT_EQ(upstream, nullptr);
}

TEST_F(HostApiUpstreamTest, ExchangeReturningOkWithoutAResponseIsAnInternalError) {
  exchange_.willReturnNoResponse();
  gh_upstream* upstream = kGarbage;
  EXPECT_EQ(api_.upstream_send(exchange_handle_, call_.handle(), &request_, &upstream), GH_ERROR_INTERNAL);
  EXPECT_EQ(upstream, nullptr);
  EXPECT_NE(call_.error, "");
  EXPECT_EQ(exchange_.upstreams.size(), 0u);
}

TEST_F(HostApiUpstreamTest, ExceptionFromTheExchangeBecomesInternalWithAMessage) {
  exchange_.throwEverywhere = true;
  gh_upstream* upstream = kGarbage;
  EXPECT_EQ(api_.upstream_send(exchange_handle_, call_.handle(), &request_, &upstream), GH_ERROR_INTERNAL);
  EXPECT_EQ(upstream, nullptr);
  EXPECT_EQ(call_.error, "upstream_send: internal error in the host");
}

TEST_F(HostApiUpstreamTest, SendRefusesNullArguments) {
  gh_upstream* upstream = kGarbage;
  EXPECT_EQ(api_.upstream_send(nullptr, call_.handle(), &request_, &upstream), GH_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(upstream, nullptr);
  EXPECT_NE(call_.error, "");
  upstream = kGarbage;
  EXPECT_EQ(api_.upstream_send(exchange_handle_, call_.handle(), nullptr, &upstream),
            GH_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(upstream, nullptr);
  EXPECT_EQ(api_.upstream_send(exchange_handle_, call_.handle(), &request_, nullptr),
            GH_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(api_.upstream_send(nullptr, nullptr, nullptr, nullptr), GH_ERROR_INVALID_ARGUMENT);
  EXPECT_TRUE(exchange_.sent.empty());
}

TEST_F(HostApiUpstreamTest, SendRefusesAStructSmallerThanItsOwn) {
  request_.struct_size = sizeof request_ - 1;
  expectRefused("struct_size one byte short");
  request_.struct_size = 0;
  expectRefused("struct_size 0");
}

TEST_F(HostApiUpstreamTest, SendRefusesBrokenViews) {
  request_.method = kBroken;
  expectRefused("NULL method with a length");
  request_.method = lit("POST");
  request_.url = kBroken;
  expectRefused("NULL url with a length");
}

TEST_F(HostApiUpstreamTest, SendRefusesNullArraysWithCounts) {
  request_.headers = nullptr;
  expectRefused("NULL headers, count 2");
  request_.headers = headers_.data();
  request_.body_parts = nullptr;
  expectRefused("NULL body parts, count 2");
}

TEST_F(HostApiUpstreamTest, SendRefusesBrokenHeadersAndBodyParts) {
  headers_[1].name = kBroken;
  expectRefused("header name");
  headers_[1].name = lit("Content-Type");
  headers_[1].value = kBroken;
  expectRefused("header value");
  headers_[1].value = lit("application/json");
  parts_[1] = kBroken;
  expectRefused("body part");
}

// --- reads -----------------------------------------------------------------------------

TEST_F(HostApiUpstreamTest, ReadBodyAppendsTheWholeBody) {
  exchange_.willRespond(200).body = R"({"id":"chatcmpl-1"})";
  gh_upstream* upstream = send();
  buffer_.data = "kept:";
  ASSERT_EQ(api_.upstream_read_body(upstream, call_.handle(), buffer_.handle()), GH_OK);
  EXPECT_EQ(buffer_.data, R"(kept:{"id":"chatcmpl-1"})");
}

TEST_F(HostApiUpstreamTest, ReadChunkAppendsSuccessiveChunksThenNothingAtTheEnd) {
  FakeUpstreamResponse& scripted = exchange_.willRespond(200);
  scripted.body = "0123456789";
  scripted.chunkSize = 4;
  gh_upstream* upstream = send();
  std::vector<std::string> chunks;
  for (int i = 0; i < 10; ++i) {
    api_.buffer_clear(buffer_.handle());
    ASSERT_EQ(api_.upstream_read_chunk(upstream, call_.handle(), buffer_.handle()), GH_OK);
    if (buffer_.data.empty()) {
      break;
    }
    chunks.push_back(buffer_.data);
  }
  EXPECT_EQ(chunks, (std::vector<std::string>{"0123", "4567", "89"}));
}

TEST_F(HostApiUpstreamTest, NextEventFillsTheStructThenReportsTheEnd) {
  FakeUpstreamResponse& scripted = exchange_.willRespond(200);
  scripted.events = {ScriptedEvent{"message_start", R"({"type":"message_start"})", "1"},
                     ScriptedEvent{"", "line one\nline two", ""}};
  gh_upstream* upstream = send();
  gh_sse_event event{};
  event.struct_size = sizeof event;

  ASSERT_EQ(api_.upstream_next_event(upstream, call_.handle(), &event), GH_OK);
  EXPECT_EQ(event.end, 0);
  EXPECT_EQ(text(event.event), "message_start");
  EXPECT_EQ(text(event.data), R"({"type":"message_start"})");
  EXPECT_EQ(text(event.id), "1");

  ASSERT_EQ(api_.upstream_next_event(upstream, call_.handle(), &event), GH_OK);
  EXPECT_EQ(event.end, 0);
  EXPECT_EQ(event.event.len, 0u);
  EXPECT_EQ(text(event.data), "line one\nline two");
  EXPECT_EQ(event.id.len, 0u);

  ASSERT_EQ(api_.upstream_next_event(upstream, call_.handle(), &event), GH_OK);
  EXPECT_EQ(event.end, 1);
  EXPECT_EQ(event.data.len, 0u);
}

TEST_F(HostApiUpstreamTest, ReadFailuresReturnTheirStatusAndExplainOnTheCall) {
  for (const gh_status status : {GH_ERROR_UPSTREAM, GH_ERROR_UPSTREAM_TIMEOUT, GH_ERROR_CANCELLED}) {
    FakeUpstreamResponse& scripted = exchange_.willRespond(200);
    const std::string message = "api.example.com: read failure " + std::to_string(status);
    scripted.readFailure = UpstreamFailure{status, message};
    gh_upstream* upstream = send();
    gh_sse_event event{};
    event.struct_size = sizeof event;

    call_.error.clear();
    EXPECT_EQ(api_.upstream_read_body(upstream, call_.handle(), buffer_.handle()), status);
    EXPECT_EQ(text(api_.call_error(call_.handle())), message);
    call_.error.clear();
    EXPECT_EQ(api_.upstream_read_chunk(upstream, call_.handle(), buffer_.handle()), status);
    EXPECT_EQ(call_.error, message);
    call_.error.clear();
    EXPECT_EQ(api_.upstream_next_event(upstream, call_.handle(), &event), status);
    EXPECT_EQ(call_.error, message);
    api_.upstream_close(upstream);
  }
}

TEST_F(HostApiUpstreamTest, ReadFailureMessageHasRememberedSecretsMasked) {
  secrets::remember("AIzaSyD-secret-google-key");
  exchange_.willRespond(200).readFailure = UpstreamFailure{
      GH_ERROR_UPSTREAM, "generativelanguage.googleapis.com reset: key=AIzaSyD-secret-google-key"};
  gh_upstream* upstream = send();
  EXPECT_EQ(api_.upstream_read_body(upstream, call_.handle(), buffer_.handle()), GH_ERROR_UPSTREAM);
  EXPECT_EQ(call_.error, "generativelanguage.googleapis.com reset: key=[REDACTED]");
}

TEST_F(HostApiUpstreamTest, ExceptionsFromReadsBecomeInternalWithAMessage) {
  exchange_.willRespond(200).throwOnRead = true;
  gh_upstream* upstream = send();
  gh_sse_event event{};
  event.struct_size = sizeof event;
  EXPECT_EQ(api_.upstream_read_body(upstream, call_.handle(), buffer_.handle()), GH_ERROR_INTERNAL);
  EXPECT_EQ(call_.error, "upstream read: internal error in the host");
  EXPECT_EQ(api_.upstream_read_chunk(upstream, call_.handle(), buffer_.handle()), GH_ERROR_INTERNAL);
  EXPECT_EQ(api_.upstream_next_event(upstream, call_.handle(), &event), GH_ERROR_INTERNAL);
}

TEST_F(HostApiUpstreamTest, ReadsRefuseNullUpstreamsAndOutputs) {
  exchange_.willRespond(200).body = "untouched";
  gh_upstream* upstream = send();
  gh_sse_event event{};
  event.struct_size = sizeof event;
  const auto refused = [&](gh_status status) {
    const bool explained = !call_.error.empty();
    call_.error.clear();
    return status == GH_ERROR_INVALID_ARGUMENT && explained;
  };
  EXPECT_TRUE(refused(api_.upstream_read_body(nullptr, call_.handle(), buffer_.handle())));
  EXPECT_TRUE(refused(api_.upstream_read_body(upstream, call_.handle(), nullptr)));
  EXPECT_TRUE(refused(api_.upstream_read_chunk(nullptr, call_.handle(), buffer_.handle())));
  EXPECT_TRUE(refused(api_.upstream_read_chunk(upstream, call_.handle(), nullptr)));
  EXPECT_TRUE(refused(api_.upstream_next_event(nullptr, call_.handle(), &event)));
  EXPECT_TRUE(refused(api_.upstream_next_event(upstream, call_.handle(), nullptr)));
  EXPECT_EQ(api_.upstream_read_body(nullptr, nullptr, nullptr), GH_ERROR_INVALID_ARGUMENT);
  // None of that consumed the body.
  ASSERT_EQ(api_.upstream_read_body(upstream, call_.handle(), buffer_.handle()), GH_OK);
  EXPECT_EQ(buffer_.data, "untouched");
}

TEST_F(HostApiUpstreamTest, NextEventRefusesAnEventStructSmallerThanItsOwn) {
  exchange_.willRespond(200).events = {ScriptedEvent{"", "kept for later", ""}};
  gh_upstream* upstream = send();
  gh_sse_event event{};
  event.struct_size = sizeof event - 1;
  EXPECT_EQ(api_.upstream_next_event(upstream, call_.handle(), &event), GH_ERROR_INVALID_ARGUMENT);
  EXPECT_NE(call_.error, "");
  event.struct_size = sizeof event;
  ASSERT_EQ(api_.upstream_next_event(upstream, call_.handle(), &event), GH_OK);
  EXPECT_EQ(text(event.data), "kept for later"); // the refused call read nothing
}

TEST_F(HostApiUpstreamTest, StatusAndHeaderTolerateNulls) {
  exchange_.willRespond(200).headers = {{"content-type", "application/json"}};
  gh_upstream* upstream = send();
  EXPECT_EQ(api_.upstream_status(nullptr), 0);
  EXPECT_EQ(api_.upstream_header(nullptr, lit("content-type")).len, 0u);
  EXPECT_EQ(api_.upstream_header(upstream, kBroken).len, 0u);
  EXPECT_EQ(api_.upstream_header(upstream, gh_str{nullptr, 0}).len, 0u);
}

// --- upstream_close ----------------------------------------------------------------------

TEST_F(HostApiUpstreamTest, CloseDestroysJustThatResponse) {
  exchange_.willRespond(200);
  exchange_.willRespond(202);
  gh_upstream* first = send();
  gh_upstream* second = send();
  api_.upstream_close(first);
  EXPECT_EQ(exchange_.tracker->destroyed, 1);
  EXPECT_EQ(exchange_.upstreams.size(), 1u);
  EXPECT_EQ(api_.upstream_status(second), 202);
  api_.upstream_close(second);
  EXPECT_EQ(exchange_.tracker->destroyed, 2);
  EXPECT_EQ(exchange_.upstreams.size(), 0u);
}

TEST_F(HostApiUpstreamTest, CloseOfNullIsANoOp) {
  exchange_.willRespond(200);
  send();
  api_.upstream_close(nullptr);
  EXPECT_EQ(exchange_.upstreams.size(), 1u);
  EXPECT_EQ(exchange_.tracker->destroyed, 0);
}

TEST_F(HostApiUpstreamTest, WhatThePluginLeftOpenIsClosedByCloseAll) {
  exchange_.willRespond(200);
  exchange_.willRespond(200);
  send();
  send();
  exchange_.upstreams.closeAll();
  EXPECT_EQ(exchange_.tracker->destroyed, 2);
  EXPECT_EQ(exchange_.upstreams.size(), 0u);
}

} // namespace
} // namespace gatehouse
