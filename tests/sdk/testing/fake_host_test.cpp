// The FakeHost drives a plain C plugin (plain_c_provider.c) through the whole ABI, and
// its host API table behaves as plugin_abi.h documents.
#include <gatehouse/testing/fake_host.hpp>

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <string_view>

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
  EXPECT_EQ(host.lastError(), "ABI major 2 is not supported (host speaks " +
                                  std::to_string(GH_ABI_VERSION_MAJOR) + "." +
                                  std::to_string(GH_ABI_VERSION_MINOR) + ")");
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
  EXPECT_EQ(text(api.exchange_credential(exchange.handle())), "");
  exchange.setCredential("sk-pooled");
  EXPECT_EQ(text(api.exchange_credential(exchange.handle())), "sk-pooled");
  EXPECT_EQ(exchange.credential(), "sk-pooled");
  EXPECT_EQ(api.exchange_credential(nullptr).len, 0u);
  EXPECT_EQ(api.exchange_stream_event(exchange.handle(), str("{}")), GH_OK);
  EXPECT_EQ(exchange.events().size(), 1u);

  FakeRequest request;
  request.setHeader("X-Team", "t1").setMethod("GET").setPath("/p").setClientAddress("127.0.0.2");
  EXPECT_EQ(text(api.request_header(request.handle(), str("x-team"))), "t1");
  EXPECT_EQ(text(api.request_method(request.handle())), "GET");
  EXPECT_EQ(text(api.request_path(request.handle())), "/p");
  EXPECT_EQ(text(api.request_client_address(request.handle())), "127.0.0.2");
}

// --- ABI 1.1 through the table ---

TEST(FakeHostApi, CallErrorReadsBackTheLastMessage) {
  const gh_host_api& api = FakeHost::api();
  FakeCall call;
  EXPECT_EQ(text(api.call_error(call.handle())), "");
  api.set_error(call.handle(), str("why"));
  EXPECT_EQ(text(api.call_error(call.handle())), "why");
  EXPECT_EQ(text(api.call_error(nullptr)), "");
}

TEST(FakeHostApi, BufferClearEmptiesTheBuffer) {
  const gh_host_api& api = FakeHost::api();
  gh_buffer* buffer = api.buffer_create(nullptr);
  api.buffer_append(buffer, str("secret"));
  api.buffer_clear(buffer);
  EXPECT_EQ(text(api.buffer_view(buffer)), "");
  api.buffer_append(buffer, str("x"));
  EXPECT_EQ(text(api.buffer_view(buffer)), "x");
  api.buffer_clear(nullptr);
  api.buffer_destroy(buffer);
}

TEST(FakeHostApi, RequestHeadersFormFieldsAndRawStreamsReachTheExchange) {
  const gh_host_api& api = FakeHost::api();
  FakeExchange exchange;
  gatehouse::testing::FakeMultipartForm form;
  form.field("model", "whisper");
  exchange.setForm(form).setHeader("Authorization", "Bearer client-key");
  EXPECT_EQ(text(api.exchange_request_header(exchange.handle(), str("content-type"))), form.contentType());
  EXPECT_EQ(api.exchange_request_header(exchange.handle(), str("authorization")).len, 0u);
  const gh_str model = api.exchange_form_field(exchange.handle(), str("model"));
  EXPECT_EQ(text(model), "whisper");
  EXPECT_EQ(api.exchange_form_field(exchange.handle(), str("file")).ptr, nullptr);
  EXPECT_EQ(api.exchange_stream_begin(exchange.handle(), 200, str("audio/wav")), GH_OK);
  EXPECT_EQ(api.exchange_stream_write(exchange.handle(), str("RIFF")), GH_OK);
  EXPECT_EQ(exchange.rawBody(), "RIFF");
  EXPECT_EQ(api.exchange_stream_begin(nullptr, 200, str("a")), GH_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(api.exchange_stream_write(nullptr, str("a")), GH_ERROR_INVALID_ARGUMENT);
}

TEST(FakeHostApi, UpstreamCallsPlayTheScriptAndReportFailuresOnTheCall) {
  const gh_host_api& api = FakeHost::api();
  FakeExchange exchange;
  exchange.upstream().respond(
      gatehouse::testing::FakeUpstreamResponse::body(200, "{\"ok\":true}").header("x-request-id", "up-1"));
  exchange.upstream().respond(gatehouse::testing::FakeUpstreamResponse::sendFailure(
      GH_ERROR_UNAVAILABLE, "api.example: connection pool full"));
  const std::string method = "GET";
  const std::string url = "https://api.example/v1/models";
  gh_upstream_request request{};
  request.struct_size = sizeof request;
  request.method = str(method);
  request.url = str(url);
  FakeCall call;
  gh_upstream* upstream = nullptr;
  ASSERT_EQ(api.upstream_send(exchange.handle(), call.handle(), &request, &upstream), GH_OK) << call.message;
  EXPECT_EQ(api.upstream_status(upstream), 200);
  EXPECT_EQ(text(api.upstream_header(upstream, str("X-Request-Id"))), "up-1");
  FakeBuffer body;
  ASSERT_EQ(api.upstream_read_body(upstream, call.handle(), body.handle()), GH_OK);
  EXPECT_EQ(body.contents(), "{\"ok\":true}");
  gh_sse_event event{};
  event.struct_size = sizeof event;
  EXPECT_EQ(api.upstream_next_event(upstream, call.handle(), &event), GH_ERROR_INVALID_ARGUMENT);
  EXPECT_NE(text(api.call_error(call.handle())).find("one read style"), std::string::npos);
  api.upstream_close(upstream);
  api.upstream_close(nullptr);

  gh_upstream* failed = reinterpret_cast<gh_upstream*>(&call); // must be reset to NULL
  EXPECT_EQ(api.upstream_send(exchange.handle(), call.handle(), &request, &failed), GH_ERROR_UNAVAILABLE);
  EXPECT_EQ(failed, nullptr);
  EXPECT_EQ(text(api.call_error(call.handle())), "api.example: connection pool full");
  EXPECT_EQ(api.upstream_send(nullptr, call.handle(), &request, &failed), GH_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(api.upstream_read_body(nullptr, call.handle(), body.handle()), GH_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(api.upstream_status(nullptr), 0);
  EXPECT_EQ(exchange.upstream().requests().size(), 2u);
  EXPECT_EQ(exchange.upstream().misuses().size(), 1u); // the mixed read style
}

// --- ABI 1.2 through the table ---

TEST(FakeHostApi, CredentialFindReachesTheScriptedDirectory) {
  const gh_host_api& api = FakeHost::api();
  FakeHost host;
  gatehouse::sdk::Credential key;
  key.keyId = "key-9";
  host.credentials().add("ghk_nine", key);
  gh_credential out{};
  out.struct_size = sizeof out;
  FakeCall call;
  ASSERT_EQ(api.credential_find(host.handle(), call.handle(), str("ghk_nine"), &out), GH_OK);
  EXPECT_EQ(text(out.key_id), "key-9");
  EXPECT_EQ(api.credential_find(host.handle(), call.handle(), str("ghk_other"), &out), GH_ERROR_NOT_FOUND);
  EXPECT_EQ(call.message, "no such API key");
  EXPECT_EQ(api.credential_find(nullptr, call.handle(), str("ghk_nine"), &out), GH_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(api.credential_find(host.handle(), call.handle(), str("ghk_nine"), nullptr),
            GH_ERROR_INVALID_ARGUMENT);
}

TEST(FakeHostApi, IdentityResolveReachesTheScriptedResolver) {
  const gh_host_api& api = FakeHost::api();
  FakeHost host;
  const std::string issuer = "https://idp.test";
  const std::string subject = "s-1";
  gh_identity identity{};
  identity.struct_size = sizeof identity;
  identity.issuer = str(issuer);
  identity.subject = str(subject);
  gh_principal out{};
  out.struct_size = sizeof out;
  FakeCall call;
  ASSERT_EQ(api.identity_resolve(host.handle(), call.handle(), &identity, &out), GH_OK) << call.message;
  EXPECT_EQ(text(out.subject), "s-1");
  host.identities().fail(GH_ERROR_PERMISSION_DENIED, "This account is disabled.");
  EXPECT_EQ(api.identity_resolve(host.handle(), call.handle(), &identity, &out), GH_ERROR_PERMISSION_DENIED);
  EXPECT_EQ(call.message, "This account is disabled.");
  EXPECT_EQ(api.identity_resolve(host.handle(), call.handle(), nullptr, &out), GH_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(host.identities().calls().size(), 2u);
}

TEST(FakeHostApi, HttpSendPlaysTheHostsScriptAndLeavesClosingToThePlugin) {
  const gh_host_api& api = FakeHost::api();
  FakeHost host;
  host.http().respond(gatehouse::testing::FakeUpstreamResponse::body(200, R"({"keys":[]})"));
  const std::string method = "GET";
  const std::string url = "https://idp.test/jwks";
  gh_upstream_request request{};
  request.struct_size = sizeof request;
  request.method = str(method);
  request.url = str(url);
  FakeCall call;
  gh_upstream* upstream = nullptr;
  ASSERT_EQ(api.http_send(host.handle(), call.handle(), &request, &upstream), GH_OK) << call.message;
  FakeBuffer body;
  ASSERT_EQ(api.upstream_read_body(upstream, call.handle(), body.handle()), GH_OK);
  EXPECT_EQ(body.contents(), R"({"keys":[]})");
  EXPECT_EQ(host.http().leftOpen(), 1u);
  api.upstream_close(upstream);
  EXPECT_EQ(host.http().leftOpen(), 0u);
  EXPECT_EQ(host.http().requests().at(0).url, "https://idp.test/jwks");

  gh_upstream* failed = reinterpret_cast<gh_upstream*>(&call); // must be reset to NULL
  EXPECT_EQ(api.http_send(host.handle(), call.handle(), &request, &failed), GH_ERROR_UPSTREAM);
  EXPECT_EQ(failed, nullptr);
  EXPECT_NE(call.message.find("no response queued"), std::string::npos) << call.message;
  EXPECT_EQ(api.http_send(nullptr, call.handle(), &request, &failed), GH_ERROR_INVALID_ARGUMENT);
}

// A plugin that keeps a credential_find view past its call (which the ABI forbids).
std::string keptKeyId;
gh_str leakedKeyId{nullptr, 0};
gh_status keepingAuthenticate(void* state, gh_call* call, gh_request*, gh_auth_verdict* verdict,
                              gh_principal*) {
  gh_credential credential{};
  credential.struct_size = sizeof credential;
  const std::string secret = "ghk_kept";
  const gh_status status =
      FakeHost::api().credential_find(static_cast<gh_host*>(state), call, str(secret), &credential);
  keptKeyId = text(credential.key_id);
  leakedKeyId = credential.key_id;
  *verdict = GH_AUTH_NOT_MINE;
  return status;
}
gh_status keepingInit(const gh_host_api*, gh_host* host, gh_call*, void** state) {
  *state = host;
  return GH_OK;
}
void keepingShutdown(void*) {
}

// A hand-written auth descriptor around `table`, for checks the SDK's own trampolines never
// trip. `name` must be a string literal (the descriptor keeps the view).
gh_plugin_descriptor rawAuthDescriptor(const gh_auth_vtable& table, std::string_view name,
                                       std::uint16_t abiMinor = GH_ABI_VERSION_MINOR) {
  return gh_plugin_descriptor{GH_PLUGIN_MAGIC, GH_ABI_VERSION_MAJOR, abiMinor, sizeof(gh_plugin_descriptor),
                              GH_KIND_AUTH, 0, gh_str{name.data(), name.size()}, gh_str{"1", 1}, keepingInit,
                              keepingShutdown, nullptr, &table, nullptr};
}

TEST(FakeHost, CredentialViewsDieWhenThePluginCallReturns) {
  static const gh_auth_vtable table{sizeof(gh_auth_vtable), 0, keepingAuthenticate, nullptr, nullptr};
  const gh_plugin_descriptor descriptor = rawAuthDescriptor(table, "keeping");
  FakeHost host;
  gatehouse::sdk::Credential key;
  key.keyId = "key-kept";
  host.credentials().add("ghk_kept", key);
  ASSERT_EQ(host.init(&descriptor), GH_OK) << host.lastError();
  FakeRequest request;
  gatehouse::testing::AuthOutcome outcome;
  ASSERT_EQ(host.authenticate(request, outcome), GH_OK) << host.lastError();
  EXPECT_EQ(keptKeyId, "key-kept");         // valid during the call
  EXPECT_EQ(text(leakedKeyId), "########"); // garbage after it
}

// A raw sign-in plugin breaking the rules the gateway enforces on login_start/login_finish.
gh_status silentStart(void*, gh_call*, gh_str, gh_str, gh_buffer*, gh_buffer*) {
  return GH_OK; // and never a location
}
gh_status shortFinish(void*, gh_call*, gh_str, gh_str, gh_str, gh_identity* identity) {
  identity->struct_size = 16;
  return GH_OK;
}
gh_status noAuthenticate(void*, gh_call*, gh_request*, gh_auth_verdict* verdict, gh_principal*) {
  *verdict = GH_AUTH_NOT_MINE;
  return GH_OK;
}

TEST(FakeHost, RefusesWhatTheGatewayRefusesFromASignIn) {
  static const gh_auth_vtable table{sizeof(gh_auth_vtable), 0, noAuthenticate, silentStart, shortFinish};
  const gh_plugin_descriptor descriptor = rawAuthDescriptor(table, "raw");
  FakeHost host;
  ASSERT_EQ(host.init(&descriptor), GH_OK) << host.lastError();
  ASSERT_TRUE(host.offersLogin());
  gatehouse::sdk::LoginStart start;
  EXPECT_EQ(host.loginStart("s", "https://gw/auth/callback", start), GH_ERROR_INTERNAL);
  EXPECT_EQ(host.lastError(), "login_start succeeded without a location");
  gatehouse::sdk::Identity identity;
  EXPECT_EQ(host.loginFinish("https://gw/auth/callback", "code=x", "f", identity), GH_ERROR_INTERNAL);
  EXPECT_EQ(host.lastError(), "login_finish filled an identity smaller than ABI 1.2's gh_identity");
}

TEST(FakeHost, AnOlderAuthTableOffersNoSignIn) {
  static const gh_auth_vtable table{16, 0, noAuthenticate, silentStart, shortFinish}; // 1.1-sized
  const gh_plugin_descriptor descriptor = rawAuthDescriptor(table, "old", 1); // a 1.1 plugin
  FakeHost host;
  ASSERT_EQ(host.init(&descriptor), GH_OK) << host.lastError();
  EXPECT_FALSE(host.offersLogin());
  gatehouse::sdk::LoginStart start;
  EXPECT_EQ(host.loginStart("s", "r", start), GH_ERROR_UNSUPPORTED);
}

} // namespace
