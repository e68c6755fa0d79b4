// The plugin's view of the host: logging, its own configuration and secrets, and (ABI 1.2)
// the key directory, identity resolution and HTTP outside of any client request. A plugin
// receives a Host& in its constructor; it stays valid until the plugin is destroyed at
// shutdown.
#pragma once

#include <gatehouse/plugin_abi.h>
#include <gatehouse/sdk/credential.hpp>
#include <gatehouse/sdk/detail/guard.hpp>
#include <gatehouse/sdk/error.hpp>
#include <gatehouse/sdk/identity.hpp>
#include <gatehouse/sdk/principal.hpp>
#include <gatehouse/sdk/str.hpp>
#include <gatehouse/sdk/upstream.hpp>

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace gatehouse::sdk {

class Host {
public:
  // Borrows both: the host keeps `api` and `host` alive from init until shutdown returns.
  Host(const gh_host_api& api, gh_host* host) noexcept : api_(&api), host_(host) {}

  // Writes one log line attributed to this plugin; the host copies `message`.
  // Never put a secret into a message. Thread-safe.
  void log(gh_log_level level, std::string_view message) const noexcept {
    api_->log(host_, level, ghStr(message));
  }
  // Lets a plugin skip building a message nobody will read.
  bool logEnabled(gh_log_level level) const noexcept { return api_->log_enabled(host_, level) != 0; }
  void debug(std::string_view message) const noexcept { log(GH_LOG_DEBUG, message); }
  void info(std::string_view message) const noexcept { log(GH_LOG_INFO, message); }
  void warn(std::string_view message) const noexcept { log(GH_LOG_WARN, message); }
  void error(std::string_view message) const noexcept { log(GH_LOG_ERROR, message); }

  // The plugins[].config object as JSON ("{}" when absent). Owned by the host, valid
  // until shutdown: copy it only if you keep it beyond that (you never need to).
  std::string_view pluginConfig() const noexcept { return view(api_->plugin_config(host_)); }
  // The name the operator loaded this plugin under (plugins[].name). Valid until shutdown.
  std::string_view pluginName() const noexcept { return view(api_->plugin_name(host_)); }

  // The value behind a secret reference from the config: "env:NAME" or "file:PATH" (a
  // single trailing newline removed). Call it from inside a plugin callback (the
  // constructor, create, handle, ...) on the thread the host called; keep the result out
  // of logs and errors. Throws Error with the host's message (it names the reference,
  // never a value) when the reference is malformed or cannot be resolved; letting it
  // escape fails the call with that message.
  std::string resolveSecret(std::string_view reference) const {
    // Destroyed on every path; buffer_destroy also zeroes the host's copy of the value.
    const std::unique_ptr<gh_buffer, void (*)(gh_buffer*)> buffer(api_->buffer_create(host_),
                                                                  api_->buffer_destroy);
    if (buffer == nullptr) {
      throw Error(GH_ERROR_INTERNAL, "out of memory resolving a secret");
    }
    const gh_status status =
        api_->resolve_secret(host_, detail::currentCall(), ghStr(reference), buffer.get());
    const gh_str contents = api_->buffer_view(buffer.get());
    std::string result(contents.ptr != nullptr ? contents.ptr : "", contents.len);
    if (status != GH_OK) {
      throw Error(status, result.empty() ? "secret '" + std::string(reference) + "' cannot be resolved"
                                         : result);
    }
    return result;
  }

  // --- ABI 1.2. Like resolveSecret, call these from inside a plugin callback: a failure's
  // message is read from the call being served. ---

  // The API key whose secret the client presented, or nullopt when the host knows no such
  // key. The host hashes the secret and compares in constant time; the answer still has to
  // be judged (Credential::usableAt). Throws Error with the host's status and message when
  // the lookup itself failed, e.g. GH_ERROR_UNAVAILABLE before the key directory loaded.
  std::optional<Credential> findCredential(std::string_view secret) const {
    const auto find =
        slot(&gh_host_api::credential_find, offsetof(gh_host_api, credential_find), "credential_find");
    gh_credential raw{};
    raw.struct_size = sizeof raw;
    const gh_status status = find(host_, detail::currentCall(), ghStr(secret), &raw);
    if (status == GH_ERROR_NOT_FOUND) {
      return std::nullopt;
    }
    if (status != GH_OK) {
      throw detail::hostFailure(*api_, status, "looking up an API key");
    }
    return detail::credentialFrom(raw);
  }

  // The principal of the user behind `identity`, whom the host creates on first sight (with
  // their teams) and updates when role, email or name changed. Throws Error with the host's
  // status and message: GH_ERROR_PERMISSION_DENIED for a user an administrator disabled,
  // GH_ERROR_INVALID_ARGUMENT for an identity without subject, GH_ERROR_UNAVAILABLE when
  // the store is down.
  Principal resolveIdentity(const Identity& identity) const {
    const auto resolve =
        slot(&gh_host_api::identity_resolve, offsetof(gh_host_api, identity_resolve), "identity_resolve");
    const std::string teams = detail::joinTeams(identity.teams);
    const gh_identity raw = detail::identityView(identity, teams);
    gh_principal principal{};
    principal.struct_size = sizeof principal;
    const gh_status status = resolve(host_, detail::currentCall(), &raw, &principal);
    if (status != GH_OK) {
      throw detail::hostFailure(*api_, status, "resolving an identity");
    }
    return detail::principalFrom(principal);
  }

  // Sends an HTTP request outside of any client exchange, through this plugin's own
  // upstream client (plugins[].upstream: TLS verification, ca_file, proxy, timeouts), and
  // waits for the status and headers. Same results as Exchange::send: an HTTP error status
  // is a response; no response throws Error (GH_ERROR_UPSTREAM, _UPSTREAM_TIMEOUT, ...).
  // The Upstream closes itself when destroyed, which the ABI requires of the plugin here.
  Upstream send(const UpstreamRequest& request) const {
    const auto httpSend = slot(&gh_host_api::http_send, offsetof(gh_host_api, http_send), "http_send");
    const detail::RawUpstreamRequest raw(request);
    gh_upstream* upstream = nullptr;
    const gh_status status = httpSend(host_, detail::currentCall(), raw.raw(), &upstream);
    if (status != GH_OK) {
      throw detail::hostFailure(*api_, status, "sending an HTTP request");
    }
    return Upstream(*api_, upstream);
  }

  // The raw table and handle, for host calls the wrapper does not cover.
  const gh_host_api& api() const noexcept { return *api_; }
  gh_host* handle() const noexcept { return host_; }

private:
  // A host older than the plugin cannot load it, so this fails only for a hand-made table
  // that is short or has a hole; it keeps the wrapper from reading past the table's end.
  template <class Fn> Fn slot(Fn gh_host_api::*member, std::size_t offset, const char* name) const {
    if (api_->struct_size < offset + sizeof(Fn) || api_->*member == nullptr) {
      throw Error(GH_ERROR_UNSUPPORTED, std::string("the host does not offer ") + name + " (ABI 1.2)");
    }
    return api_->*member;
  }

  const gh_host_api* api_;
  gh_host* host_;
};

} // namespace gatehouse::sdk
