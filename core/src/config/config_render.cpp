#include <gatehouse/config/config_render.hpp>

#include <rapidjson/document.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <string_view>

namespace gatehouse {
namespace {

template <typename Writer> class ConfigRenderer {
public:
  explicit ConfigRenderer(Writer& writer) : writer_(writer) {}

  void write(const GatewayConfig& config) {
    writer_.StartObject();
    field("log_level", config.logLevel);
    field("plugin_dir", config.pluginDir);
    key("server");
    writeServer(config.server);
    key("storage");
    writeStorage(config.storage);
    key("usage");
    writeUsage(config.usage);
    key("upstream");
    writeUpstream(config.upstream);
    key("auth");
    writeAuth(config.auth);
    key("plugins");
    writer_.StartArray();
    for (const PluginConfig& plugin : config.plugins) {
      writePlugin(plugin);
    }
    writer_.EndArray();
    key("providers");
    writer_.StartArray();
    for (const ProviderConfig& provider : config.providers) {
      writeProvider(provider);
    }
    writer_.EndArray();
    writer_.EndObject();
  }

private:
  void writeServer(const ServerConfig& server) {
    writer_.StartObject();
    field("host", server.host);
    integer("port", server.port);
    integer("threads", server.threads);
    integer("queue_size", server.queueSize);
    boolean("keep_alive", server.keepAlive);
    integer("keep_alive_timeout_seconds", server.keepAliveTimeoutSeconds);
    integer("max_keep_alive_requests", server.maxKeepAliveRequests);
    integer("max_body_bytes", server.maxBodyBytes);
    integer("shutdown_grace_seconds", server.shutdownGraceSeconds);
    writer_.EndObject();
  }

  void writeUsage(const UsageConfig& usage) {
    writer_.StartObject();
    field("spool_path", usage.spoolPath);
    integer("queue_capacity", usage.queueCapacity);
    integer("batch_size", usage.batchSize);
    integer("flush_interval_ms", usage.flushIntervalMs);
    integer("writer_nice", usage.writerNice);
    writer_.EndObject();
  }

  void writeUpstream(const UpstreamConfig& upstream) {
    writer_.StartObject();
    integer("connect_timeout_ms", upstream.connectTimeoutMs);
    integer("first_byte_timeout_ms", upstream.firstByteTimeoutMs);
    integer("idle_timeout_ms", upstream.idleTimeoutMs);
    integer("total_timeout_ms", upstream.totalTimeoutMs);
    integer("max_connections_per_host", upstream.maxConnectionsPerHost);
    integer("pool_idle_timeout_ms", upstream.poolIdleTimeoutMs);
    integer("max_response_bytes", upstream.maxResponseBytes);
    boolean("verify_tls", upstream.verifyTls);
    field("ca_file", upstream.caFile);
    field("proxy", upstream.proxy);
    field("proxy_user", upstream.proxyUser);
    // Absent means "no password"; an empty string would not parse back as a reference.
    if (!upstream.proxyPasswordRef.empty()) {
      field("proxy_password", upstream.proxyPasswordRef);
    }
    key("no_proxy");
    writer_.StartArray();
    for (const std::string& host : upstream.noProxy) {
      string(host);
    }
    writer_.EndArray();
    writer_.EndObject();
  }

  void writeAuth(const AuthConfig& auth) {
    writer_.StartObject();
    field("public_url", auth.publicUrl);
    field("login_plugin", auth.loginPlugin);
    integer("session_lifetime_seconds", auth.sessionLifetimeSeconds);
    integer("session_cache_ms", auth.sessionCacheMs);
    integer("key_refresh_ms", auth.keyRefreshMs);
    key("failed_auth");
    writer_.StartObject();
    integer("max_failures", auth.failedAuth.maxFailures);
    integer("window_seconds", auth.failedAuth.windowSeconds);
    writer_.EndObject();
    writer_.EndObject();
  }

  void writeStorage(const StorageConfig& storage) {
    writer_.StartObject();
    field("driver", storage.driver);
    key("sqlite");
    writer_.StartObject();
    field("path", storage.sqlite.path);
    writer_.EndObject();
    key("mysql");
    writeMysql(storage.mysql);
    writer_.EndObject();
  }

  void writeMysql(const MysqlConfig& mysql) {
    writer_.StartObject();
    field("host", mysql.host);
    integer("port", mysql.port);
    field("socket", mysql.socket);
    field("database", mysql.database);
    field("user", mysql.user);
    // Absent means "no password"; an empty string would not parse back as a reference.
    if (!mysql.passwordRef.empty()) {
      field("password", mysql.passwordRef);
    }
    integer("pool_size", mysql.poolSize);
    integer("connect_timeout_seconds", mysql.connectTimeoutSeconds);
    boolean("tls", mysql.tls);
    field("tls_ca_file", mysql.tlsCaFile);
    writer_.EndObject();
  }

  void writePlugin(const PluginConfig& plugin) {
    writer_.StartObject();
    field("name", plugin.name);
    field("path", plugin.path);
    key("config");
    embeddedJson(plugin.configJson);
    key("upstream");
    writeUpstream(plugin.upstream); // the merged values, like a provider's
    writer_.EndObject();
  }

  void writeProvider(const ProviderConfig& provider) {
    writer_.StartObject();
    field("name", provider.name);
    field("plugin", provider.plugin);
    key("config");
    embeddedJson(provider.configJson);
    key("models");
    writer_.StartArray();
    for (const ModelConfig& model : provider.models) {
      writer_.StartObject();
      field("name", model.name);
      field("upstream_model", model.upstreamModel);
      key("aliases");
      writer_.StartArray();
      for (const std::string& alias : model.aliases) {
        string(alias);
      }
      writer_.EndArray();
      writer_.EndObject();
    }
    writer_.EndArray();
    key("upstream");
    writeUpstream(provider.upstream); // the merged values, so the block stands on its own
    boolean("list_upstream_models", provider.listUpstreamModels);
    key("credentials");
    writer_.StartArray();
    for (const ProviderCredentialConfig& credential : provider.credentials) {
      writer_.StartObject();
      field("name", credential.name);
      field("api_key", credential.apiKeyRef); // a reference, never the key
      integer("weight", credential.weight);
      writer_.EndObject();
    }
    writer_.EndArray();
    writer_.EndObject();
  }

  // Config blocks are stored as text; re-parse so they are laid out like the rest. Text
  // that is not a JSON object (only possible for a config built in code) is shown as a
  // string so the output stays valid JSON.
  void embeddedJson(const std::string& json) {
    rapidjson::Document block;
    block.Parse(json.c_str(), json.size());
    if (block.HasParseError() || !block.IsObject()) {
      string(json);
      return;
    }
    block.Accept(writer_);
  }

  void key(std::string_view name) { writer_.Key(name.data(), static_cast<rapidjson::SizeType>(name.size())); }
  void string(std::string_view value) {
    writer_.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
  }
  void field(std::string_view name, std::string_view value) {
    key(name);
    string(value);
  }
  void boolean(std::string_view name, bool value) {
    key(name);
    writer_.Bool(value);
  }
  template <typename Integer> void integer(std::string_view name, Integer value) {
    key(name);
    writer_.Int64(static_cast<std::int64_t>(value));
  }

  Writer& writer_;
};

} // namespace

std::string renderConfigJson(const GatewayConfig& config, JsonLayout layout) {
  rapidjson::StringBuffer buffer;
  if (layout == JsonLayout::Compact) {
    rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
    ConfigRenderer(writer).write(config);
  } else {
    rapidjson::PrettyWriter<rapidjson::StringBuffer> writer(buffer);
    writer.SetIndent(' ', 2); // the indentation conf/gatehouse.json uses
    ConfigRenderer(writer).write(config);
  }
  return std::string(buffer.GetString(), buffer.GetSize());
}

} // namespace gatehouse
