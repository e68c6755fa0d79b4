#include "config_schema.hpp"

#include <gatehouse/common/secret_reference.hpp>
#include <gatehouse/config/config_proxy_url.hpp>
#include <gatehouse/config/config_public_url.hpp>

#include "json_reader.hpp"

namespace gatehouse::config_detail {
namespace {

constexpr std::int64_t kKiB = 1024;
constexpr std::int64_t kGiB = kKiB * kKiB * kKiB;

ServerConfig readServer(const ObjectReader& parent) {
  ServerConfig server;
  const rapidjson::Value* value = parent.find("server");
  if (value == nullptr) {
    return server;
  }
  const ObjectReader reader(*value, parent.pathOf("server"), parent.source(),
                            {"host", "port", "threads", "queue_size", "keep_alive",
                             "keep_alive_timeout_seconds", "max_keep_alive_requests", "max_body_bytes",
                             "shutdown_grace_seconds"});
  reader.readNonEmptyString("host", server.host);
  reader.readInteger("port", server.port, 0, 65535); // 0: the OS picks a free port (tests)
  reader.readInteger("threads", server.threads, 1, 8192);
  reader.readInteger("queue_size", server.queueSize, 1, 100000);
  reader.readBool("keep_alive", server.keepAlive);
  reader.readInteger("keep_alive_timeout_seconds", server.keepAliveTimeoutSeconds, 1, 3600);
  reader.readInteger("max_keep_alive_requests", server.maxKeepAliveRequests, 0, 1000000); // 0: no limit
  reader.readInteger("max_body_bytes", server.maxBodyBytes, kKiB, kGiB);
  reader.readInteger("shutdown_grace_seconds", server.shutdownGraceSeconds, 0, 3600);
  return server;
}

SqliteConfig readSqlite(const ObjectReader& parent) {
  SqliteConfig sqlite;
  const rapidjson::Value* value = parent.find("sqlite");
  if (value == nullptr) {
    return sqlite;
  }
  const ObjectReader reader(*value, parent.pathOf("sqlite"), parent.source(), {"path"});
  reader.readNonEmptyString("path", sqlite.path);
  return sqlite;
}

// Only references are accepted so that the config file can be world-readable, checked
// into version control and printed by --check-config without leaking the password.
void readSecretReference(const ObjectReader& reader, std::string_view key, std::string& out) {
  const rapidjson::Value* value = reader.find(key);
  if (value == nullptr) {
    return;
  }
  // Never echo the value: it may well be the secret itself.
  if (!value->IsString() || !parseSecretReference({value->GetString(), value->GetStringLength()})) {
    reader.fail(
        reader.pathOf(key),
        "expected a secret reference (\"env:NAME\" or \"file:PATH\"); a plain secret is not accepted, "
        "put it in an environment variable or a file and reference that with env: or file:");
  }
  out.assign(value->GetString(), value->GetStringLength());
}

MysqlConfig readMysql(const ObjectReader& parent) {
  MysqlConfig mysql;
  const rapidjson::Value* value = parent.find("mysql");
  if (value == nullptr) {
    return mysql;
  }
  const ObjectReader reader(*value, parent.pathOf("mysql"), parent.source(),
                            {"host", "port", "socket", "database", "user", "password", "pool_size",
                             "connect_timeout_seconds", "tls", "tls_ca_file"});
  reader.readNonEmptyString("host", mysql.host);
  reader.readInteger("port", mysql.port, 1, 65535);
  reader.readString("socket", mysql.socket);
  reader.readNonEmptyString("database", mysql.database);
  reader.readNonEmptyString("user", mysql.user);
  readSecretReference(reader, "password", mysql.passwordRef);
  reader.readInteger("pool_size", mysql.poolSize, 1, 1024);
  reader.readInteger("connect_timeout_seconds", mysql.connectTimeoutSeconds, 1, 600);
  reader.readBool("tls", mysql.tls);
  reader.readString("tls_ca_file", mysql.tlsCaFile);
  return mysql;
}

StorageConfig readStorage(const ObjectReader& parent) {
  StorageConfig storage;
  const rapidjson::Value* value = parent.find("storage");
  if (value == nullptr) {
    return storage;
  }
  const ObjectReader reader(*value, parent.pathOf("storage"), parent.source(), {"driver", "sqlite", "mysql"});
  reader.readChoice("driver", storage.driver, {"sqlite", "mysql"});
  storage.sqlite = readSqlite(reader);
  storage.mysql = readMysql(reader);
  return storage;
}

UsageConfig readUsage(const ObjectReader& parent) {
  UsageConfig usage;
  const rapidjson::Value* value = parent.find("usage");
  if (value == nullptr) {
    return usage;
  }
  const ObjectReader reader(
      *value, parent.pathOf("usage"), parent.source(),
      {"spool_path", "queue_capacity", "batch_size", "flush_interval_ms", "writer_nice"});
  reader.readNonEmptyString("spool_path", usage.spoolPath);
  reader.readInteger("queue_capacity", usage.queueCapacity, 16, 10000000);
  reader.readInteger("batch_size", usage.batchSize, 1, 5000);
  reader.readInteger("flush_interval_ms", usage.flushIntervalMs, 1, 60000);
  reader.readInteger("writer_nice", usage.writerNice, 0, 19);
  return usage;
}

// Not echoed either: a proxy URL that fails to parse may carry "user:password@".
void readProxyUrl(const ObjectReader& reader, std::string& out) {
  const rapidjson::Value* value = reader.find("proxy");
  if (value == nullptr) {
    return;
  }
  if (!value->IsString()) {
    reader.fail(reader.pathOf("proxy"), "expected a string, got " + describeValue(*value));
  }
  const std::string_view url(value->GetString(), value->GetStringLength());
  if (!url.empty() && !parseProxyUrl(url)) {
    reader.fail(reader.pathOf("proxy"),
                "expected \"http://host:port\" (or \"\" for no proxy); credentials go in proxy_user and "
                "proxy_password, not in the URL");
  }
  out.assign(url);
}

void readNoProxy(const ObjectReader& reader, std::vector<std::string>& out) {
  std::vector<std::string> hosts;
  reader.readStringArray("no_proxy", hosts);
  for (std::size_t i = 0; i < hosts.size(); ++i) {
    if (hosts[i].empty() || hosts[i].find_first_of(" \t/") != std::string::npos) {
      reader.fail(elementPath(reader.pathOf("no_proxy"), i),
                  "expected a host name or \".domain\" suffix, got " + jsonQuoted(hosts[i]));
    }
  }
  if (reader.find("no_proxy") != nullptr) {
    out = std::move(hosts);
  }
}

// A plugin's own HTTP calls (OpenID discovery, JWKS, the token endpoint) sit on the path of
// API requests and sign-ins: an identity provider that hangs must fail them in seconds, not
// after the minutes a model may take. So plugins start from the top-level block with the
// first-byte and total timeouts capped (plugins[].upstream may still set any value).
UpstreamConfig pluginUpstreamDefaults(const UpstreamConfig& topLevel) {
  constexpr int kPluginFirstByteTimeoutMs = 10'000;
  constexpr int kPluginTotalTimeoutMs = 30'000;
  UpstreamConfig defaults = topLevel;
  defaults.firstByteTimeoutMs = std::min(defaults.firstByteTimeoutMs, kPluginFirstByteTimeoutMs);
  defaults.idleTimeoutMs = std::min(defaults.idleTimeoutMs, kPluginFirstByteTimeoutMs);
  defaults.totalTimeoutMs = std::min(defaults.totalTimeoutMs, kPluginTotalTimeoutMs);
  return defaults;
}

// Starts from `defaults`, so providers[].upstream and plugins[].upstream override the
// top-level block key by key.
UpstreamConfig readUpstream(const ObjectReader& parent, const UpstreamConfig& defaults) {
  UpstreamConfig upstream = defaults;
  const rapidjson::Value* value = parent.find("upstream");
  if (value == nullptr) {
    return upstream;
  }
  const ObjectReader reader(*value, parent.pathOf("upstream"), parent.source(),
                            {"connect_timeout_ms", "first_byte_timeout_ms", "idle_timeout_ms",
                             "total_timeout_ms", "max_connections_per_host", "pool_idle_timeout_ms",
                             "max_response_bytes", "verify_tls", "ca_file", "proxy", "proxy_user",
                             "proxy_password", "no_proxy"});
  reader.readInteger("connect_timeout_ms", upstream.connectTimeoutMs, 1, 600000);
  reader.readInteger("first_byte_timeout_ms", upstream.firstByteTimeoutMs, 1, 3600000);
  reader.readInteger("idle_timeout_ms", upstream.idleTimeoutMs, 1, 3600000);
  reader.readInteger("total_timeout_ms", upstream.totalTimeoutMs, 1, 86400000);
  reader.readInteger("max_connections_per_host", upstream.maxConnectionsPerHost, 1, 10000);
  reader.readInteger("pool_idle_timeout_ms", upstream.poolIdleTimeoutMs, 1, 3600000);
  reader.readInteger("max_response_bytes", upstream.maxResponseBytes, kKiB, kGiB);
  reader.readBool("verify_tls", upstream.verifyTls);
  reader.readString("ca_file", upstream.caFile);
  readProxyUrl(reader, upstream.proxy);
  reader.readString("proxy_user", upstream.proxyUser);
  readSecretReference(reader, "proxy_password", upstream.proxyPasswordRef);
  readNoProxy(reader, upstream.noProxy);
  return upstream;
}

PluginConfig readPlugin(const rapidjson::Value& value, const std::string& path, const std::string& source,
                        const UpstreamConfig& upstreamDefaults) {
  const ObjectReader reader(value, path, source, {"name", "path", "config", "upstream"});
  PluginConfig plugin;
  reader.readString("name", plugin.name, Presence::Required);
  reader.readNonEmptyString("path", plugin.path, Presence::Required);
  reader.readObjectAsJson("config", plugin.configJson);
  plugin.upstream = readUpstream(reader, upstreamDefaults);
  return plugin;
}

ModelConfig readModel(const rapidjson::Value& value, const std::string& path, const std::string& source) {
  const ObjectReader reader(value, path, source, {"name", "upstream_model", "aliases"});
  ModelConfig model;
  reader.readString("name", model.name, Presence::Required);
  model.upstreamModel = model.name;
  reader.readNonEmptyString("upstream_model", model.upstreamModel);
  reader.readStringArray("aliases", model.aliases);
  return model;
}

ProviderCredentialConfig readProviderCredential(const rapidjson::Value& value, const std::string& path,
                                                const std::string& source) {
  const ObjectReader reader(value, path, source, {"name", "api_key", "weight"});
  ProviderCredentialConfig credential;
  reader.readNonEmptyString("name", credential.name, Presence::Required);
  if (reader.find("api_key") == nullptr) {
    reader.fail(reader.pathOf("api_key"), "is required (a secret reference, \"env:NAME\" or \"file:PATH\")");
  }
  readSecretReference(reader, "api_key", credential.apiKeyRef);
  reader.readInteger("weight", credential.weight, 1, 1000);
  return credential;
}

ProviderConfig readProvider(const rapidjson::Value& value, const std::string& path, const std::string& source,
                            const UpstreamConfig& upstreamDefaults) {
  const ObjectReader reader(
      value, path, source,
      {"name", "plugin", "config", "models", "upstream", "list_upstream_models", "credentials"});
  ProviderConfig provider;
  reader.readString("name", provider.name, Presence::Required);
  reader.readString("plugin", provider.plugin, Presence::Required);
  reader.readObjectAsJson("config", provider.configJson);
  reader.readBool("list_upstream_models", provider.listUpstreamModels);
  provider.upstream = readUpstream(reader, upstreamDefaults);
  // A provider that lists the upstream's own models may leave its model list out.
  reader.forEachElement("models", provider.listUpstreamModels ? Presence::Optional : Presence::Required,
                        [&](const rapidjson::Value& element, const std::string& at) {
                          provider.models.push_back(readModel(element, at, source));
                        });
  reader.forEachElement("credentials", Presence::Optional,
                        [&](const rapidjson::Value& element, const std::string& at) {
                          provider.credentials.push_back(readProviderCredential(element, at, source));
                        });
  return provider;
}

// Not echoed when refused: a URL may carry "user:password@" by mistake.
void readPublicUrl(const ObjectReader& reader, std::string& out) {
  const rapidjson::Value* value = reader.find("public_url");
  if (value == nullptr) {
    return;
  }
  if (!value->IsString()) {
    reader.fail(reader.pathOf("public_url"), "expected a string, got " + describeValue(*value));
  }
  const std::string_view url(value->GetString(), value->GetStringLength());
  if (!url.empty() && !isValidPublicUrl(url)) {
    reader.fail(
        reader.pathOf("public_url"),
        "expected \"http://host[:port]\" or \"https://host[:port]\" (where browsers reach the gateway), "
        "without a trailing slash, path, query or credentials");
  }
  out.assign(url);
}

FailedAuthLimitConfig readFailedAuth(const ObjectReader& parent) {
  FailedAuthLimitConfig failedAuth;
  const rapidjson::Value* value = parent.find("failed_auth");
  if (value == nullptr) {
    return failedAuth;
  }
  const ObjectReader reader(*value, parent.pathOf("failed_auth"), parent.source(),
                            {"max_failures", "window_seconds"});
  reader.readInteger("max_failures", failedAuth.maxFailures, 1, 1000000);
  reader.readInteger("window_seconds", failedAuth.windowSeconds, 1, 86400);
  return failedAuth;
}

AuthConfig readAuth(const ObjectReader& parent) {
  AuthConfig auth;
  const rapidjson::Value* value = parent.find("auth");
  if (value == nullptr) {
    return auth;
  }
  const ObjectReader reader(*value, parent.pathOf("auth"), parent.source(),
                            {"public_url", "login_plugin", "session_lifetime_seconds", "session_cache_ms",
                             "key_refresh_ms", "failed_auth"});
  readPublicUrl(reader, auth.publicUrl);
  reader.readString("login_plugin", auth.loginPlugin); // checked against $.plugins by the validator
  reader.readInteger("session_lifetime_seconds", auth.sessionLifetimeSeconds, 60, 2592000);
  reader.readInteger("session_cache_ms", auth.sessionCacheMs, 0, 5000);
  reader.readInteger("key_refresh_ms", auth.keyRefreshMs, 100, 5000);
  auth.failedAuth = readFailedAuth(reader);
  return auth;
}

} // namespace

GatewayConfig readGatewayConfig(const rapidjson::Value& root, const std::string& source) {
  const ObjectReader reader(
      root, "$", source,
      {"log_level", "plugin_dir", "server", "storage", "usage", "upstream", "auth", "plugins", "providers"});
  GatewayConfig config;
  config.sourcePath = source;
  reader.readChoice("log_level", config.logLevel, {"debug", "info", "warn", "error"});
  reader.readString("plugin_dir", config.pluginDir);
  config.server = readServer(reader);
  config.storage = readStorage(reader);
  config.usage = readUsage(reader);
  config.upstream = readUpstream(reader, UpstreamConfig{});
  config.auth = readAuth(reader);
  reader.forEachElement(
      "plugins", Presence::Optional, [&](const rapidjson::Value& element, const std::string& at) {
        config.plugins.push_back(readPlugin(element, at, source, pluginUpstreamDefaults(config.upstream)));
      });
  reader.forEachElement("providers", Presence::Optional,
                        [&](const rapidjson::Value& element, const std::string& at) {
                          config.providers.push_back(readProvider(element, at, source, config.upstream));
                        });
  return config;
}

} // namespace gatehouse::config_detail
