// An in-process Gatehouse host for plugin unit tests. It implements the whole
// gh_host_api, runs one plugin (a descriptor from a plugin linked into the test or from
// PluginLibrary), and lets the test call the plugin's vtable the way the gateway would:
//
//   gatehouse::testing::PluginLibrary library(pathToSo);   // or a linked-in descriptor
//   gatehouse::testing::FakeHost host;
//   ASSERT_EQ(host.init(library.descriptor(), R"({"k":1})"), GH_OK) << host.lastError();
//   ASSERT_EQ(host.createProvider("p", "{}"), GH_OK) << host.lastError();
//   gatehouse::testing::FakeExchange exchange;
//   exchange.setBody(R"({"messages":[]})");
//   exchange.upstream().respond(FakeUpstreamResponse::body(200, R"({"id":"x"})"));
//   EXPECT_EQ(host.handle("p", exchange), GH_OK);
//   EXPECT_EQ(exchange.status(), 200);
//   EXPECT_EQ(exchange.upstream().requests().at(0).url, "https://upstream.test/v1/x");
//
// An auth plugin is driven the same way (ABI 1.2 host services are scripted too):
//
//   host.credentials().add("ghk_...", credential);            // credential_find
//   host.identities().fail(GH_ERROR_UNAVAILABLE, "store down"); // identity_resolve
//   host.http().respond(FakeUpstreamResponse::body(200, jwks)); // http_send
//   FakeRequest request;
//   request.setHeader("Authorization", "Bearer ghk_...");
//   AuthOutcome outcome;
//   EXPECT_EQ(host.authenticate(request, outcome), GH_OK);
//   sdk::LoginStart start;                                      // a SignInAuthPlugin
//   EXPECT_EQ(host.loginStart("state-1", "https://gw/auth/callback", start), GH_OK);
//
// Every call's set_error message is kept in lastError(). Calls are meant to come from the
// test's thread; only logging is safe from other threads.
#pragma once

#include <gatehouse/plugin_abi.h>
#include <gatehouse/sdk/auth_plugin.hpp>
#include <gatehouse/sdk/identity.hpp>
#include <gatehouse/sdk/principal.hpp>
#include <gatehouse/sdk/str.hpp>
#include <gatehouse/testing/descriptor_check.hpp>
#include <gatehouse/testing/fake_buffer.hpp>
#include <gatehouse/testing/fake_call.hpp>
#include <gatehouse/testing/fake_credentials.hpp>
#include <gatehouse/testing/fake_exchange.hpp>
#include <gatehouse/testing/fake_identities.hpp>
#include <gatehouse/testing/fake_request.hpp>
#include <gatehouse/testing/fake_secrets.hpp>
#include <gatehouse/testing/fake_upstream.hpp>
#include <gatehouse/testing/fake_upstream_script.hpp>
#include <gatehouse/testing/log_capture.hpp>
#include <gatehouse/testing/test_principal.hpp>
#include <gatehouse/testing/test_usage_event.hpp>

#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gatehouse::testing {

// A principal as the host copied it after authenticate.
struct AuthOutcome {
  gh_auth_verdict verdict = GH_AUTH_NOT_MINE;
  gh_role role = GH_ROLE_MEMBER;
  std::string subject, team, app, keyId, scopes;
  // ABI 1.2; 0 when the plugin's principal predates them.
  std::int64_t requestsPerMinute = 0, tokensPerMinute = 0, monthlyBudgetMicroUsd = 0;
};

class FakeHost {
public:
  explicit FakeHost(std::string pluginName = "test-plugin") : pluginName_(std::move(pluginName)) {}
  ~FakeHost() { shutdown(); }
  FakeHost(const FakeHost&) = delete;
  FakeHost& operator=(const FakeHost&) = delete;

  // The gateway's handshake checks, then the plugin's init with `pluginConfigJson` as its
  // plugins[].config. The descriptor (and its library) must outlive this FakeHost.
  gh_status init(const gh_plugin_descriptor* descriptor, std::string pluginConfigJson = "{}") {
    if (descriptor_ != nullptr) {
      return fail(GH_ERROR_INTERNAL, "init: a plugin is already initialised");
    }
    std::string problem = descriptorProblem(descriptor);
    if (!problem.empty()) {
      return fail(GH_ERROR_INVALID_ARGUMENT, problem);
    }
    pluginConfig_ = std::move(pluginConfigJson);
    void* state = nullptr;
    gh_status status = run([&](gh_call* call) { return descriptor->init(&api(), handle(), call, &state); });
    if (status == GH_OK) {
      descriptor_ = descriptor;
      state_ = state;
    }
    return status;
  }

  // Destroys every provider instance, newest first, then calls shutdown; the gateway does
  // the same. Safe to call twice; the destructor calls it.
  void shutdown() {
    if (descriptor_ == nullptr) {
      return;
    }
    while (!instances_.empty()) {
      descriptor_->provider->destroy(instances_.back().second);
      instances_.pop_back();
    }
    descriptor_->shutdown(state_);
    descriptor_ = nullptr;
    state_ = nullptr;
  }
  bool initialised() const { return descriptor_ != nullptr; }

  FakeSecrets& secrets() { return secrets_; }
  // ABI 1.2: the key directory (credential_find), the identity resolver (identity_resolve)
  // and the plugin's own HTTP client (http_send; the plugin must close what it opens, so
  // http().leftOpen() should be 0 after every call).
  FakeCredentials& credentials() { return credentials_; }
  FakeIdentities& identities() { return identities_; }
  FakeUpstreamScript& http() { return http_; }
  LogCapture& logs() { return logs_; }
  const LogCapture& logs() const { return logs_; }
  // The message the plugin passed to set_error during the most recent call ("" if none).
  const std::string& lastError() const { return lastError_; }

  // --- provider plugins ---
  gh_status createProvider(const std::string& providerName, const std::string& configJson = "{}") {
    if (!is(GH_KIND_PROVIDER)) {
      return fail(GH_ERROR_INVALID_ARGUMENT, "not an initialised provider plugin");
    }
    if (findInstance(providerName) != nullptr) {
      return fail(GH_ERROR_INVALID_ARGUMENT, "duplicate provider");
    }
    void* instance = nullptr;
    gh_status status = run([&](gh_call* call) {
      return descriptor_->provider->create(state_, call, sdk::ghStr(providerName), sdk::ghStr(configJson),
                                           &instance);
    });
    if (status == GH_OK) {
      instances_.emplace_back(providerName, instance);
    }
    return status;
  }
  gh_status handle(const std::string& providerName, FakeExchange& exchange) {
    void** instance = findInstance(providerName);
    if (instance == nullptr) {
      return fail(GH_ERROR_NOT_FOUND, "no provider instance " + providerName);
    }
    const gh_status status =
        run([&](gh_call* call) { return descriptor_->provider->handle(*instance, call, exchange.handle()); });
    // As the gateway does: whatever the plugin left open is abandoned now.
    exchange.upstream().closeAllByHost();
    return status;
  }
  void destroyProvider(const std::string& providerName) {
    for (auto it = instances_.begin(); it != instances_.end(); ++it) {
      if (it->first == providerName) {
        descriptor_->provider->destroy(it->second);
        instances_.erase(it);
        return;
      }
    }
  }
  std::size_t providerCount() const { return instances_.size(); }

  // --- auth plugins ---
  gh_status authenticate(FakeRequest& request, AuthOutcome& out) {
    if (!is(GH_KIND_AUTH)) {
      return fail(GH_ERROR_INVALID_ARGUMENT, "not an initialised auth plugin");
    }
    gh_auth_verdict verdict = GH_AUTH_NOT_MINE;
    gh_principal principal{};
    gh_status status = run([&](gh_call* call) {
      return descriptor_->auth->authenticate(state_, call, request.handle(), &verdict, &principal);
    });
    out = AuthOutcome{};
    out.verdict = verdict;
    if (status == GH_OK && verdict == GH_AUTH_ACCEPTED) {
      out.role = principal.role;
      out.subject = std::string(sdk::view(principal.subject));
      out.team = std::string(sdk::view(principal.team));
      out.app = std::string(sdk::view(principal.app));
      out.keyId = std::string(sdk::view(principal.key_id));
      out.scopes = std::string(sdk::view(principal.scopes));
      out.requestsPerMinute = sdk::detail::limitOf(principal, &gh_principal::requests_per_minute);
      out.tokensPerMinute = sdk::detail::limitOf(principal, &gh_principal::tokens_per_minute);
      out.monthlyBudgetMicroUsd = sdk::detail::limitOf(principal, &gh_principal::monthly_budget_micro_usd);
    }
    return status;
  }

  // --- browser sign-in (ABI 1.2, auth plugins that offer it) ---

  // True when the plugin's auth table is 1.2-sized and sets login_start and login_finish.
  bool offersLogin() const {
    return is(GH_KIND_AUTH) && descriptor_->auth->struct_size >= kAuthVtableSize12 &&
           descriptor_->auth->login_start != nullptr && descriptor_->auth->login_finish != nullptr;
  }
  // Refuses what the gateway refuses: a start without a location or with a flow over
  // sdk::kMaxLoginFlowBytes is a plugin failure (GH_ERROR_INTERNAL).
  gh_status loginStart(std::string_view state, std::string_view redirectUri, sdk::LoginStart& out) {
    out = sdk::LoginStart{};
    if (!offersLogin()) {
      return fail(GH_ERROR_UNSUPPORTED, "the plugin offers no browser sign-in");
    }
    FakeBuffer location;
    FakeBuffer flow;
    const gh_status status = run([&](gh_call* call) {
      return descriptor_->auth->login_start(state_, call, sdk::ghStr(state), sdk::ghStr(redirectUri),
                                            location.handle(), flow.handle());
    });
    if (status != GH_OK) {
      return status;
    }
    if (location.contents().empty()) {
      return fail(GH_ERROR_INTERNAL, "login_start succeeded without a location");
    }
    if (flow.contents().size() > sdk::kMaxLoginFlowBytes) {
      return fail(GH_ERROR_INTERNAL,
                  "login_start wrote a flow over " + std::to_string(sdk::kMaxLoginFlowBytes) + " bytes");
    }
    out.location = location.contents();
    out.flow = flow.contents();
    return GH_OK;
  }
  // The identity is copied out of the plugin's views at once, teams split on "\n" with
  // empty names dropped, as the gateway does.
  gh_status loginFinish(std::string_view redirectUri, std::string_view callbackQuery, std::string_view flow,
                        sdk::Identity& out) {
    out = sdk::Identity{};
    if (!offersLogin()) {
      return fail(GH_ERROR_UNSUPPORTED, "the plugin offers no browser sign-in");
    }
    gh_identity identity{};
    const gh_status status = run([&](gh_call* call) {
      return descriptor_->auth->login_finish(state_, call, sdk::ghStr(redirectUri), sdk::ghStr(callbackQuery),
                                             sdk::ghStr(flow), &identity);
    });
    if (status != GH_OK) {
      return status;
    }
    if (identity.struct_size < kIdentitySize12) {
      return fail(GH_ERROR_INTERNAL, "login_finish filled an identity smaller than ABI 1.2's gh_identity");
    }
    out = sdk::detail::identityFrom(identity);
    return GH_OK;
  }

  // --- billing plugins: an empty slot answers GH_ERROR_UNSUPPORTED, so a test notices ---
  bool hasAdmit() const { return is(GH_KIND_BILLING) && descriptor_->billing->admit != nullptr; }
  bool hasPrice() const { return is(GH_KIND_BILLING) && descriptor_->billing->price != nullptr; }
  bool hasRecord() const { return is(GH_KIND_BILLING) && descriptor_->billing->record != nullptr; }

  // `principal` NULL stands for an anonymous request.
  gh_status admit(const gh_principal* principal, std::string_view model, bool& allowed) {
    if (!hasAdmit()) {
      return fail(GH_ERROR_UNSUPPORTED, "plugin has no admit");
    }
    int32_t result = -1;
    gh_status status = run([&](gh_call* call) {
      return descriptor_->billing->admit(state_, call, principal, sdk::ghStr(model), &result);
    });
    allowed = result == 1;
    return status;
  }
  gh_status admit(const TestPrincipal& principal, std::string_view model, bool& allowed) {
    gh_principal raw = principal.view();
    return admit(&raw, model, allowed);
  }
  gh_status price(const TestUsageEvent& event, std::int64_t& costMicroUsd) {
    if (!hasPrice()) {
      return fail(GH_ERROR_UNSUPPORTED, "plugin has no price");
    }
    gh_usage_event raw = event.view();
    return run([&](gh_call* call) { return descriptor_->billing->price(state_, call, &raw, &costMicroUsd); });
  }
  gh_status record(const TestUsageEvent& event, std::int64_t costMicroUsd) {
    if (!hasRecord()) {
      return fail(GH_ERROR_UNSUPPORTED, "plugin has no record");
    }
    gh_usage_event raw = event.view();
    return run([&](gh_call* call) { return descriptor_->billing->record(state_, call, &raw, costMicroUsd); });
  }

  // The host API table every FakeHost hands out, and this host's handle, for tests that
  // call host functions directly (as a plain C plugin would).
  static const gh_host_api& api() {
    static const gh_host_api table{
        sizeof(gh_host_api), GH_ABI_VERSION_MAJOR, GH_ABI_VERSION_MINOR, &apiLog, &apiLogEnabled,
        &apiSetError, &apiPluginConfig, &apiPluginName, &apiResolveSecret, &apiBufferAppend, &apiBufferView,
        &apiExchangeEndpoint, &apiExchangeRequestBody, &apiExchangeModel, &apiExchangeUpstreamModel,
        &apiExchangeWantsStream, &apiExchangeRequestId, &apiExchangeRespond, &apiExchangeStreamEvent,
        &apiExchangeReportUsage, &apiRequestHeader, &apiRequestMethod, &apiRequestPath,
        &apiRequestClientAddress, &apiBufferCreate, &apiBufferDestroy,
        // 1.1
        &apiExchangeRequestHeader, &apiExchangeFormField, &apiExchangeStreamBegin, &apiExchangeStreamWrite,
        &apiUpstreamSend, &apiUpstreamStatus, &apiUpstreamHeader, &apiUpstreamReadBody, &apiUpstreamNextEvent,
        &apiUpstreamReadChunk, &apiUpstreamClose, &apiCallError, &apiBufferClear,
        // 1.2
        &apiCredentialFind, &apiIdentityResolve, &apiHttpSend,
        // 1.3
        &apiExchangeCredential};
    return table;
  }
  gh_host* handle() { return reinterpret_cast<gh_host*>(this); }

  // Buffers from buffer_create not yet destroyed, across all FakeHosts (the table is
  // shared): lets a test check that a plugin frees every buffer it creates.
  static long& liveBufferCount() {
    static long count = 0;
    return count;
  }

private:
  template <class Call> gh_status run(Call&& invoke) {
    FakeCall call;
    gh_status status = invoke(call.handle());
    lastError_ = std::move(call.message);
    // Views lent during the call die with it, as the ABI says.
    credentials_.endCall();
    identities_.endCall();
    return status;
  }
  gh_status fail(gh_status status, std::string message) {
    lastError_ = std::move(message);
    return status;
  }
  bool is(gh_plugin_kind kind) const { return descriptor_ != nullptr && descriptor_->kind == kind; }
  void** findInstance(const std::string& providerName) {
    for (auto& [name, instance] : instances_) {
      if (name == providerName) {
        return &instance;
      }
    }
    return nullptr;
  }
  static FakeHost* from(gh_host* host) { return reinterpret_cast<FakeHost*>(host); }

  // --- the gh_host_api functions. NULL handles never crash: they read as empty. ---
  static void apiLog(gh_host* host, gh_log_level level, gh_str message) {
    if (host == nullptr) {
      std::fprintf(stderr, "? %d %.*s\n", level, static_cast<int>(message.len),
                   message.ptr ? message.ptr : "");
      return;
    }
    from(host)->logs_.write(level, sdk::view(message));
  }
  static int32_t apiLogEnabled(gh_host* host, gh_log_level level) {
    return host != nullptr && from(host)->logs_.enabled(level) ? 1 : 0;
  }
  static void apiSetError(gh_call* call, gh_str message) {
    if (call != nullptr) {
      FakeCall::from(call).message = std::string(sdk::view(message));
    }
  }
  static gh_str apiPluginConfig(gh_host* host) {
    return host ? sdk::ghStr(from(host)->pluginConfig_) : sdk::ghStr("{}");
  }
  static gh_str apiPluginName(gh_host* host) {
    return host ? sdk::ghStr(from(host)->pluginName_) : gh_str{nullptr, 0};
  }
  static gh_status apiResolveSecret(gh_host* host, gh_call* call, gh_str reference, gh_buffer* out) {
    if (host == nullptr || out == nullptr) {
      apiSetError(call, sdk::ghStr("resolve_secret: host and out must not be NULL"));
      return GH_ERROR_INVALID_ARGUMENT;
    }
    std::string value, why;
    gh_status status = from(host)->secrets_.resolve(sdk::view(reference), value, why);
    if (status != GH_OK) {
      apiSetError(call, sdk::ghStr(why));
      FakeBuffer::from(out).assign(why); // as the real host does: the plugin can report it
      return status;
    }
    FakeBuffer::from(out).append(value.data(), value.size());
    return GH_OK;
  }
  static void apiBufferAppend(gh_buffer* buffer, gh_str data) {
    if (buffer != nullptr && data.ptr != nullptr) {
      FakeBuffer::from(buffer).append(data.ptr, data.len);
    }
  }
  static gh_str apiBufferView(gh_buffer* buffer) {
    return buffer ? sdk::ghStr(FakeBuffer::from(buffer).contents()) : gh_str{nullptr, 0};
  }

  static gh_buffer* apiBufferCreate(gh_host*) {
    ++liveBufferCount();
    return (new FakeBuffer)->handle();
  }
  static void apiBufferDestroy(gh_buffer* buffer) {
    if (buffer != nullptr) {
      --liveBufferCount();
      delete &FakeBuffer::from(buffer);
    }
  }

  static gh_endpoint apiExchangeEndpoint(gh_exchange* exchange) {
    return exchange ? FakeExchange::from(exchange).endpoint() : 0;
  }
  static gh_str apiExchangeRequestBody(gh_exchange* exchange) {
    return exchange ? sdk::ghStr(FakeExchange::from(exchange).requestBody()) : gh_str{nullptr, 0};
  }
  static gh_str apiExchangeModel(gh_exchange* exchange) {
    return exchange ? sdk::ghStr(FakeExchange::from(exchange).model()) : gh_str{nullptr, 0};
  }
  static gh_str apiExchangeUpstreamModel(gh_exchange* exchange) {
    return exchange ? sdk::ghStr(FakeExchange::from(exchange).upstreamModel()) : gh_str{nullptr, 0};
  }
  static int32_t apiExchangeWantsStream(gh_exchange* exchange) {
    return exchange && FakeExchange::from(exchange).wantsStream() ? 1 : 0;
  }
  static gh_str apiExchangeRequestId(gh_exchange* exchange) {
    return exchange ? sdk::ghStr(FakeExchange::from(exchange).requestId()) : gh_str{nullptr, 0};
  }
  static gh_status apiExchangeRespond(gh_exchange* exchange, int32_t httpStatus, gh_str contentType,
                                      gh_str body) {
    if (exchange == nullptr) {
      return GH_ERROR_INVALID_ARGUMENT;
    }
    return FakeExchange::from(exchange).respond(httpStatus, sdk::view(contentType), sdk::view(body));
  }
  static gh_status apiExchangeStreamEvent(gh_exchange* exchange, gh_str data) {
    if (exchange == nullptr) {
      return GH_ERROR_INVALID_ARGUMENT;
    }
    return FakeExchange::from(exchange).streamEvent(sdk::view(data));
  }
  static gh_status apiExchangeReportUsage(gh_exchange* exchange, const gh_usage* usage) {
    if (exchange == nullptr) {
      return GH_ERROR_INVALID_ARGUMENT;
    }
    return FakeExchange::from(exchange).reportUsage(usage);
  }

  // --- ABI 1.3 ---
  static gh_str apiExchangeCredential(gh_exchange* exchange) {
    return exchange ? sdk::ghStr(FakeExchange::from(exchange).credential()) : gh_str{nullptr, 0};
  }

  // --- ABI 1.1 ---
  static gh_str apiExchangeRequestHeader(gh_exchange* exchange, gh_str name) {
    return exchange ? sdk::ghStr(FakeExchange::from(exchange).requestHeader(sdk::view(name)))
                    : gh_str{nullptr, 0};
  }
  static gh_str apiExchangeFormField(gh_exchange* exchange, gh_str name) {
    if (exchange == nullptr) {
      return gh_str{nullptr, 0};
    }
    const std::optional<std::string_view> value = FakeExchange::from(exchange).formField(sdk::view(name));
    return value ? sdk::ghStr(*value) : gh_str{nullptr, 0};
  }
  static gh_status apiExchangeStreamBegin(gh_exchange* exchange, int32_t httpStatus, gh_str contentType) {
    if (exchange == nullptr) {
      return GH_ERROR_INVALID_ARGUMENT;
    }
    return FakeExchange::from(exchange).streamBegin(httpStatus, sdk::view(contentType));
  }
  static gh_status apiExchangeStreamWrite(gh_exchange* exchange, gh_str data) {
    if (exchange == nullptr) {
      return GH_ERROR_INVALID_ARGUMENT;
    }
    return FakeExchange::from(exchange).streamWrite(sdk::view(data));
  }

  // Sets `message` on `call` (as the real host does for a failed host call) and returns `status`.
  static gh_status failCall(gh_call* call, gh_status status, const std::string& message) {
    apiSetError(call, sdk::ghStr(message));
    return status;
  }
  static gh_status apiUpstreamSend(gh_exchange* exchange, gh_call* call, const gh_upstream_request* request,
                                   gh_upstream** outUpstream) {
    if (outUpstream != nullptr) {
      *outUpstream = nullptr;
    }
    if (exchange == nullptr || request == nullptr || outUpstream == nullptr) {
      return failCall(call, GH_ERROR_INVALID_ARGUMENT, "upstream_send: NULL argument");
    }
    std::string why;
    const gh_status status = FakeExchange::from(exchange).upstream().send(*request, outUpstream, why);
    return status == GH_OK ? GH_OK : failCall(call, status, why);
  }
  static int32_t apiUpstreamStatus(gh_upstream* upstream) {
    return upstream ? FakeUpstream::from(upstream).status() : 0;
  }
  static gh_str apiUpstreamHeader(gh_upstream* upstream, gh_str name) {
    return upstream ? sdk::ghStr(FakeUpstream::from(upstream).header(sdk::view(name))) : gh_str{nullptr, 0};
  }
  template <class Read> static gh_status upstreamRead(gh_upstream* upstream, gh_call* call, Read read) {
    if (upstream == nullptr) {
      return failCall(call, GH_ERROR_INVALID_ARGUMENT, "upstream read: NULL upstream");
    }
    FakeFailure failure;
    const gh_status status = read(FakeUpstream::from(upstream), failure);
    return status == GH_OK ? GH_OK : failCall(call, status, failure.message);
  }
  static gh_status apiUpstreamReadBody(gh_upstream* upstream, gh_call* call, gh_buffer* out) {
    if (out == nullptr) {
      return failCall(call, GH_ERROR_INVALID_ARGUMENT, "upstream_read_body: no output buffer");
    }
    return upstreamRead(upstream, call, [&](FakeUpstream& fake, FakeFailure& failure) {
      return fake.readBody(FakeBuffer::from(out).contents(), failure);
    });
  }
  static gh_status apiUpstreamNextEvent(gh_upstream* upstream, gh_call* call, gh_sse_event* outEvent) {
    if (outEvent == nullptr) {
      return failCall(call, GH_ERROR_INVALID_ARGUMENT, "upstream_next_event: no event");
    }
    return upstreamRead(upstream, call, [&](FakeUpstream& fake, FakeFailure& failure) {
      return fake.nextEvent(*outEvent, failure);
    });
  }
  static gh_status apiUpstreamReadChunk(gh_upstream* upstream, gh_call* call, gh_buffer* out) {
    if (out == nullptr) {
      return failCall(call, GH_ERROR_INVALID_ARGUMENT, "upstream_read_chunk: no output buffer");
    }
    return upstreamRead(upstream, call, [&](FakeUpstream& fake, FakeFailure& failure) {
      return fake.readChunk(FakeBuffer::from(out).contents(), failure);
    });
  }
  static void apiUpstreamClose(gh_upstream* upstream) {
    if (upstream != nullptr) {
      FakeUpstream::from(upstream).close(false);
    }
  }
  static gh_str apiCallError(gh_call* call) {
    return call ? sdk::ghStr(FakeCall::from(call).message) : gh_str{nullptr, 0};
  }
  static void apiBufferClear(gh_buffer* buffer) {
    if (buffer != nullptr) {
      FakeBuffer::from(buffer).clear();
    }
  }

  // --- ABI 1.2 ---
  static gh_status apiCredentialFind(gh_host* host, gh_call* call, gh_str secret, gh_credential* out) {
    if (host == nullptr || out == nullptr) {
      return failCall(call, GH_ERROR_INVALID_ARGUMENT, "credential_find: host and out must not be NULL");
    }
    std::string why;
    const gh_status status = from(host)->credentials_.find(sdk::view(secret), *out, why);
    return status == GH_OK ? GH_OK : failCall(call, status, why);
  }
  static gh_status apiIdentityResolve(gh_host* host, gh_call* call, const gh_identity* identity,
                                      gh_principal* outPrincipal) {
    if (host == nullptr || identity == nullptr || outPrincipal == nullptr) {
      return failCall(call, GH_ERROR_INVALID_ARGUMENT, "identity_resolve: NULL argument");
    }
    std::string why;
    const gh_status status = from(host)->identities_.resolve(*identity, *outPrincipal, why);
    return status == GH_OK ? GH_OK : failCall(call, status, why);
  }
  static gh_status apiHttpSend(gh_host* host, gh_call* call, const gh_upstream_request* request,
                               gh_upstream** outUpstream) {
    if (outUpstream != nullptr) {
      *outUpstream = nullptr;
    }
    if (host == nullptr || request == nullptr || outUpstream == nullptr) {
      return failCall(call, GH_ERROR_INVALID_ARGUMENT, "http_send: NULL argument");
    }
    std::string why;
    const gh_status status = from(host)->http_.send(*request, outUpstream, why);
    return status == GH_OK ? GH_OK : failCall(call, status, why);
  }

  static gh_str apiRequestHeader(gh_request* request, gh_str name) {
    return request ? sdk::ghStr(FakeRequest::from(request).header(sdk::view(name))) : gh_str{nullptr, 0};
  }
  static gh_str apiRequestMethod(gh_request* request) {
    return request ? sdk::ghStr(FakeRequest::from(request).method()) : gh_str{nullptr, 0};
  }
  static gh_str apiRequestPath(gh_request* request) {
    return request ? sdk::ghStr(FakeRequest::from(request).path()) : gh_str{nullptr, 0};
  }
  static gh_str apiRequestClientAddress(gh_request* request) {
    return request ? sdk::ghStr(FakeRequest::from(request).clientAddress()) : gh_str{nullptr, 0};
  }

  std::string pluginName_;
  std::string pluginConfig_ = "{}";
  FakeSecrets secrets_;
  FakeCredentials credentials_;
  FakeIdentities identities_;
  FakeUpstreamScript http_;
  LogCapture logs_;
  std::string lastError_;
  const gh_plugin_descriptor* descriptor_ = nullptr;
  void* state_ = nullptr;
  std::vector<std::pair<std::string, void*>> instances_;
};

} // namespace gatehouse::testing
