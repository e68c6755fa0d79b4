#include <gatehouse/common/log.hpp>
#include <gatehouse/common/secret_redactor.hpp>
#include <gatehouse/plugin_host/abi_handles.hpp>
#include <gatehouse/plugin_host/host_api.hpp>

#include <gtest/gtest.h>

#include <cstddef>
#include <cstring>
#include <iterator>

#include "abi_views.hpp"
#include "fake_client_request.hpp"
#include "fake_exchange.hpp"
#include "stderr_capture.hpp"
#include "test_environment.hpp"

namespace gatehouse {
namespace {

using host_testing::FakeClientRequest;
using host_testing::FakeExchange;
using host_testing::kBroken;
using host_testing::lit;
using host_testing::StderrCapture;
using host_testing::text;

class HostApiTest : public ::testing::Test {
protected:
  void SetUp() override {
    context_.pluginName = "tester";
    context_.configJson = R"({"a":1})";
    context_.logComponent = "plugin:tester";
    log::setLevel(log::Level::Info);
  }
  void TearDown() override { log::setLevel(log::Level::Info); }

  const gh_host_api& api_ = hostApi();
  HostContext context_;
  HostCall call_;
  HostBuffer buffer_;
  FakeExchange exchange_;
  FakeClientRequest request_;
};

TEST_F(HostApiTest, TableDeclaresItsSizeAndVersion) {
  EXPECT_EQ(api_.struct_size, sizeof(gh_host_api));
  EXPECT_EQ(api_.abi_major, GH_ABI_VERSION_MAJOR);
  EXPECT_EQ(api_.abi_minor, GH_ABI_VERSION_MINOR);
}

TEST_F(HostApiTest, EveryFunctionIsImplemented) {
  const void* slots[] = {
      reinterpret_cast<const void*>(api_.log),
      reinterpret_cast<const void*>(api_.log_enabled),
      reinterpret_cast<const void*>(api_.set_error),
      reinterpret_cast<const void*>(api_.plugin_config),
      reinterpret_cast<const void*>(api_.plugin_name),
      reinterpret_cast<const void*>(api_.resolve_secret),
      reinterpret_cast<const void*>(api_.buffer_append),
      reinterpret_cast<const void*>(api_.buffer_view),
      reinterpret_cast<const void*>(api_.buffer_create),
      reinterpret_cast<const void*>(api_.buffer_destroy),
      reinterpret_cast<const void*>(api_.exchange_endpoint),
      reinterpret_cast<const void*>(api_.exchange_request_body),
      reinterpret_cast<const void*>(api_.exchange_model),
      reinterpret_cast<const void*>(api_.exchange_upstream_model),
      reinterpret_cast<const void*>(api_.exchange_wants_stream),
      reinterpret_cast<const void*>(api_.exchange_request_id),
      reinterpret_cast<const void*>(api_.exchange_respond),
      reinterpret_cast<const void*>(api_.exchange_stream_event),
      reinterpret_cast<const void*>(api_.exchange_report_usage),
      reinterpret_cast<const void*>(api_.request_header),
      reinterpret_cast<const void*>(api_.request_method),
      reinterpret_cast<const void*>(api_.request_path),
      reinterpret_cast<const void*>(api_.request_client_address),
      // 1.1
      reinterpret_cast<const void*>(api_.exchange_request_header),
      reinterpret_cast<const void*>(api_.exchange_form_field),
      reinterpret_cast<const void*>(api_.exchange_stream_begin),
      reinterpret_cast<const void*>(api_.exchange_stream_write),
      reinterpret_cast<const void*>(api_.upstream_send),
      reinterpret_cast<const void*>(api_.upstream_status),
      reinterpret_cast<const void*>(api_.upstream_header),
      reinterpret_cast<const void*>(api_.upstream_read_body),
      reinterpret_cast<const void*>(api_.upstream_next_event),
      reinterpret_cast<const void*>(api_.upstream_read_chunk),
      reinterpret_cast<const void*>(api_.upstream_close),
      reinterpret_cast<const void*>(api_.call_error),
      reinterpret_cast<const void*>(api_.buffer_clear),
      // 1.2
      reinterpret_cast<const void*>(api_.credential_find),
      reinterpret_cast<const void*>(api_.identity_resolve),
      reinterpret_cast<const void*>(api_.http_send),
      // 1.3
      reinterpret_cast<const void*>(api_.exchange_credential),
  };
  // Every slot after the 8-byte header is listed above.
  EXPECT_EQ(sizeof slots, sizeof(gh_host_api) - offsetof(gh_host_api, log));
  for (std::size_t i = 0; i < std::size(slots); ++i) {
    EXPECT_NE(slots[i], nullptr) << "slot " << i;
  }
}

TEST_F(HostApiTest, LogWritesOneLineUnderThePluginsComponent) {
  StderrCapture capture;
  api_.log(context_.handle(), GH_LOG_WARN, lit("disk nearly full"));
  const std::string output = capture.finish();
  EXPECT_NE(output.find(" warn plugin:tester: disk nearly full\n"), std::string::npos) << output;
}

TEST_F(HostApiTest, LogKeepsAPluginMessageOnOneLine) {
  StderrCapture capture;
  api_.log(context_.handle(), GH_LOG_ERROR, lit("first\n2026-01-01T00:00:00Z error core: forged\r"));
  const std::string output = capture.finish();
  EXPECT_NE(output.find("plugin:tester: first\\n2026-01-01T00:00:00Z error core: forged\\r\n"),
            std::string::npos)
      << output;
  EXPECT_EQ(output.find('\n'), output.size() - 1) << output;
}

TEST_F(HostApiTest, LogRespectsTheLevel) {
  log::setLevel(log::Level::Warn);
  StderrCapture capture;
  api_.log(context_.handle(), GH_LOG_INFO, lit("chatty"));
  EXPECT_EQ(capture.finish(), "");
  EXPECT_EQ(api_.log_enabled(context_.handle(), GH_LOG_INFO), 0);
  EXPECT_EQ(api_.log_enabled(context_.handle(), GH_LOG_WARN), 1);
  EXPECT_EQ(api_.log_enabled(nullptr, GH_LOG_ERROR), 1);
}

TEST_F(HostApiTest, LogClampsUnknownLevelsAndToleratesNulls) {
  StderrCapture capture;
  api_.log(context_.handle(), 99, lit("too high"));
  api_.log(nullptr, GH_LOG_ERROR, lit("no host"));
  api_.log(context_.handle(), GH_LOG_ERROR, kBroken);
  const std::string output = capture.finish();
  EXPECT_NE(output.find(" error plugin:tester: too high\n"), std::string::npos) << output;
  EXPECT_NE(output.find(" error plugin:?: no host\n"), std::string::npos) << output;
  EXPECT_NE(output.find(" error plugin:tester: \n"), std::string::npos) << output;
}

TEST_F(HostApiTest, SetErrorCopiesAndLastCallWins) {
  std::string message = "first";
  api_.set_error(call_.handle(), lit(message.c_str()));
  message.assign("XXXXX");
  EXPECT_EQ(call_.error, "first");
  api_.set_error(call_.handle(), lit("second"));
  EXPECT_EQ(call_.error, "second");
}

TEST_F(HostApiTest, SetErrorToleratesNulls) {
  api_.set_error(nullptr, lit("lost"));
  api_.set_error(call_.handle(), kBroken);
  EXPECT_EQ(call_.error, "");
}

TEST_F(HostApiTest, CallErrorReadsBackTheLastMessageSet) {
  EXPECT_EQ(api_.call_error(call_.handle()).len, 0u); // none yet
  api_.set_error(call_.handle(), lit("first"));
  api_.set_error(call_.handle(), lit("second"));
  EXPECT_EQ(text(api_.call_error(call_.handle())), "second");
  EXPECT_EQ(api_.call_error(nullptr).len, 0u);
  EXPECT_EQ(api_.call_error(nullptr).ptr, nullptr);
}

TEST_F(HostApiTest, SetErrorMasksARememberedSecret) {
  secrets::forgetAllForTesting();
  secrets::remember("sk-upstream-echoed-1234");
  api_.set_error(call_.handle(), lit("upstream said: invalid key sk-upstream-echoed-1234 (twice: "
                                     "sk-upstream-echoed-1234)"));
  secrets::forgetAllForTesting();
  EXPECT_EQ(call_.error, "upstream said: invalid key [REDACTED] (twice: [REDACTED])");
  EXPECT_EQ(text(api_.call_error(call_.handle())), call_.error);
}

TEST_F(HostApiTest, BufferClearEmptiesAndZeroesButKeepsTheMemory) {
  gh_buffer* created = api_.buffer_create(context_.handle());
  ASSERT_NE(created, nullptr);
  api_.buffer_append(created, lit("a secret that must not linger in memory"));
  const std::string& data = HostBuffer::from(created)->data;
  const std::size_t used = data.size();
  const std::size_t capacity = data.capacity();
  const char* storage = data.data();

  api_.buffer_clear(created);
  EXPECT_EQ(api_.buffer_view(created).len, 0u);
  EXPECT_EQ(data.capacity(), capacity); // reused, not freed
  EXPECT_EQ(data.data(), storage);
  // The old bytes are still inside the kept allocation: they must be zeros now.
  EXPECT_EQ(std::string(storage, used), std::string(used, '\0'));

  api_.buffer_append(created, lit("next"));
  EXPECT_EQ(text(api_.buffer_view(created)), "next");
  api_.buffer_destroy(created);
}

TEST_F(HostApiTest, BufferClearOfAHandedOverBufferAndOfNull) {
  api_.buffer_append(buffer_.handle(), lit("partial body"));
  api_.buffer_clear(buffer_.handle());
  EXPECT_EQ(buffer_.data, "");
  api_.buffer_clear(nullptr); // a crash here fails the test
}

TEST_F(HostApiTest, PluginConfigAndName) {
  EXPECT_EQ(text(api_.plugin_config(context_.handle())), R"({"a":1})");
  EXPECT_EQ(text(api_.plugin_name(context_.handle())), "tester");
  EXPECT_EQ(api_.plugin_config(nullptr).len, 0u);
  EXPECT_EQ(api_.plugin_name(nullptr).len, 0u);
}

TEST_F(HostApiTest, BufferAppendsAndViews) {
  api_.buffer_append(buffer_.handle(), lit("ab"));
  api_.buffer_append(buffer_.handle(), lit("cd"));
  EXPECT_EQ(text(api_.buffer_view(buffer_.handle())), "abcd");
}

TEST_F(HostApiTest, BufferToleratesNulls) {
  api_.buffer_append(nullptr, lit("x"));
  api_.buffer_append(buffer_.handle(), kBroken);
  api_.buffer_append(buffer_.handle(), gh_str{nullptr, 0});
  EXPECT_EQ(buffer_.data, "");
  EXPECT_EQ(api_.buffer_view(nullptr).len, 0u);
  EXPECT_EQ(api_.buffer_view(nullptr).ptr, nullptr);
}

TEST_F(HostApiTest, ResolveSecretFillsTheBuffer) {
  host_testing::setEnvironment("GATEHOUSE_HOST_API_SECRET", "s3cret-value");
  EXPECT_EQ(api_.resolve_secret(context_.handle(), call_.handle(), lit("env:GATEHOUSE_HOST_API_SECRET"),
                                buffer_.handle()),
            GH_OK);
  EXPECT_EQ(buffer_.data, "s3cret-value");
  EXPECT_EQ(call_.error, "");
}

TEST_F(HostApiTest, ResolveSecretFailureSetsErrorNamingTheReference) {
  host_testing::clearEnvironment("GATEHOUSE_HOST_API_MISSING");
  EXPECT_EQ(api_.resolve_secret(context_.handle(), call_.handle(), lit("env:GATEHOUSE_HOST_API_MISSING"),
                                buffer_.handle()),
            GH_ERROR_NOT_FOUND);
  EXPECT_NE(call_.error.find("env:GATEHOUSE_HOST_API_MISSING"), std::string::npos) << call_.error;
  // The plugin cannot read the call's error, so the buffer carries the same message.
  EXPECT_EQ(buffer_.data, call_.error);
}

TEST_F(HostApiTest, CreatedBufferStartsEmptyAndWorksWithEveryBufferFunction) {
  gh_buffer* created = api_.buffer_create(context_.handle());
  ASSERT_NE(created, nullptr);
  EXPECT_EQ(api_.buffer_view(created).len, 0u);
  api_.buffer_append(created, lit("Bearer "));
  host_testing::setEnvironment("GATEHOUSE_HOST_API_CREATED", "tok-123");
  EXPECT_EQ(
      api_.resolve_secret(context_.handle(), call_.handle(), lit("env:GATEHOUSE_HOST_API_CREATED"), created),
      GH_OK);
  EXPECT_EQ(text(api_.buffer_view(created)), "Bearer tok-123");
  api_.buffer_destroy(created);
}

TEST_F(HostApiTest, CreatedBuffersAreIndependentAndNeedNoHost) {
  gh_buffer* first = api_.buffer_create(nullptr);
  gh_buffer* second = api_.buffer_create(context_.handle());
  ASSERT_NE(first, nullptr);
  ASSERT_NE(second, nullptr);
  EXPECT_NE(first, second);
  api_.buffer_append(first, lit("one"));
  api_.buffer_append(second, lit("two"));
  EXPECT_EQ(text(api_.buffer_view(first)), "one");
  EXPECT_EQ(text(api_.buffer_view(second)), "two");
  api_.buffer_destroy(first);
  api_.buffer_destroy(second);
}

TEST_F(HostApiTest, ResolveSecretIntoCreatedBufferReportsFailureThere) {
  gh_buffer* created = api_.buffer_create(context_.handle());
  ASSERT_NE(created, nullptr);
  host_testing::clearEnvironment("GATEHOUSE_HOST_API_ABSENT");
  EXPECT_EQ(
      api_.resolve_secret(context_.handle(), call_.handle(), lit("env:GATEHOUSE_HOST_API_ABSENT"), created),
      GH_ERROR_NOT_FOUND);
  EXPECT_EQ(text(api_.buffer_view(created)), call_.error);
  EXPECT_NE(call_.error.find("env:GATEHOUSE_HOST_API_ABSENT"), std::string::npos) << call_.error;
  api_.buffer_destroy(created);
}

TEST_F(HostApiTest, BufferDestroyOfNullIsANoOp) {
  api_.buffer_destroy(nullptr); // a crash here fails the test
}

TEST_F(HostApiTest, ResolveSecretNeverLogsTheValue) {
  host_testing::setEnvironment("GATEHOUSE_HOST_API_QUIET", "never-log-me");
  log::setLevel(log::Level::Debug);
  StderrCapture capture;
  api_.resolve_secret(context_.handle(), call_.handle(), lit("env:GATEHOUSE_HOST_API_QUIET"),
                      buffer_.handle());
  EXPECT_EQ(capture.finish().find("never-log-me"), std::string::npos);
}

TEST_F(HostApiTest, ResolveSecretToleratesNulls) {
  EXPECT_EQ(api_.resolve_secret(context_.handle(), call_.handle(), lit("env:X"), nullptr),
            GH_ERROR_INVALID_ARGUMENT);
  EXPECT_NE(call_.error, "");
  EXPECT_EQ(api_.resolve_secret(nullptr, nullptr, kBroken, buffer_.handle()), GH_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(api_.resolve_secret(nullptr, nullptr, lit("bogus"), buffer_.handle()), GH_ERROR_INVALID_ARGUMENT);
}

TEST_F(HostApiTest, ExchangeGettersForward) {
  exchange_.endpointValue = GH_ENDPOINT_EMBEDDINGS;
  exchange_.stream = true;
  gh_exchange* handle = toHandle(exchange_);
  EXPECT_EQ(api_.exchange_endpoint(handle), GH_ENDPOINT_EMBEDDINGS);
  EXPECT_EQ(text(api_.exchange_request_body(handle)), exchange_.body);
  EXPECT_EQ(text(api_.exchange_model(handle)), "gpt-test");
  EXPECT_EQ(text(api_.exchange_upstream_model(handle)), "upstream-test");
  EXPECT_EQ(api_.exchange_wants_stream(handle), 1);
  EXPECT_EQ(text(api_.exchange_request_id(handle)), "req-123");
  EXPECT_EQ(text(api_.exchange_credential(handle)), "") << "no pool";
  exchange_.credentialValue = "sk-pooled-1";
  EXPECT_EQ(text(api_.exchange_credential(handle)), "sk-pooled-1");
}

TEST_F(HostApiTest, ExchangeRespondForwardsAndReturnsTheExchangesStatus) {
  gh_exchange* handle = toHandle(exchange_);
  EXPECT_EQ(api_.exchange_respond(handle, 201, lit("application/json"), lit("{}")), GH_OK);
  EXPECT_EQ(exchange_.status, 201);
  EXPECT_EQ(exchange_.contentType, "application/json");
  EXPECT_EQ(exchange_.responseBody, "{}");
  EXPECT_EQ(api_.exchange_respond(handle, 200, lit("text/plain"), lit("again")), GH_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(exchange_.responses, 1);
}

TEST_F(HostApiTest, ExchangeRespondRefusesImpossibleStatusesAndBrokenViews) {
  gh_exchange* handle = toHandle(exchange_);
  EXPECT_EQ(api_.exchange_respond(handle, 99, lit("a/b"), lit("x")), GH_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(api_.exchange_respond(handle, 600, lit("a/b"), lit("x")), GH_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(api_.exchange_respond(handle, 200, kBroken, lit("x")), GH_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(api_.exchange_respond(handle, 200, lit("a/b"), kBroken), GH_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(exchange_.responses, 0);
  EXPECT_EQ(api_.exchange_respond(handle, 200, lit("a/b"), gh_str{nullptr, 0}), GH_OK);
  EXPECT_EQ(exchange_.responseBody, "");
}

TEST_F(HostApiTest, ExchangeStreamEventForwardsAndPassesCancellationBack) {
  gh_exchange* handle = toHandle(exchange_);
  EXPECT_EQ(api_.exchange_stream_event(handle, lit("{\"n\":1}")), GH_OK);
  EXPECT_EQ(exchange_.events, std::vector<std::string>{"{\"n\":1}"});
  exchange_.streamResult = GH_ERROR_CANCELLED;
  EXPECT_EQ(api_.exchange_stream_event(handle, lit("{\"n\":2}")), GH_ERROR_CANCELLED);
  EXPECT_EQ(api_.exchange_stream_event(handle, kBroken), GH_ERROR_INVALID_ARGUMENT);
}

TEST_F(HostApiTest, ExchangeReportUsageCopiesTheStruct) {
  gh_usage usage{};
  usage.struct_size = sizeof usage;
  usage.prompt_tokens = 10;
  usage.characters = 7;
  EXPECT_EQ(api_.exchange_report_usage(toHandle(exchange_), &usage), GH_OK);
  ASSERT_TRUE(exchange_.usage.has_value());
  EXPECT_EQ(exchange_.usage->prompt_tokens, 10);
  EXPECT_EQ(exchange_.usage->characters, 7);
}

TEST_F(HostApiTest, ExchangeReportUsageReadsOnlyTheDeclaredSize) {
  gh_usage usage{};
  usage.struct_size = offsetof(gh_usage, cached_prompt_tokens); // an older, shorter gh_usage
  usage.prompt_tokens = 1;
  usage.completion_tokens = 2;
  usage.cached_prompt_tokens = 999;
  usage.characters = 999;
  ASSERT_EQ(api_.exchange_report_usage(toHandle(exchange_), &usage), GH_OK);
  EXPECT_EQ(exchange_.usage->struct_size, sizeof(gh_usage));
  EXPECT_EQ(exchange_.usage->completion_tokens, 2);
  EXPECT_EQ(exchange_.usage->cached_prompt_tokens, 0);
  EXPECT_EQ(exchange_.usage->characters, 0);
}

TEST_F(HostApiTest, ExchangeReportUsageFromAVersion10PluginReadsImageFieldsAsZero) {
  gh_usage usage{};
  usage.struct_size = offsetof(gh_usage, image_width); // sizeof(gh_usage) in ABI 1.0
  usage.images = 1;
  usage.image_width = 1024; // beyond what a 1.0 plugin owns: must not be read
  usage.image_height = 1024;
  usage.image_quality = GH_IMAGE_QUALITY_HIGH;
  ASSERT_EQ(api_.exchange_report_usage(toHandle(exchange_), &usage), GH_OK);
  EXPECT_EQ(exchange_.usage->images, 1);
  EXPECT_EQ(exchange_.usage->image_width, 0);
  EXPECT_EQ(exchange_.usage->image_height, 0);
  EXPECT_EQ(exchange_.usage->image_quality, GH_IMAGE_QUALITY_UNKNOWN);
}

TEST_F(HostApiTest, ExchangeReportUsageCarriesImageFieldsFromA11Plugin) {
  gh_usage usage{};
  usage.struct_size = sizeof usage;
  usage.images = 2;
  usage.image_width = 1792;
  usage.image_height = 1024;
  usage.image_quality = GH_IMAGE_QUALITY_LOW;
  ASSERT_EQ(api_.exchange_report_usage(toHandle(exchange_), &usage), GH_OK);
  EXPECT_EQ(exchange_.usage->image_width, 1792);
  EXPECT_EQ(exchange_.usage->image_height, 1024);
  EXPECT_EQ(exchange_.usage->image_quality, GH_IMAGE_QUALITY_LOW);
}

TEST_F(HostApiTest, ExchangeFunctionsTolerateNulls) {
  gh_usage usage{};
  usage.struct_size = sizeof usage;
  EXPECT_EQ(api_.exchange_endpoint(nullptr), 0);
  EXPECT_EQ(api_.exchange_request_body(nullptr).len, 0u);
  EXPECT_EQ(api_.exchange_model(nullptr).len, 0u);
  EXPECT_EQ(api_.exchange_upstream_model(nullptr).len, 0u);
  EXPECT_EQ(api_.exchange_wants_stream(nullptr), 0);
  EXPECT_EQ(api_.exchange_request_id(nullptr).len, 0u);
  EXPECT_EQ(api_.exchange_credential(nullptr).len, 0u);
  EXPECT_EQ(api_.exchange_respond(nullptr, 200, lit("a/b"), lit("x")), GH_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(api_.exchange_stream_event(nullptr, lit("x")), GH_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(api_.exchange_report_usage(nullptr, &usage), GH_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(api_.exchange_report_usage(toHandle(exchange_), nullptr), GH_ERROR_INVALID_ARGUMENT);
}

TEST_F(HostApiTest, ExceptionsFromTheExchangeNeverReachThePlugin) {
  exchange_.throwEverywhere = true;
  gh_exchange* handle = toHandle(exchange_);
  gh_usage usage{};
  usage.struct_size = sizeof usage;
  EXPECT_EQ(api_.exchange_endpoint(handle), 0);
  EXPECT_EQ(api_.exchange_model(handle).len, 0u);
  EXPECT_EQ(api_.exchange_credential(handle).len, 0u);
  EXPECT_EQ(api_.exchange_wants_stream(handle), 0);
  EXPECT_EQ(api_.exchange_respond(handle, 200, lit("a/b"), lit("x")), GH_ERROR_INTERNAL);
  EXPECT_EQ(api_.exchange_stream_event(handle, lit("x")), GH_ERROR_INTERNAL);
  EXPECT_EQ(api_.exchange_report_usage(handle, &usage), GH_ERROR_INTERNAL);
}

TEST_F(HostApiTest, RequestFunctionsForward) {
  request_.headers["authorization"] = "Bearer abc";
  gh_request* handle = toHandle(request_);
  EXPECT_EQ(text(api_.request_header(handle, lit("Authorization"))), "Bearer abc");
  EXPECT_EQ(request_.lastHeaderAsked, "Authorization");
  EXPECT_EQ(api_.request_header(handle, lit("x-missing")).len, 0u);
  EXPECT_EQ(text(api_.request_method(handle)), "POST");
  EXPECT_EQ(text(api_.request_path(handle)), "/v1/chat/completions");
  EXPECT_EQ(text(api_.request_client_address(handle)), "127.0.0.1");
}

TEST_F(HostApiTest, RequestFunctionsTolerateNullsAndExceptions) {
  EXPECT_EQ(api_.request_header(nullptr, lit("a")).len, 0u);
  EXPECT_EQ(api_.request_header(toHandle(request_), kBroken).len, 0u);
  EXPECT_EQ(request_.lastHeaderAsked, "");
  EXPECT_EQ(api_.request_method(nullptr).len, 0u);
  EXPECT_EQ(api_.request_path(nullptr).len, 0u);
  EXPECT_EQ(api_.request_client_address(nullptr).len, 0u);
  request_.throwEverywhere = true;
  EXPECT_EQ(api_.request_header(toHandle(request_), lit("a")).len, 0u);
  EXPECT_EQ(api_.request_path(toHandle(request_)).len, 0u);
}

} // namespace
} // namespace gatehouse
