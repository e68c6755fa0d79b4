// sdk::Exchange over a FakeExchange: reads reach the request, and the host's refusals
// become exceptions or `false` as documented.
#include <gatehouse/sdk/exchange.hpp>
#include <gatehouse/testing/fake_host.hpp>

#include <gtest/gtest.h>

namespace {

namespace sdk = gatehouse::sdk;
using gatehouse::testing::FakeExchange;
using gatehouse::testing::FakeHost;

TEST(SdkExchange, ReadsTheRequest) {
  FakeExchange fake;
  fake.setEndpoint(GH_ENDPOINT_EMBEDDINGS)
      .setBody("{\"input\":\"x\"}")
      .setModel("public")
      .setUpstreamModel("up");
  fake.setStream(true).setRequestId("rid-1");
  const sdk::Exchange exchange(FakeHost::api(), fake.handle());
  EXPECT_EQ(exchange.endpoint(), GH_ENDPOINT_EMBEDDINGS);
  EXPECT_EQ(exchange.requestBody(), "{\"input\":\"x\"}");
  EXPECT_EQ(exchange.model(), "public");
  EXPECT_EQ(exchange.upstreamModel(), "up");
  EXPECT_TRUE(exchange.wantsStream());
  EXPECT_EQ(exchange.requestId(), "rid-1");
}

TEST(SdkExchange, RespondingTwiceThrowsInternalAndTheFirstResponseStands) {
  FakeExchange fake;
  sdk::Exchange exchange(FakeHost::api(), fake.handle());
  exchange.respond(201, "text/plain", "first");
  try {
    exchange.respond(200, "text/plain", "second");
    FAIL() << "second respond did not throw";
  } catch (const sdk::Error& error) {
    EXPECT_EQ(error.status(), GH_ERROR_INTERNAL);
    EXPECT_NE(std::string(error.what()).find("already started"), std::string::npos) << error.what();
  }
  EXPECT_EQ(fake.status(), 201);
  EXPECT_EQ(fake.responseBody(), "first");
}

TEST(SdkExchange, StreamEventReturnsFalseOnceTheClientIsGone) {
  FakeExchange fake;
  fake.disconnectAfter(1);
  sdk::Exchange exchange(FakeHost::api(), fake.handle());
  EXPECT_TRUE(exchange.streamEvent("{\"n\":1}"));
  EXPECT_FALSE(exchange.streamEvent("{\"n\":2}"));
  ASSERT_EQ(fake.events().size(), 1u);
  EXPECT_EQ(fake.events()[0], "{\"n\":1}");
}

TEST(SdkExchange, StreamingAfterRespondThrowsInternal) {
  FakeExchange fake;
  sdk::Exchange exchange(FakeHost::api(), fake.handle());
  exchange.respond(200, "application/json", "{}");
  EXPECT_THROW(exchange.streamEvent("{}"), sdk::Error);
  EXPECT_TRUE(fake.events().empty());
}

TEST(SdkExchange, RespondAfterTheClientLeftThrowsInternal) {
  FakeExchange fake;
  fake.disconnectAfter(0);
  sdk::Exchange exchange(FakeHost::api(), fake.handle());
  EXPECT_FALSE(exchange.streamEvent("{}"));
  EXPECT_THROW(exchange.respond(200, "application/json", "{}"), sdk::Error);
  EXPECT_FALSE(fake.responded());
}

TEST(SdkExchange, ReportUsageFillsStructSize) {
  FakeExchange fake;
  sdk::Exchange exchange(FakeHost::api(), fake.handle());
  gh_usage usage{};
  usage.prompt_tokens = 7;
  usage.completion_tokens = 11;
  exchange.reportUsage(usage);
  ASSERT_TRUE(fake.usage().has_value());
  EXPECT_EQ(fake.usage()->struct_size, sizeof(gh_usage));
  EXPECT_EQ(fake.usage()->prompt_tokens, 7);
  EXPECT_EQ(fake.usage()->completion_tokens, 11);
}

TEST(SdkExchange, RequestHeadersHideCredentialsAndFormFieldsPointIntoTheBody) {
  FakeExchange fake;
  gatehouse::testing::FakeMultipartForm form;
  form.field("model", "whisper");
  fake.setForm(form).setHeader("X-Api-Key", "client-secret").setHeader("OpenAI-Beta", "assistants=v2");
  const sdk::Exchange exchange(FakeHost::api(), fake.handle());
  EXPECT_EQ(exchange.requestHeader("openai-beta"), "assistants=v2");
  EXPECT_EQ(exchange.requestHeader("x-api-key"), "");
  const std::string_view model = exchange.formField("model");
  EXPECT_EQ(model, "whisper");
  EXPECT_EQ(model.data(), exchange.requestBody().data() + exchange.requestBody().find("whisper"));
  EXPECT_EQ(exchange.formField("file").data(), nullptr);
}

TEST(SdkExchange, RawStreamBeginsWritesAndStopsWhenTheClientLeaves) {
  FakeExchange fake;
  fake.disconnectAfter(2);
  sdk::Exchange exchange(FakeHost::api(), fake.handle());
  EXPECT_TRUE(exchange.streamBegin(200, "audio/mpeg"));
  EXPECT_TRUE(exchange.streamWrite("a"));
  EXPECT_TRUE(exchange.streamWrite("b"));
  EXPECT_FALSE(exchange.streamWrite("c"));
  EXPECT_EQ(fake.rawBody(), "ab");
  EXPECT_EQ(fake.contentType(), "audio/mpeg");
}

TEST(SdkExchange, RawStreamAfterAnotherResponseThrowsInternal) {
  FakeExchange fake;
  sdk::Exchange exchange(FakeHost::api(), fake.handle());
  exchange.respond(200, "application/json", "{}");
  try {
    exchange.streamBegin(200, "audio/mpeg");
    FAIL() << "streamBegin after respond did not throw";
  } catch (const sdk::Error& error) {
    EXPECT_EQ(error.status(), GH_ERROR_INTERNAL);
  }
  FakeExchange unstarted;
  sdk::Exchange other(FakeHost::api(), unstarted.handle());
  EXPECT_THROW(other.streamWrite("x"), sdk::Error);
}

} // namespace
