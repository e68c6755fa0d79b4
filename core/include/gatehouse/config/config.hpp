// The gateway's configuration, as read from one JSON file (see conf/gatehouse.json and
// conf/README.md, which documents every key). Plain data: validation happens while
// loading (config_loader.hpp); the ranges below are the ones the loader accepts.
// operator== lets a reload compare old and new configs.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace gatehouse {

struct ServerConfig {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8080; // 0..65535; 0: the OS picks a free port
  int threads = 16;          // 1..8192 worker threads serving connections (one per open connection)
  int queueSize = 256;       // 1..100000 accepted connections waiting for a worker
  bool keepAlive = true;
  int keepAliveTimeoutSeconds = 15;                         // 1..3600
  int maxKeepAliveRequests = 1000;                          // 0..1000000; 0: no limit
  std::size_t maxBodyBytes = std::size_t{10} * 1024 * 1024; // 1 KiB..1 GiB request body limit
  int shutdownGraceSeconds = 30; // 0..3600; in-flight requests get this long after SIGTERM

  bool operator==(const ServerConfig&) const = default;
};

struct SqliteConfig {
  std::string path = "gatehouse.db"; // relative: next to the config file; ":memory:" kept as is

  bool operator==(const SqliteConfig&) const = default;
};

struct MysqlConfig {
  std::string host = "127.0.0.1";
  std::uint16_t port = 3306; // 1..65535
  std::string socket;        // used instead of host/port when set
  std::string database = "gatehouse";
  std::string user = "gatehouse";
  std::string passwordRef;       // secret reference: "env:NAME" or "file:PATH"; empty: none
  int poolSize = 8;              // 1..1024
  int connectTimeoutSeconds = 5; // 1..600
  bool tls = false;
  std::string tlsCaFile; // relative: next to the config file

  bool operator==(const MysqlConfig&) const = default;
};

struct StorageConfig {
  std::string driver = "sqlite"; // "sqlite" or "mysql"
  SqliteConfig sqlite;
  MysqlConfig mysql;

  bool operator==(const StorageConfig&) const = default;
};

// How usage events travel from the request path to the store (see usage_writer.hpp).
struct UsageConfig {
  std::string spoolPath = "gatehouse-usage.spool"; // relative: next to the config file
  std::size_t queueCapacity = 65536;               // 16..10000000 events waiting in memory
  std::size_t batchSize = 500;                     // 1..5000 events per store write
  int flushIntervalMs = 100;                       // 1..60000; a partial batch waits at most this long
  // 0..19: niceness of the usage writer and billing threads. 19 lets every request thread
  // preempt them (low tail latency); under sustained saturation they then fall behind and
  // events wait in the spool until the load eases. 0 shares the CPU evenly with requests.
  int writerNice = 19;

  bool operator==(const UsageConfig&) const = default;
};

// How the host talks to one provider's upstream (the top-level "upstream" block gives
// defaults, providers[].upstream overrides them key by key).
struct UpstreamConfig {
  int connectTimeoutMs = 10'000;    // 1..600000: TCP connect plus TLS handshake
  int firstByteTimeoutMs = 600'000; // 1..3600000: request sent until the response head
  int idleTimeoutMs = 300'000;      // 1..3600000: longest silence between body bytes
  int totalTimeoutMs = 1'800'000;   // 1..86400000: the whole exchange
  int maxConnectionsPerHost = 64;   // 1..10000 open connections per upstream host:port
  int poolIdleTimeoutMs = 30'000;   // 1..3600000: a pooled keep-alive connection is dropped after this
  std::size_t maxResponseBytes = std::size_t{64} * 1024 * 1024; // 1 KiB..1 GiB, non-streamed bodies
  bool verifyTls = true;        // false only for test rigs: certificate and host name checks
  std::string caFile;           // PEM bundle trusted instead of the system's; relative: next to the config
  std::string proxy;            // "http://host:port" (also for https upstreams, via CONNECT); empty: none
  std::string proxyUser;        // empty: no proxy authentication
  std::string proxyPasswordRef; // secret reference ("env:NAME" / "file:PATH")
  std::vector<std::string> noProxy; // host names (or ".suffix") that bypass the proxy

  bool operator==(const UpstreamConfig&) const = default;
};

struct PluginConfig {
  std::string name;              // unique; providers refer to it
  std::string path;              // shared library; relative paths are resolved against pluginDir
  std::string configJson = "{}"; // the plugin's own config block, re-serialised compactly
  // For the plugin's own HTTP calls (ABI 1.2 http_send, e.g. OpenID discovery and JWKS): the
  // top-level "upstream" block with plugins[].upstream overrides applied. ({} so that code
  // building a PluginConfig from name, path and config alone still compiles warning-free.)
  UpstreamConfig upstream{};

  bool operator==(const PluginConfig&) const = default;
};

struct ModelConfig {
  std::string name;                 // public name clients send
  std::string upstreamModel;        // name sent upstream (defaults to name)
  std::vector<std::string> aliases; // other public names for the same model

  bool operator==(const ModelConfig&) const = default;
};

// One provider account's key in a provider's credential pool: requests are spread over
// the pool by weight (see gateway/credential_pool.hpp).
struct ProviderCredentialConfig {
  std::string name;      // unique within the provider; names the credential in logs
  std::string apiKeyRef; // secret reference: "env:NAME" or "file:PATH"
  int weight = 1;        // share of requests, 1..1000

  bool operator==(const ProviderCredentialConfig&) const = default;
};

struct ProviderConfig {
  std::string name;                // unique
  std::string plugin;              // a PluginConfig::name of kind provider
  std::string configJson = "{}";   // the provider instance's config block, re-serialised compactly
  std::vector<ModelConfig> models; // at least one, unless listUpstreamModels
  UpstreamConfig upstream;         // the defaults with this provider's overrides applied
  // GET /v1/models also lists the upstream's own models as "<provider>/<id>", and such
  // names route to this provider with the id as the upstream model.
  bool listUpstreamModels = false;
  // Empty: the plugin uses the key of its own config block. Otherwise the host picks one
  // per request and hands it to the plugin (ABI 1.3 exchange_credential).
  std::vector<ProviderCredentialConfig> credentials;

  bool operator==(const ProviderConfig&) const = default;
};

// Failed authentication attempts allowed per client address before it gets 429s.
struct FailedAuthLimitConfig {
  int maxFailures = 20;   // 1..1000000 failures within the window
  int windowSeconds = 60; // 1..86400
  bool operator==(const FailedAuthLimitConfig&) const = default;
};

// API keys, sessions and browser sign-in (the "auth" block).
struct AuthConfig {
  // Where browsers reach this gateway, e.g. "https://ai.example.com" (no trailing slash):
  // the sign-in redirect URI is publicUrl + "/auth/callback", and an https URL makes the
  // session cookie Secure. Empty: "http://<server.host>:<server.port>".
  std::string publicUrl;
  std::string loginPlugin; // plugins[].name used for browser sign-in; empty: the first that offers it
  int sessionLifetimeSeconds = 28800; // 60..2592000
  int sessionCacheMs = 5000;          // 0..5000: how long another node may still honour a logged-out session
  int keyRefreshMs = 1000;            // 100..5000: how soon a key change on another node holds here
  FailedAuthLimitConfig failedAuth;

  bool operator==(const AuthConfig&) const = default;
};

struct GatewayConfig {
  std::string sourcePath;        // the file this was read from
  std::string pluginDir;         // where relative plugin paths are looked up; empty: the app's default
  std::string logLevel = "info"; // debug | info | warn | error
  ServerConfig server;
  StorageConfig storage;
  UsageConfig usage;
  UpstreamConfig upstream; // defaults for every provider's and plugin's upstream
  AuthConfig auth;
  std::vector<PluginConfig> plugins; // auth plugins are asked in this order
  std::vector<ProviderConfig> providers;

  bool operator==(const GatewayConfig&) const = default;
};

} // namespace gatehouse
