// The FakeHost drives a plain C plugin (plain_c_provider.c) through the whole ABI, and
// its host API table behaves as plugin_abi.h documents.
#include <gatehouse/testing/fake_host.hpp>

#include <gtest/gtest.h>

#include <string>

// C names from plain_c_provider.c.
extern "C" const gh_plugin_descriptor*
gatehouse_plugin_descriptor(void);                       // NOLINT(readability-identifier-naming)
extern "C" const char* plain_c_provider_lifecycle(void); // NOLINT(readability-identifier-naming)

namespace {

using gatehouse::testing::FakeBuffer;
using gatehouse::testing::FakeCall;
using gatehouse::testing::FakeExchange;
using gatehouse::testing::FakeHost;
using gatehouse::testing::FakeRequest;

gh_str str(const std::string& text) {
  return gh_str{text.data(), text.size()};
}
std::string text(gh_str view) {
  return view.ptr == nullptr ? std::string() : std::string(view.ptr, view.len);
}

TEST(FakeHost, RunsAPlainCProviderEndToEnd) {
  FakeHost host("c-plugin");
  ASSERT_EQ(host.init(gatehouse_plugin_descriptor(), R"({"a":1})"), GH_OK) << host.lastError();
  EXPECT_TRUE(host.logs().contains("plain C provider ready"));
  ASSERT_EQ(host.createProvider("alpha"), GH_OK) << host.lastError();

  FakeExchange exchange;
  exchange.setUpstreamModel("up-1").setBody("{\"q\":1}");
  EXPECT_EQ(host.handle("alpha", exchange), GH_OK) << host.lastError();
  EXPECT_EQ(exchange.status(), 200);
  EXPECT_EQ(exchange.contentType(), "text/plain");
  EXPECT_EQ(exchange.responseBody(), "up-1:{\"q\":1}");
  ASSERT_TRUE(exchange.usage().has_value());
  EXPECT_EQ(exchange.usage()->prompt_tokens, 1);
  EXPECT_EQ(exchange.usage()->completion_tokens, 2);
}

TEST(FakeHost, PluginErrorsReachLastErrorAndAreResetPerCall) {
  FakeHost host;
  ASSERT_EQ(host.init(gatehouse_plugin_descriptor()), GH_OK);
  ASSERT_EQ(host.createProvider("alpha"), GH_OK);
  FakeExchange embeddings;
  embeddings.setEndpoint(GH_ENDPOINT_EMBEDDINGS);
  EXPECT_EQ(host.handle("alpha", embeddings), GH_ERROR_UNSUPPORTED);
  EXPECT_EQ(host.lastError(), "only chat completions");
  FakeExchange chat;
  EXPECT_EQ(host.handle("alpha", chat), GH_OK);
  EXPECT_EQ(host.lastError(), "");
}

TEST(FakeHost, FailingInitLeavesTheHostUninitialised) {
  FakeHost host;
  EXPECT_EQ(host.init(gatehouse_plugin_descriptor(), "fail"), GH_ERROR_CONFIG);
  EXPECT_EQ(host.lastError(), "config says fail");
  EXPECT_FALSE(host.initialised());
  EXPECT_EQ(host.createProvider("alpha"), GH_ERROR_INVALID_ARGUMENT);
}

TEST(FakeHost, RefusesABadDescriptorBeforeRunningPluginCode) {
  gh_plugin_descriptor wrongMajor = *gatehouse_plugin_descriptor();
  wrongMajor.abi_major = 2;
  FakeHost host;
  EXPECT_EQ(host.init(&wrongMajor), GH_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(host.lastError(), "ABI major 2 is not supported (host speaks 1.0)");
  EXPECT_FALSE(host.initialised());
}

TEST(FakeHost, RefusesASecondInit) {
  FakeHost host;
  ASSERT_EQ(host.init(gatehouse_plugin_descriptor()), GH_OK);
  EXPECT_EQ(host.init(gatehouse_plugin_descriptor()), GH_ERROR_INTERNAL);
  EXPECT_TRUE(host.initialised());
}

TEST(FakeHost, ProviderBookkeeping) {
  FakeHost host;
  ASSERT_EQ(host.init(gatehouse_plugin_descriptor()), GH_OK);
  EXPECT_EQ(host.createProvider(""), GH_ERROR_CONFIG);
  EXPECT_EQ(host.lastError(), "provider name must be 1 to 31 bytes");
  ASSERT_EQ(host.createProvider("alpha"), GH_OK);
  EXPECT_EQ(host.createProvider("alpha"), GH_ERROR_INVALID_ARGUMENT);
  FakeExchange exchange;
  EXPECT_EQ(host.handle("beta", exchange), GH_ERROR_NOT_FOUND);
  EXPECT_EQ(host.providerCount(), 1u);
  host.destroyProvider("alpha");
  EXPECT_EQ(host.providerCount(), 0u);
}

TEST(FakeHost, ShutdownDestroysInstancesNewestFirstThenShutsThePluginDown) {
  {
    FakeHost host;
    ASSERT_EQ(host.init(gatehouse_plugin_descriptor()), GH_OK);
    ASSERT_EQ(host.createProvider("a"), GH_OK);
    ASSERT_EQ(host.createProvider("b"), GH_OK);
  } // the destructor shuts down
  EXPECT_STREQ(plain_c_provider_lifecycle(), "init;create:a;create:b;destroy:b;destroy:a;shutdown;");
}

TEST(FakeHost, OtherKindsCallsAreRefusedForAProvider) {
  FakeHost host;
  ASSERT_EQ(host.init(gatehouse_plugin_descriptor()), GH_OK);
  FakeRequest request;
  gatehouse::testing::AuthOutcome outcome;
  EXPECT_EQ(host.authenticate(request, outcome), GH_ERROR_INVALID_ARGUMENT);
  bool allowed = false;
  EXPECT_FALSE(host.hasAdmit());
  EXPECT_EQ(host.admit(nullptr, "m", allowed), GH_ERROR_UNSUPPORTED);
  EXPECT_EQ(host.lastError(), "plugin has no admit");
}

// --- the host API table, called directly as a C plugin would ---

TEST(FakeHostApi, AdvertisesThisAbi) {
  const gh_host_api& api = FakeHost::api();
  EXPECT_EQ(api.struct_size, sizeof(gh_host_api));
  EXPECT_EQ(api.abi_major, GH_ABI_VERSION_MAJOR);
  EXPECT_EQ(api.abi_minor, GH_ABI_VERSION_MINOR);
}

TEST(FakeHostApi, ResolveSecretAppendsTheValueOrExplainsWithoutIt) {
  FakeHost host;
  host.secrets().setEnv("API_KEY", "sk-very-secret");
  const gh_host_api& api = FakeHost::api();
  FakeBuffer buffer;
  FakeCall call;
  EXPECT_EQ(api.resolve_secret(host.handle(), call.handle(), str("env:API_KEY"), buffer.handle()), GH_OK);
  EXPECT_EQ(text(api.buffer_view(buffer.handle())), "sk-very-secret");

  FakeBuffer missing;
  EXPECT_EQ(api.resolve_secret(host.handle(), call.handle(), str("env:OTHER"), missing.handle()),
            GH_ERROR_NOT_FOUND);
  EXPECT_NE(call.message.find("env:OTHER"), std::string::npos) << call.message;
  EXPECT_EQ(call.message.find("sk-very-secret"), std::string::npos);
  EXPECT_EQ(missing.contents(), call.message); // the plugin can read the reason there
  EXPECT_EQ(api.resolve_secret(host.handle(), call.handle(), str("env:API_KEY"), nullptr),
            GH_ERROR_INVALID_ARGUMENT);
}

TEST(FakeHostApi, BuffersAppend) {
  const gh_host_api& api = FakeHost::api();
  FakeBuffer buffer;
  api.buffer_append(buffer.handle(), str("ab"));
  api.buffer_append(buffer.handle(), str("cd"));
  api.buffer_append(buffer.handle(), gh_str{nullptr, 0});
  EXPECT_EQ(text(api.buffer_view(buffer.handle())), "abcd");
}

TEST(FakeHostApi, CreatedBuffersAreCountedUntilDestroyed) {
  const gh_host_api& api = FakeHost::api();
  const long before = FakeHost::liveBufferCount();
  gh_buffer* buffer = api.buffer_create(nullptr);
  ASSERT_NE(buffer, nullptr);
  EXPECT_EQ(FakeHost::liveBufferCount(), before + 1);
  api.buffer_append(buffer, str("xy"));
  EXPECT_EQ(text(api.buffer_view(buffer)), "xy");
  api.buffer_destroy(buffer);
  api.buffer_destroy(nullptr);
  EXPECT_EQ(FakeHost::liveBufferCount(), before);
}

TEST(FakeHostApi, FileSecretLosesOneLineEnding) {
  FakeHost host;
  host.secrets().setFile("/crlf", "pw\r\n");
  host.secrets().setFile("/two", "pw\n\n");
  FakeBuffer crlf;
  FakeBuffer two;
  FakeCall call;
  const gh_host_api& api = FakeHost::api();
  ASSERT_EQ(api.resolve_secret(host.handle(), call.handle(), str("file:/crlf"), crlf.handle()), GH_OK);
  ASSERT_EQ(api.resolve_secret(host.handle(), call.handle(), str("file:/two"), two.handle()), GH_OK);
  EXPECT_EQ(crlf.contents(), "pw");
  EXPECT_EQ(two.contents(), "pw\n");
}

TEST(FakeHostApi, SetErrorLastCallWins) {
  FakeCall call;
  FakeHost::api().set_error(call.handle(), str("first"));
  FakeHost::api().set_error(call.handle(), str("second"));
  EXPECT_EQ(call.message, "second");
}

TEST(FakeHostApi, NullHandlesReadAsEmptyInsteadOfCrashing) {
  const gh_host_api& api = FakeHost::api();
  api.log(nullptr, GH_LOG_INFO, str("logged as ?"));
  api.set_error(nullptr, str("dropped"));
  EXPECT_EQ(api.log_enabled(nullptr, GH_LOG_ERROR), 0);
  EXPECT_EQ(text(api.plugin_name(nullptr)), "");
  EXPECT_EQ(api.exchange_endpoint(nullptr), 0);
  EXPECT_EQ(text(api.exchange_request_body(nullptr)), "");
  EXPECT_EQ(api.exchange_wants_stream(nullptr), 0);
  EXPECT_EQ(api.exchange_respond(nullptr, 200, str("a"), str("b")), GH_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(api.exchange_stream_event(nullptr, str("x")), GH_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(api.exchange_report_usage(nullptr, nullptr), GH_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(text(api.request_header(nullptr, str("a"))), "");
  EXPECT_EQ(text(api.request_method(nullptr)), "");
  EXPECT_EQ(text(api.buffer_view(nullptr)), "");
}

TEST(FakeHostApi, ExchangeAndRequestFunctionsReachTheFakes) {
  const gh_host_api& api = FakeHost::api();
  FakeExchange exchange;
  exchange.setModel("m").setUpstreamModel("u").setRequestId("r").setStream(true).setBody("b");
  EXPECT_EQ(text(api.exchange_model(exchange.handle())), "m");
  EXPECT_EQ(text(api.exchange_upstream_model(exchange.handle())), "u");
  EXPECT_EQ(text(api.exchange_request_id(exchange.handle())), "r");
  EXPECT_EQ(text(api.exchange_request_body(exchange.handle())), "b");
  EXPECT_EQ(api.exchange_wants_stream(exchange.handle()), 1);
  EXPECT_EQ(api.exchange_stream_event(exchange.handle(), str("{}")), GH_OK);
  EXPECT_EQ(exchange.events().size(), 1u);

  FakeRequest request;
  request.setHeader("X-Team", "t1").setMethod("GET").setPath("/p").setClientAddress("127.0.0.2");
  EXPECT_EQ(text(api.request_header(request.handle(), str("x-team"))), "t1");
  EXPECT_EQ(text(api.request_method(request.handle())), "GET");
  EXPECT_EQ(text(api.request_path(request.handle())), "/p");
  EXPECT_EQ(text(api.request_client_address(request.handle())), "127.0.0.2");
}

} // namespace
