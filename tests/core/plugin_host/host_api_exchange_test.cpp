// The exchange_* host functions ABI 1.1 added (request headers, form fields, raw streamed
// responses) and the redaction of error bodies in exchange_respond.
#include <gatehouse/common/secret_redactor.hpp>
#include <gatehouse/plugin_host/abi_handles.hpp>
#include <gatehouse/plugin_host/host_api.hpp>

#include <gtest/gtest.h>

#include "abi_views.hpp"
#include "fake_exchange.hpp"

namespace gatehouse {
namespace {

using host_testing::FakeExchange;
using host_testing::kBroken;
using host_testing::lit;
using host_testing::text;

constexpr const char* kSecret = "sk-live-abcdef0123456789";

class HostApiExchangeTest : public ::testing::Test {
protected:
  void SetUp() override { secrets::forgetAllForTesting(); }
  void TearDown() override { secrets::forgetAllForTesting(); }

  const gh_host_api& api_ = hostApi();
  FakeExchange exchange_;
  gh_exchange* handle_ = toHandle(exchange_);
};

TEST_F(HostApiExchangeTest, RequestHeaderForwardsTheNameAndReturnsTheValue) {
  exchange_.requestHeaders["OpenAI-Beta"] = "assistants=v2";
  EXPECT_EQ(text(api_.exchange_request_header(handle_, lit("OpenAI-Beta"))), "assistants=v2");
  EXPECT_EQ(api_.exchange_request_header(handle_, lit("x-absent")).len, 0u);
  EXPECT_EQ(exchange_.headersAsked, (std::vector<std::string>{"OpenAI-Beta", "x-absent"}));
}

TEST_F(HostApiExchangeTest, RequestHeaderToleratesNullsBrokenNamesAndExceptions) {
  EXPECT_EQ(api_.exchange_request_header(nullptr, lit("a")).len, 0u);
  EXPECT_EQ(api_.exchange_request_header(handle_, kBroken).len, 0u);
  EXPECT_TRUE(exchange_.headersAsked.empty()) << "a broken name must not reach the exchange";
  // An empty name is a legitimate (if useless) question.
  EXPECT_EQ(api_.exchange_request_header(handle_, gh_str{nullptr, 0}).len, 0u);
  exchange_.throwEverywhere = true;
  EXPECT_EQ(api_.exchange_request_header(handle_, lit("a")).len, 0u);
}

TEST_F(HostApiExchangeTest, FormFieldForwards) {
  exchange_.formFields["model"] = "whisper-1";
  exchange_.formFields["file"] = std::string("RIFF\0WAVE", 9);
  EXPECT_EQ(text(api_.exchange_form_field(handle_, lit("model"))), "whisper-1");
  EXPECT_EQ(text(api_.exchange_form_field(handle_, lit("file"))), std::string("RIFF\0WAVE", 9));
  EXPECT_EQ(api_.exchange_form_field(handle_, lit("language")).len, 0u);
}

TEST_F(HostApiExchangeTest, FormFieldToleratesNullsBrokenNamesAndExceptions) {
  exchange_.formFields["model"] = "whisper-1";
  EXPECT_EQ(api_.exchange_form_field(nullptr, lit("model")).len, 0u);
  EXPECT_EQ(api_.exchange_form_field(handle_, kBroken).len, 0u);
  exchange_.throwEverywhere = true;
  EXPECT_EQ(api_.exchange_form_field(handle_, lit("model")).len, 0u);
}

TEST_F(HostApiExchangeTest, StreamBeginAndWriteForwardARawResponse) {
  ASSERT_EQ(api_.exchange_stream_begin(handle_, 200, lit("audio/mpeg")), GH_OK);
  EXPECT_TRUE(exchange_.rawStarted);
  EXPECT_EQ(exchange_.status, 200);
  EXPECT_EQ(exchange_.contentType, "audio/mpeg");
  EXPECT_EQ(api_.exchange_stream_write(handle_, gh_str{"ID3\0\x01", 5}), GH_OK);
  EXPECT_EQ(api_.exchange_stream_write(handle_, lit("more")), GH_OK);
  EXPECT_EQ(exchange_.rawWrites, (std::vector<std::string>{std::string("ID3\0\x01", 5), "more"}));
}

TEST_F(HostApiExchangeTest, StreamBeginPassesAnyValidStatusAndTheExchangesRefusal) {
  ASSERT_EQ(api_.exchange_respond(handle_, 200, lit("application/json"), lit("{}")), GH_OK);
  // Not combinable with a response already sent: the exchange says so, the host passes it on.
  EXPECT_EQ(api_.exchange_stream_begin(handle_, 200, lit("audio/mpeg")), GH_ERROR_INVALID_ARGUMENT);

  FakeExchange other;
  EXPECT_EQ(api_.exchange_stream_begin(toHandle(other), 503, lit("text/plain")), GH_OK);
  EXPECT_EQ(other.status, 503);
}

TEST_F(HostApiExchangeTest, StreamBeginRefusesImpossibleStatusesBrokenTypesAndNull) {
  EXPECT_EQ(api_.exchange_stream_begin(handle_, 99, lit("a/b")), GH_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(api_.exchange_stream_begin(handle_, 600, lit("a/b")), GH_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(api_.exchange_stream_begin(handle_, 200, kBroken), GH_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(api_.exchange_stream_begin(nullptr, 200, lit("a/b")), GH_ERROR_INVALID_ARGUMENT);
  EXPECT_FALSE(exchange_.rawStarted);
}

TEST_F(HostApiExchangeTest, StreamWriteRefusesBrokenDataAndNull) {
  ASSERT_EQ(api_.exchange_stream_begin(handle_, 200, lit("audio/wav")), GH_OK);
  EXPECT_EQ(api_.exchange_stream_write(handle_, kBroken), GH_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(api_.exchange_stream_write(nullptr, lit("x")), GH_ERROR_INVALID_ARGUMENT);
  EXPECT_TRUE(exchange_.rawWrites.empty());
  EXPECT_EQ(api_.exchange_stream_write(handle_, gh_str{nullptr, 0}), GH_OK); // empty is fine
}

TEST_F(HostApiExchangeTest, RawStreamPassesCancellationBackAndExceptionsBecomeInternal) {
  ASSERT_EQ(api_.exchange_stream_begin(handle_, 200, lit("audio/wav")), GH_OK);
  exchange_.streamResult = GH_ERROR_CANCELLED;
  EXPECT_EQ(api_.exchange_stream_write(handle_, lit("x")), GH_ERROR_CANCELLED);
  exchange_.throwEverywhere = true;
  EXPECT_EQ(api_.exchange_stream_write(handle_, lit("x")), GH_ERROR_INTERNAL);
  EXPECT_EQ(api_.exchange_stream_begin(handle_, 200, lit("a/b")), GH_ERROR_INTERNAL);

  FakeExchange gone;
  gone.streamResult = GH_ERROR_CANCELLED;
  EXPECT_EQ(api_.exchange_stream_begin(toHandle(gone), 200, lit("audio/wav")), GH_ERROR_CANCELLED);
}

TEST_F(HostApiExchangeTest, ErrorResponseBodyHasRememberedSecretsMasked) {
  secrets::remember(kSecret);
  const std::string body = std::string(R"({"error":{"message":"Incorrect API key provided: )") + kSecret +
                           R"(","type":"invalid_request_error"}})";
  ASSERT_EQ(api_.exchange_respond(handle_, 401, lit("application/json"), lit(body.c_str())), GH_OK);
  EXPECT_EQ(exchange_.status, 401);
  EXPECT_EQ(
      exchange_.responseBody,
      R"({"error":{"message":"Incorrect API key provided: [REDACTED]","type":"invalid_request_error"}})");
}

TEST_F(HostApiExchangeTest, RedactionStartsExactlyAtStatus400) {
  secrets::remember(kSecret);
  const std::string body = std::string("value ") + kSecret;
  ASSERT_EQ(api_.exchange_respond(handle_, 400, lit("text/plain"), lit(body.c_str())), GH_OK);
  EXPECT_EQ(exchange_.responseBody, "value [REDACTED]");

  FakeExchange redirect;
  ASSERT_EQ(api_.exchange_respond(toHandle(redirect), 399, lit("text/plain"), lit(body.c_str())), GH_OK);
  EXPECT_EQ(redirect.responseBody, body);
}

TEST_F(HostApiExchangeTest, SuccessfulResponseBodyPassesUnchangedEvenWithASecretInIt) {
  // A model's answer is the client's data; rewriting it would corrupt e.g. a generated config.
  secrets::remember(kSecret);
  const std::string body = std::string(R"({"choices":[{"text":")") + kSecret + R"("}]})";
  ASSERT_EQ(api_.exchange_respond(handle_, 200, lit("application/json"), lit(body.c_str())), GH_OK);
  EXPECT_EQ(exchange_.responseBody, body);
}

TEST_F(HostApiExchangeTest, ErrorResponseWithoutSecretsIsUnchanged) {
  const std::string body = R"({"error":{"message":"model overloaded"}})";
  ASSERT_EQ(api_.exchange_respond(handle_, 503, lit("application/json"), lit(body.c_str())), GH_OK);
  EXPECT_EQ(exchange_.responseBody, body);
}

} // namespace
} // namespace gatehouse
