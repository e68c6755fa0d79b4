#include <gatehouse/config/config_error.hpp>
#include <gatehouse/config/config_loader.hpp>

#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <rapidjson/pointer.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <functional>
#include <ostream>
#include <stdexcept>
#include <string>
#include <unistd.h>

namespace gatehouse {
namespace {

namespace fs = std::filesystem;

// Every table case starts from this valid document and changes one value, so a case
// fails only because of the value it is about.
constexpr const char* kBaseConfig = R"({
  "plugins": [{"name": "p1", "path": "libp1.so"}],
  "providers": [{"name": "prov", "plugin": "p1", "models": [{"name": "m1"}]}]
})";

constexpr const char* kSource = "/etc/gatehouse/gatehouse.json";

std::string serialize(const rapidjson::Value& value) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  value.Accept(writer);
  return buffer.GetString();
}

rapidjson::Document baseDocument() {
  rapidjson::Document document;
  document.Parse(kBaseConfig);
  return document;
}

// The base config with the value at JSON pointer `pointer` set to `rawJson` (parents are
// created as needed).
std::string withValue(const std::string& pointer, const std::string& rawJson) {
  rapidjson::Document document = baseDocument();
  rapidjson::Document value;
  value.Parse(rawJson.c_str());
  if (value.HasParseError()) {
    throw std::invalid_argument("bad test value: " + rawJson);
  }
  rapidjson::Value copy(value, document.GetAllocator());
  rapidjson::Pointer(pointer.c_str()).Set(document, copy);
  return serialize(document);
}

std::string withoutValue(const std::string& pointer) {
  rapidjson::Document document = baseDocument();
  if (!rapidjson::Pointer(pointer.c_str()).Erase(document)) {
    throw std::invalid_argument("no " + pointer);
  }
  return serialize(document);
}

ConfigError parseError(const std::string& json, const std::string& source = kSource) {
  try {
    parseConfig(json, source);
  } catch (const ConfigError& error) {
    return error;
  }
  throw std::logic_error("config was accepted: " + json);
}

// "/server/port", 9 -> "server_port_9": a stable test name per table row.
std::string caseName(const std::string& pointer, std::size_t index) {
  std::string name;
  for (char c : pointer) {
    const bool keep = std::isalnum(static_cast<unsigned char>(c)) != 0;
    if (keep || !name.empty()) {
      name.push_back(keep ? c : '_');
    }
  }
  return name + "_" + std::to_string(index);
}

// --- valid values ----------------------------------------------------------------------

struct AcceptedCase {
  std::string pointer;
  std::string value;
  std::function<void(const GatewayConfig&)> check;
};

// Shown by gtest and ctest instead of a byte dump.
void PrintTo( // NOLINT(readability-identifier-naming): gtest looks it up by this name
    const AcceptedCase& c, std::ostream* out) {
  *out << c.pointer << " = " << c.value;
}

class AcceptedValue : public testing::TestWithParam<AcceptedCase> {};

TEST_P(AcceptedValue, IsStoredInTheStruct) {
  const AcceptedCase& c = GetParam();
  GatewayConfig config;
  ASSERT_NO_THROW(config = parseConfig(withValue(c.pointer, c.value), kSource))
      << c.pointer << " = " << c.value;
  c.check(config);
}

std::vector<AcceptedCase> acceptedCases() {
  return {
      {"/log_level", R"("debug")", [](const GatewayConfig& c) { EXPECT_EQ(c.logLevel, "debug"); }},
      {"/log_level", R"("info")", [](const GatewayConfig& c) { EXPECT_EQ(c.logLevel, "info"); }},
      {"/log_level", R"("warn")", [](const GatewayConfig& c) { EXPECT_EQ(c.logLevel, "warn"); }},
      {"/log_level", R"("error")", [](const GatewayConfig& c) { EXPECT_EQ(c.logLevel, "error"); }},
      {"/plugin_dir", R"("plugins")",
       [](const GatewayConfig& c) { EXPECT_EQ(c.pluginDir, "/etc/gatehouse/plugins"); }},
      {"/plugin_dir", R"("../lib/./gh/")",
       [](const GatewayConfig& c) { EXPECT_EQ(c.pluginDir, "/etc/lib/gh/"); }},
      {"/plugin_dir", R"("/opt/gh/plugins")",
       [](const GatewayConfig& c) { EXPECT_EQ(c.pluginDir, "/opt/gh/plugins"); }},
      {"/plugin_dir", R"("")", [](const GatewayConfig& c) { EXPECT_EQ(c.pluginDir, ""); }},
      {"/server/host", R"("0.0.0.0")", [](const GatewayConfig& c) { EXPECT_EQ(c.server.host, "0.0.0.0"); }},
      {"/server/port", "0", [](const GatewayConfig& c) { EXPECT_EQ(c.server.port, 0); }},
      {"/server/port", "65535", [](const GatewayConfig& c) { EXPECT_EQ(c.server.port, 65535); }},
      {"/server/threads", "1", [](const GatewayConfig& c) { EXPECT_EQ(c.server.threads, 1); }},
      {"/server/threads", "8192", [](const GatewayConfig& c) { EXPECT_EQ(c.server.threads, 8192); }},
      {"/server/queue_size", "1", [](const GatewayConfig& c) { EXPECT_EQ(c.server.queueSize, 1); }},
      {"/server/queue_size", "100000", [](const GatewayConfig& c) { EXPECT_EQ(c.server.queueSize, 100000); }},
      {"/server/keep_alive", "false", [](const GatewayConfig& c) { EXPECT_FALSE(c.server.keepAlive); }},
      {"/server/keep_alive", "true", [](const GatewayConfig& c) { EXPECT_TRUE(c.server.keepAlive); }},
      {"/server/keep_alive_timeout_seconds", "1",
       [](const GatewayConfig& c) { EXPECT_EQ(c.server.keepAliveTimeoutSeconds, 1); }},
      {"/server/keep_alive_timeout_seconds", "3600",
       [](const GatewayConfig& c) { EXPECT_EQ(c.server.keepAliveTimeoutSeconds, 3600); }},
      {"/server/max_keep_alive_requests", "0",
       [](const GatewayConfig& c) { EXPECT_EQ(c.server.maxKeepAliveRequests, 0); }},
      {"/server/max_keep_alive_requests", "1000000",
       [](const GatewayConfig& c) { EXPECT_EQ(c.server.maxKeepAliveRequests, 1000000); }},
      {"/server/max_body_bytes", "1024",
       [](const GatewayConfig& c) { EXPECT_EQ(c.server.maxBodyBytes, 1024u); }},
      {"/server/max_body_bytes", "1073741824",
       [](const GatewayConfig& c) { EXPECT_EQ(c.server.maxBodyBytes, 1073741824u); }},
      {"/server/shutdown_grace_seconds", "0",
       [](const GatewayConfig& c) { EXPECT_EQ(c.server.shutdownGraceSeconds, 0); }},
      {"/server/shutdown_grace_seconds", "3600",
       [](const GatewayConfig& c) { EXPECT_EQ(c.server.shutdownGraceSeconds, 3600); }},
      {"/storage/driver", R"("mysql")", [](const GatewayConfig& c) { EXPECT_EQ(c.storage.driver, "mysql"); }},
      {"/storage/driver", R"("sqlite")",
       [](const GatewayConfig& c) { EXPECT_EQ(c.storage.driver, "sqlite"); }},
      {"/storage/sqlite/path", R"("/var/lib/gh.db")",
       [](const GatewayConfig& c) { EXPECT_EQ(c.storage.sqlite.path, "/var/lib/gh.db"); }},
      {"/storage/sqlite/path", R"("data/gh.db")",
       [](const GatewayConfig& c) { EXPECT_EQ(c.storage.sqlite.path, "/etc/gatehouse/data/gh.db"); }},
      {"/storage/sqlite/path", R"(":memory:")",
       [](const GatewayConfig& c) { EXPECT_EQ(c.storage.sqlite.path, ":memory:"); }},
      {"/storage/mysql/host", R"("db.internal")",
       [](const GatewayConfig& c) { EXPECT_EQ(c.storage.mysql.host, "db.internal"); }},
      {"/storage/mysql/port", "1", [](const GatewayConfig& c) { EXPECT_EQ(c.storage.mysql.port, 1); }},
      {"/storage/mysql/port", "65535",
       [](const GatewayConfig& c) { EXPECT_EQ(c.storage.mysql.port, 65535); }},
      {"/storage/mysql/socket", R"("/run/mysqld/mysqld.sock")",
       [](const GatewayConfig& c) { EXPECT_EQ(c.storage.mysql.socket, "/run/mysqld/mysqld.sock"); }},
      {"/storage/mysql/socket", R"("")",
       [](const GatewayConfig& c) { EXPECT_EQ(c.storage.mysql.socket, ""); }},
      {"/storage/mysql/database", R"("gh_prod")",
       [](const GatewayConfig& c) { EXPECT_EQ(c.storage.mysql.database, "gh_prod"); }},
      {"/storage/mysql/user", R"("gw")",
       [](const GatewayConfig& c) { EXPECT_EQ(c.storage.mysql.user, "gw"); }},
      {"/storage/mysql/password", R"("env:GH_DB_PASSWORD")",
       [](const GatewayConfig& c) { EXPECT_EQ(c.storage.mysql.passwordRef, "env:GH_DB_PASSWORD"); }},
      {"/storage/mysql/password", R"("file:/etc/gatehouse/db.pass")",
       [](const GatewayConfig& c) { EXPECT_EQ(c.storage.mysql.passwordRef, "file:/etc/gatehouse/db.pass"); }},
      {"/storage/mysql/pool_size", "1",
       [](const GatewayConfig& c) { EXPECT_EQ(c.storage.mysql.poolSize, 1); }},
      {"/storage/mysql/pool_size", "1024",
       [](const GatewayConfig& c) { EXPECT_EQ(c.storage.mysql.poolSize, 1024); }},
      {"/storage/mysql/connect_timeout_seconds", "1",
       [](const GatewayConfig& c) { EXPECT_EQ(c.storage.mysql.connectTimeoutSeconds, 1); }},
      {"/storage/mysql/connect_timeout_seconds", "600",
       [](const GatewayConfig& c) { EXPECT_EQ(c.storage.mysql.connectTimeoutSeconds, 600); }},
      {"/storage/mysql/tls", "true", [](const GatewayConfig& c) { EXPECT_TRUE(c.storage.mysql.tls); }},
      {"/storage/mysql/tls_ca_file", R"("/etc/ssl/ca.pem")",
       [](const GatewayConfig& c) { EXPECT_EQ(c.storage.mysql.tlsCaFile, "/etc/ssl/ca.pem"); }},
      {"/storage/mysql/tls_ca_file", R"("certs/ca.pem")",
       [](const GatewayConfig& c) { EXPECT_EQ(c.storage.mysql.tlsCaFile, "/etc/gatehouse/certs/ca.pem"); }},
      {"/usage/spool_path", R"("/var/spool/gh.spool")",
       [](const GatewayConfig& c) { EXPECT_EQ(c.usage.spoolPath, "/var/spool/gh.spool"); }},
      {"/usage/spool_path", R"("spool/u.spool")",
       [](const GatewayConfig& c) { EXPECT_EQ(c.usage.spoolPath, "/etc/gatehouse/spool/u.spool"); }},
      {"/usage/queue_capacity", "16", [](const GatewayConfig& c) { EXPECT_EQ(c.usage.queueCapacity, 16u); }},
      {"/usage/queue_capacity", "10000000",
       [](const GatewayConfig& c) { EXPECT_EQ(c.usage.queueCapacity, 10000000u); }},
      {"/usage/batch_size", "1", [](const GatewayConfig& c) { EXPECT_EQ(c.usage.batchSize, 1u); }},
      {"/usage/batch_size", "5000", [](const GatewayConfig& c) { EXPECT_EQ(c.usage.batchSize, 5000u); }},
      {"/usage/flush_interval_ms", "1",
       [](const GatewayConfig& c) { EXPECT_EQ(c.usage.flushIntervalMs, 1); }},
      {"/usage/flush_interval_ms", "60000",
       [](const GatewayConfig& c) { EXPECT_EQ(c.usage.flushIntervalMs, 60000); }},
      {"/usage/writer_nice", "0", [](const GatewayConfig& c) { EXPECT_EQ(c.usage.writerNice, 0); }},
      {"/usage/writer_nice", "19", [](const GatewayConfig& c) { EXPECT_EQ(c.usage.writerNice, 19); }},
      {"/plugins/0/path", R"("sub/libp1.so")",
       [](const GatewayConfig& c) {
         EXPECT_EQ(c.plugins.at(0).path, "sub/libp1.so");
       }}, // the host resolves it
      {"/plugins/0/config", R"({"b": {"c": "env:X", "unknown_to_core": 1}, "a": [1, 2.5, null]})",
       [](const GatewayConfig& c) {
         EXPECT_EQ(c.plugins.at(0).configJson, R"({"b":{"c":"env:X","unknown_to_core":1},"a":[1,2.5,null]})");
       }},
      {"/plugins/0/config", "{}",
       [](const GatewayConfig& c) { EXPECT_EQ(c.plugins.at(0).configJson, "{}"); }},
      {"/plugins/1", R"({"name": "p2", "path": "libp2.so"})",
       [](const GatewayConfig& c) {
         ASSERT_EQ(c.plugins.size(), 2u);
         EXPECT_EQ(c.plugins[1].name, "p2"); // order kept: auth plugins are asked in this order
       }},
      {"/providers/0/config", R"({"base_url": "https://api.example.com/v1", "api_key": "env:KEY"})",
       [](const GatewayConfig& c) {
         EXPECT_EQ(c.providers.at(0).configJson,
                   R"({"base_url":"https://api.example.com/v1","api_key":"env:KEY"})");
       }},
      {"/providers/0/models/0/upstream_model", R"("meta-llama/Llama-3-70b")",
       [](const GatewayConfig& c) {
         EXPECT_EQ(c.providers.at(0).models.at(0).upstreamModel, "meta-llama/Llama-3-70b");
       }},
      {"/providers/0/models/0/aliases", R"(["a", "b"])",
       [](const GatewayConfig& c) {
         EXPECT_EQ(c.providers.at(0).models.at(0).aliases, (std::vector<std::string>{"a", "b"}));
       }},
      {"/providers/0/models/0/aliases", "[]",
       [](const GatewayConfig& c) { EXPECT_TRUE(c.providers.at(0).models.at(0).aliases.empty()); }},
      {"/providers/0/models/1", R"({"name": "m2", "upstream_model": "up-2"})",
       [](const GatewayConfig& c) {
         ASSERT_EQ(c.providers.at(0).models.size(), 2u);
         EXPECT_EQ(c.providers[0].models[1].name, "m2");
         EXPECT_EQ(c.providers[0].models[1].upstreamModel, "up-2");
       }},
      {"/providers", "[]", [](const GatewayConfig& c) { EXPECT_TRUE(c.providers.empty()); }},
      // upstream: every key at both ends of its range, top level and per provider.
      {"/upstream/connect_timeout_ms", "1",
       [](const GatewayConfig& c) { EXPECT_EQ(c.upstream.connectTimeoutMs, 1); }},
      {"/upstream/connect_timeout_ms", "600000",
       [](const GatewayConfig& c) { EXPECT_EQ(c.upstream.connectTimeoutMs, 600000); }},
      {"/upstream/first_byte_timeout_ms", "1",
       [](const GatewayConfig& c) { EXPECT_EQ(c.upstream.firstByteTimeoutMs, 1); }},
      {"/upstream/first_byte_timeout_ms", "3600000",
       [](const GatewayConfig& c) { EXPECT_EQ(c.upstream.firstByteTimeoutMs, 3600000); }},
      {"/upstream/idle_timeout_ms", "1",
       [](const GatewayConfig& c) { EXPECT_EQ(c.upstream.idleTimeoutMs, 1); }},
      {"/upstream/idle_timeout_ms", "3600000",
       [](const GatewayConfig& c) { EXPECT_EQ(c.upstream.idleTimeoutMs, 3600000); }},
      {"/upstream/total_timeout_ms", "1",
       [](const GatewayConfig& c) { EXPECT_EQ(c.upstream.totalTimeoutMs, 1); }},
      {"/upstream/total_timeout_ms", "86400000",
       [](const GatewayConfig& c) { EXPECT_EQ(c.upstream.totalTimeoutMs, 86400000); }},
      {"/upstream/max_connections_per_host", "1",
       [](const GatewayConfig& c) { EXPECT_EQ(c.upstream.maxConnectionsPerHost, 1); }},
      {"/upstream/max_connections_per_host", "10000",
       [](const GatewayConfig& c) { EXPECT_EQ(c.upstream.maxConnectionsPerHost, 10000); }},
      {"/upstream/pool_idle_timeout_ms", "1",
       [](const GatewayConfig& c) { EXPECT_EQ(c.upstream.poolIdleTimeoutMs, 1); }},
      {"/upstream/pool_idle_timeout_ms", "3600000",
       [](const GatewayConfig& c) { EXPECT_EQ(c.upstream.poolIdleTimeoutMs, 3600000); }},
      {"/upstream/max_response_bytes", "1024",
       [](const GatewayConfig& c) { EXPECT_EQ(c.upstream.maxResponseBytes, 1024u); }},
      {"/upstream/max_response_bytes", "1073741824",
       [](const GatewayConfig& c) { EXPECT_EQ(c.upstream.maxResponseBytes, 1073741824u); }},
      {"/upstream/verify_tls", "false", [](const GatewayConfig& c) { EXPECT_FALSE(c.upstream.verifyTls); }},
      {"/upstream/ca_file", R"("/etc/ssl/corp.pem")",
       [](const GatewayConfig& c) { EXPECT_EQ(c.upstream.caFile, "/etc/ssl/corp.pem"); }},
      {"/upstream/ca_file", R"("certs/corp.pem")",
       [](const GatewayConfig& c) { EXPECT_EQ(c.upstream.caFile, "/etc/gatehouse/certs/corp.pem"); }},
      {"/upstream/proxy", R"("http://proxy.internal:3128")",
       [](const GatewayConfig& c) { EXPECT_EQ(c.upstream.proxy, "http://proxy.internal:3128"); }},
      {"/upstream/proxy", R"("http://10.0.0.1:8080/")",
       [](const GatewayConfig& c) { EXPECT_EQ(c.upstream.proxy, "http://10.0.0.1:8080/"); }},
      {"/upstream/proxy", R"("http://[::1]:3128")",
       [](const GatewayConfig& c) { EXPECT_EQ(c.upstream.proxy, "http://[::1]:3128"); }},
      {"/upstream/proxy", R"("")", [](const GatewayConfig& c) { EXPECT_EQ(c.upstream.proxy, ""); }},
      {"/upstream/proxy_user", R"("gw")",
       [](const GatewayConfig& c) { EXPECT_EQ(c.upstream.proxyUser, "gw"); }},
      {"/upstream/proxy_password", R"("env:GH_PROXY_PASSWORD")",
       [](const GatewayConfig& c) { EXPECT_EQ(c.upstream.proxyPasswordRef, "env:GH_PROXY_PASSWORD"); }},
      {"/upstream/proxy_password", R"("file:/etc/gatehouse/proxy.pass")",
       [](const GatewayConfig& c) {
         EXPECT_EQ(c.upstream.proxyPasswordRef, "file:/etc/gatehouse/proxy.pass");
       }},
      {"/upstream/no_proxy", R"(["localhost", ".internal", "10.1.2.3", "::1"])",
       [](const GatewayConfig& c) {
         EXPECT_EQ(c.upstream.noProxy,
                   (std::vector<std::string>{"localhost", ".internal", "10.1.2.3", "::1"}));
       }},
      {"/upstream/no_proxy", "[]", [](const GatewayConfig& c) { EXPECT_TRUE(c.upstream.noProxy.empty()); }},
      {"/upstream", "{}", [](const GatewayConfig& c) { EXPECT_EQ(c.upstream, UpstreamConfig{}); }},
      {"/providers/0/upstream/idle_timeout_ms", "5000",
       [](const GatewayConfig& c) {
         EXPECT_EQ(c.providers.at(0).upstream.idleTimeoutMs, 5000);
         EXPECT_EQ(c.upstream.idleTimeoutMs, 300000); // the defaults block is untouched
       }},
      {"/providers/0/upstream/ca_file", R"("corp.pem")",
       [](const GatewayConfig& c) {
         EXPECT_EQ(c.providers.at(0).upstream.caFile, "/etc/gatehouse/corp.pem");
       }},
      {"/providers/0/upstream/verify_tls", "false",
       [](const GatewayConfig& c) { EXPECT_FALSE(c.providers.at(0).upstream.verifyTls); }},
      {"/providers/0/list_upstream_models", "true",
       [](const GatewayConfig& c) { EXPECT_TRUE(c.providers.at(0).listUpstreamModels); }},
      {"/providers/0/list_upstream_models", "false",
       [](const GatewayConfig& c) { EXPECT_FALSE(c.providers.at(0).listUpstreamModels); }},
      // auth: every key at both ends of its range.
      {"/auth/public_url", R"("https://ai.example.com")",
       [](const GatewayConfig& c) { EXPECT_EQ(c.auth.publicUrl, "https://ai.example.com"); }},
      {"/auth/public_url", R"("http://127.0.0.1:8080")",
       [](const GatewayConfig& c) { EXPECT_EQ(c.auth.publicUrl, "http://127.0.0.1:8080"); }},
      {"/auth/public_url", R"("https://[2001:db8::1]:8443")",
       [](const GatewayConfig& c) { EXPECT_EQ(c.auth.publicUrl, "https://[2001:db8::1]:8443"); }},
      {"/auth/public_url", R"("")", [](const GatewayConfig& c) { EXPECT_EQ(c.auth.publicUrl, ""); }},
      {"/auth/login_plugin", R"("")", [](const GatewayConfig& c) { EXPECT_EQ(c.auth.loginPlugin, ""); }},
      {"/auth/session_lifetime_seconds", "60",
       [](const GatewayConfig& c) { EXPECT_EQ(c.auth.sessionLifetimeSeconds, 60); }},
      {"/auth/session_lifetime_seconds", "2592000",
       [](const GatewayConfig& c) { EXPECT_EQ(c.auth.sessionLifetimeSeconds, 2592000); }},
      {"/auth/session_cache_ms", "0", [](const GatewayConfig& c) { EXPECT_EQ(c.auth.sessionCacheMs, 0); }},
      {"/auth/session_cache_ms", "5000",
       [](const GatewayConfig& c) { EXPECT_EQ(c.auth.sessionCacheMs, 5000); }},
      {"/auth/key_refresh_ms", "100", [](const GatewayConfig& c) { EXPECT_EQ(c.auth.keyRefreshMs, 100); }},
      {"/auth/key_refresh_ms", "5000", [](const GatewayConfig& c) { EXPECT_EQ(c.auth.keyRefreshMs, 5000); }},
      {"/auth/failed_auth/max_failures", "1",
       [](const GatewayConfig& c) { EXPECT_EQ(c.auth.failedAuth.maxFailures, 1); }},
      {"/auth/failed_auth/max_failures", "1000000",
       [](const GatewayConfig& c) { EXPECT_EQ(c.auth.failedAuth.maxFailures, 1000000); }},
      {"/auth/failed_auth/window_seconds", "1",
       [](const GatewayConfig& c) { EXPECT_EQ(c.auth.failedAuth.windowSeconds, 1); }},
      {"/auth/failed_auth/window_seconds", "86400",
       [](const GatewayConfig& c) { EXPECT_EQ(c.auth.failedAuth.windowSeconds, 86400); }},
      {"/auth/failed_auth", "{}",
       [](const GatewayConfig& c) { EXPECT_EQ(c.auth.failedAuth, FailedAuthLimitConfig{}); }},
      {"/auth", "{}", [](const GatewayConfig& c) { EXPECT_EQ(c.auth, AuthConfig{}); }},
      // plugins[].upstream: the same keys as providers[].upstream.
      {"/plugins/0/upstream/connect_timeout_ms", "2500",
       [](const GatewayConfig& c) {
         EXPECT_EQ(c.plugins.at(0).upstream.connectTimeoutMs, 2500);
         EXPECT_EQ(c.upstream.connectTimeoutMs, 10000); // the defaults block is untouched
       }},
      {"/plugins/0/upstream/ca_file", R"("idp-ca.pem")",
       [](const GatewayConfig& c) {
         EXPECT_EQ(c.plugins.at(0).upstream.caFile, "/etc/gatehouse/idp-ca.pem");
       }},
      {"/plugins/0/upstream/proxy", R"("http://proxy.internal:3128")",
       [](const GatewayConfig& c) {
         EXPECT_EQ(c.plugins.at(0).upstream.proxy, "http://proxy.internal:3128");
       }},
      {"/plugins/0/upstream/no_proxy", R"(["idp.internal"])",
       [](const GatewayConfig& c) {
         EXPECT_EQ(c.plugins.at(0).upstream.noProxy, std::vector<std::string>{"idp.internal"});
       }},
      {"/plugins/0/upstream", "{}",
       [](const GatewayConfig& c) {
         UpstreamConfig expected;
         expected.firstByteTimeoutMs = 10000; // the plugin caps; see PluginUpstreamCapsTheModelSizedTimeouts
         expected.idleTimeoutMs = 10000;
         expected.totalTimeoutMs = 30000;
         EXPECT_EQ(c.plugins.at(0).upstream, expected);
       }},
  };
}

INSTANTIATE_TEST_SUITE_P(Keys, AcceptedValue, testing::ValuesIn(acceptedCases()),
                         [](const testing::TestParamInfo<AcceptedCase>& testInfo) {
                           return caseName(testInfo.param.pointer, testInfo.index);
                         });

// --- refused values --------------------------------------------------------------------

struct RefusedCase {
  std::string pointer;
  std::string value;
  std::string path;   // ConfigError::path()
  std::string detail; // ConfigError::detail(), exactly
};

void PrintTo( // NOLINT(readability-identifier-naming)
    const RefusedCase& c, std::ostream* out) {
  *out << c.pointer << " = " << c.value;
}

class RefusedValue : public testing::TestWithParam<RefusedCase> {};

TEST_P(RefusedValue, IsReportedWithItsPath) {
  const RefusedCase& c = GetParam();
  const ConfigError error = parseError(withValue(c.pointer, c.value));
  EXPECT_EQ(error.path(), c.path);
  EXPECT_EQ(error.detail(), c.detail);
  EXPECT_EQ(std::string(error.what()), std::string(kSource) + ": " + c.path + ": " + c.detail);
}

constexpr const char* kPasswordDetail =
    "expected a secret reference (\"env:NAME\" or \"file:PATH\"); a plain "
    "secret is not accepted, put it in an "
    "environment variable or a file and reference that with env: or file:";

constexpr const char* kProxyDetail =
    "expected \"http://host:port\" (or \"\" for no proxy); credentials go in proxy_user and proxy_password, "
    "not in the URL";

constexpr const char* kPublicUrlDetail = "expected \"http://host[:port]\" or \"https://host[:port]\" (where "
                                         "browsers reach the gateway), without a "
                                         "trailing slash, path, query or credentials";

std::string integerRange(const std::string& range, const std::string& got) {
  return "expected an integer from " + range + ", got " + got;
}

std::vector<RefusedCase> refusedCases() {
  return {
      {"/log_level", R"("verbose")", "$.log_level",
       R"(expected one of "debug", "info", "warn", "error", got "verbose")"},
      {"/log_level", "1", "$.log_level", R"(expected one of "debug", "info", "warn", "error", got 1)"},
      {"/log_level", "null", "$.log_level", R"(expected one of "debug", "info", "warn", "error", got null)"},
      {"/plugin_dir", "5", "$.plugin_dir", "expected a string, got 5"},
      {"/plugin_dir", "[]", "$.plugin_dir", "expected a string, got an array"},
      {"/server", R"("x")", "$.server", R"(expected an object, got "x")"},
      {"/server", "[]", "$.server", "expected an object, got an array"},
      {"/server/host", R"("")", "$.server.host", R"(expected a non-empty string, got "")"},
      {"/server/host", "1", "$.server.host", "expected a non-empty string, got 1"},
      {"/server/port", "-1", "$.server.port", integerRange("0 to 65535", "-1")},
      {"/server/port", "65536", "$.server.port", integerRange("0 to 65535", "65536")},
      {"/server/port", R"("80")", "$.server.port", integerRange("0 to 65535", R"("80")")},
      {"/server/port", "80.5", "$.server.port", integerRange("0 to 65535", "80.5")},
      {"/server/port", "8080.0", "$.server.port", integerRange("0 to 65535", "8080.0")},
      {"/server/port", "1e3", "$.server.port", integerRange("0 to 65535", "1000.0")},
      {"/server/port", "true", "$.server.port", integerRange("0 to 65535", "true")},
      {"/server/port", "null", "$.server.port", integerRange("0 to 65535", "null")},
      {"/server/port", "{}", "$.server.port", integerRange("0 to 65535", "an object")},
      {"/server/port", R"("sk-0123456789abcdef0123456789abcdef")", "$.server.port",
       integerRange("0 to 65535", "a string of 35 bytes")},
      {"/server/threads", "0", "$.server.threads", integerRange("1 to 8192", "0")},
      {"/server/threads", "8193", "$.server.threads", integerRange("1 to 8192", "8193")},
      {"/server/threads", R"("4")", "$.server.threads", integerRange("1 to 8192", R"("4")")},
      {"/server/threads", "18446744073709551615", "$.server.threads",
       integerRange("1 to 8192", "18446744073709551615")},
      {"/server/queue_size", "0", "$.server.queue_size", integerRange("1 to 100000", "0")},
      {"/server/queue_size", "100001", "$.server.queue_size", integerRange("1 to 100000", "100001")},
      {"/server/keep_alive", R"("true")", "$.server.keep_alive", R"(expected true or false, got "true")"},
      {"/server/keep_alive", "1", "$.server.keep_alive", "expected true or false, got 1"},
      {"/server/keep_alive_timeout_seconds", "0", "$.server.keep_alive_timeout_seconds",
       integerRange("1 to 3600", "0")},
      {"/server/keep_alive_timeout_seconds", "3601", "$.server.keep_alive_timeout_seconds",
       integerRange("1 to 3600", "3601")},
      {"/server/max_keep_alive_requests", "-1", "$.server.max_keep_alive_requests",
       integerRange("0 to 1000000", "-1")},
      {"/server/max_keep_alive_requests", "1000001", "$.server.max_keep_alive_requests",
       integerRange("0 to 1000000", "1000001")},
      {"/server/max_body_bytes", "1023", "$.server.max_body_bytes",
       integerRange("1024 to 1073741824", "1023")},
      {"/server/max_body_bytes", "1073741825", "$.server.max_body_bytes",
       integerRange("1024 to 1073741824", "1073741825")},
      {"/server/max_body_bytes", "1e10", "$.server.max_body_bytes",
       integerRange("1024 to 1073741824", "10000000000.0")},
      {"/server/shutdown_grace_seconds", "-1", "$.server.shutdown_grace_seconds",
       integerRange("0 to 3600", "-1")},
      {"/server/shutdown_grace_seconds", "3601", "$.server.shutdown_grace_seconds",
       integerRange("0 to 3600", "3601")},
      {"/storage", "3", "$.storage", "expected an object, got 3"},
      {"/usage", "[]", "$.usage", "expected an object, got an array"},
      {"/usage/spool_path", R"("")", "$.usage.spool_path", R"(expected a non-empty string, got "")"},
      {"/usage/spool_path", "1", "$.usage.spool_path", "expected a non-empty string, got 1"},
      {"/usage/queue_capacity", "15", "$.usage.queue_capacity", integerRange("16 to 10000000", "15")},
      {"/usage/queue_capacity", "10000001", "$.usage.queue_capacity",
       integerRange("16 to 10000000", "10000001")},
      {"/usage/batch_size", "0", "$.usage.batch_size", integerRange("1 to 5000", "0")},
      {"/usage/batch_size", "5001", "$.usage.batch_size", integerRange("1 to 5000", "5001")},
      {"/usage/flush_interval_ms", "0", "$.usage.flush_interval_ms", integerRange("1 to 60000", "0")},
      {"/usage/flush_interval_ms", "60001", "$.usage.flush_interval_ms", integerRange("1 to 60000", "60001")},
      {"/usage/writer_nice", "-1", "$.usage.writer_nice", integerRange("0 to 19", "-1")},
      {"/usage/writer_nice", "20", "$.usage.writer_nice", integerRange("0 to 19", "20")},
      {"/usage/batch_sise", "1", "$.usage.batch_sise", R"(unknown key (did you mean "batch_size"?))"},
      {"/storage/driver", R"("postgres")", "$.storage.driver",
       R"(expected one of "sqlite", "mysql", got "postgres")"},
      {"/storage/driver", "1", "$.storage.driver", R"(expected one of "sqlite", "mysql", got 1)"},
      {"/storage/sqlite", "[]", "$.storage.sqlite", "expected an object, got an array"},
      {"/storage/sqlite/path", R"("")", "$.storage.sqlite.path", R"(expected a non-empty string, got "")"},
      {"/storage/sqlite/path", "1", "$.storage.sqlite.path", "expected a non-empty string, got 1"},
      {"/storage/mysql", R"("mysql://x")", "$.storage.mysql", R"(expected an object, got "mysql://x")"},
      {"/storage/mysql/host", R"("")", "$.storage.mysql.host", R"(expected a non-empty string, got "")"},
      {"/storage/mysql/port", "0", "$.storage.mysql.port", integerRange("1 to 65535", "0")},
      {"/storage/mysql/port", "65536", "$.storage.mysql.port", integerRange("1 to 65535", "65536")},
      {"/storage/mysql/socket", "1", "$.storage.mysql.socket", "expected a string, got 1"},
      {"/storage/mysql/database", R"("")", "$.storage.mysql.database",
       R"(expected a non-empty string, got "")"},
      {"/storage/mysql/user", "false", "$.storage.mysql.user", "expected a non-empty string, got false"},
      {"/storage/mysql/password", R"("hunter2")", "$.storage.mysql.password", kPasswordDetail},
      {"/storage/mysql/password", R"("env:")", "$.storage.mysql.password", kPasswordDetail},
      {"/storage/mysql/password", R"("env:1BAD")", "$.storage.mysql.password", kPasswordDetail},
      {"/storage/mysql/password", R"("file:")", "$.storage.mysql.password", kPasswordDetail},
      {"/storage/mysql/password", R"("")", "$.storage.mysql.password", kPasswordDetail},
      {"/storage/mysql/password", "1234", "$.storage.mysql.password", kPasswordDetail},
      {"/storage/mysql/password", "null", "$.storage.mysql.password", kPasswordDetail},
      {"/storage/mysql/pool_size", "0", "$.storage.mysql.pool_size", integerRange("1 to 1024", "0")},
      {"/storage/mysql/pool_size", "1025", "$.storage.mysql.pool_size", integerRange("1 to 1024", "1025")},
      {"/storage/mysql/connect_timeout_seconds", "0", "$.storage.mysql.connect_timeout_seconds",
       integerRange("1 to 600", "0")},
      {"/storage/mysql/connect_timeout_seconds", "601", "$.storage.mysql.connect_timeout_seconds",
       integerRange("1 to 600", "601")},
      {"/storage/mysql/tls", R"("yes")", "$.storage.mysql.tls", R"(expected true or false, got "yes")"},
      {"/storage/mysql/tls_ca_file", "1", "$.storage.mysql.tls_ca_file", "expected a string, got 1"},
      {"/plugins", "{}", "$.plugins", "expected an array, got an object"},
      {"/plugins/0", R"("libx.so")", "$.plugins[0]", R"(expected an object, got "libx.so")"},
      {"/plugins/0/name", "1", "$.plugins[0].name", "expected a string, got 1"},
      {"/plugins/0/name", R"("")", "$.plugins[0].name", "must not be empty"},
      {"/plugins/0/path", R"("")", "$.plugins[0].path", R"(expected a non-empty string, got "")"},
      {"/plugins/0/path", "[]", "$.plugins[0].path", "expected a non-empty string, got an array"},
      {"/plugins/0/config", R"("x")", "$.plugins[0].config", R"(expected an object, got "x")"},
      {"/plugins/0/config", "[]", "$.plugins[0].config", "expected an object, got an array"},
      {"/plugins/0/config", "null", "$.plugins[0].config", "expected an object, got null"},
      {"/providers", R"("x")", "$.providers", R"(expected an array, got "x")"},
      {"/providers/0", "[]", "$.providers[0]", "expected an object, got an array"},
      {"/providers/0/name", R"("")", "$.providers[0].name", "must not be empty"},
      {"/providers/0/name", R"("a/b")", "$.providers[0].name",
       R"(must not contain '/' (reserved for "provider/model" names), got "a/b")"},
      {"/providers/0/name", "1", "$.providers[0].name", "expected a string, got 1"},
      {"/providers/0/plugin", R"("nope")", "$.providers[0].plugin", R"(no plugin named "nope" in $.plugins)"},
      {"/providers/0/plugin", "1", "$.providers[0].plugin", "expected a string, got 1"},
      {"/providers/0/config", "[]", "$.providers[0].config", "expected an object, got an array"},
      {"/providers/0/models", "[]", "$.providers[0].models", "a provider needs at least one model"},
      {"/providers/0/models", "{}", "$.providers[0].models", "expected an array, got an object"},
      {"/providers/0/models/0", R"("m")", "$.providers[0].models[0]", R"(expected an object, got "m")"},
      {"/providers/0/models/0/name", R"("")", "$.providers[0].models[0].name", "must not be empty"},
      {"/providers/0/models/0/name", R"("x/y")", "$.providers[0].models[0].name",
       R"(must not contain '/' (reserved for "provider/model" names), got "x/y")"},
      {"/providers/0/models/0/name", "2", "$.providers[0].models[0].name", "expected a string, got 2"},
      {"/providers/0/models/0/upstream_model", R"("")", "$.providers[0].models[0].upstream_model",
       R"(expected a non-empty string, got "")"},
      {"/providers/0/models/0/upstream_model", "3", "$.providers[0].models[0].upstream_model",
       "expected a non-empty string, got 3"},
      {"/providers/0/models/0/aliases", R"("a")", "$.providers[0].models[0].aliases",
       R"(expected an array, got "a")"},
      {"/providers/0/models/0/aliases", "[1]", "$.providers[0].models[0].aliases[0]",
       "expected a string, got 1"},
      {"/providers/0/models/0/aliases", R"(["ok", ""])", "$.providers[0].models[0].aliases[1]",
       "must not be empty"},
      {"/providers/0/models/0/aliases", R"(["x/y"])", "$.providers[0].models[0].aliases[0]",
       R"(must not contain '/' (reserved for "provider/model" names), got "x/y")"},
      {"/upstream", "[]", "$.upstream", "expected an object, got an array"},
      {"/upstream/connect_timeout_ms", "0", "$.upstream.connect_timeout_ms",
       integerRange("1 to 600000", "0")},
      {"/upstream/connect_timeout_ms", "600001", "$.upstream.connect_timeout_ms",
       integerRange("1 to 600000", "600001")},
      {"/upstream/connect_timeout_ms", R"("10s")", "$.upstream.connect_timeout_ms",
       integerRange("1 to 600000", R"("10s")")},
      {"/upstream/first_byte_timeout_ms", "0", "$.upstream.first_byte_timeout_ms",
       integerRange("1 to 3600000", "0")},
      {"/upstream/first_byte_timeout_ms", "3600001", "$.upstream.first_byte_timeout_ms",
       integerRange("1 to 3600000", "3600001")},
      {"/upstream/idle_timeout_ms", "0", "$.upstream.idle_timeout_ms", integerRange("1 to 3600000", "0")},
      {"/upstream/idle_timeout_ms", "3600001", "$.upstream.idle_timeout_ms",
       integerRange("1 to 3600000", "3600001")},
      {"/upstream/total_timeout_ms", "0", "$.upstream.total_timeout_ms", integerRange("1 to 86400000", "0")},
      {"/upstream/total_timeout_ms", "86400001", "$.upstream.total_timeout_ms",
       integerRange("1 to 86400000", "86400001")},
      {"/upstream/max_connections_per_host", "0", "$.upstream.max_connections_per_host",
       integerRange("1 to 10000", "0")},
      {"/upstream/max_connections_per_host", "10001", "$.upstream.max_connections_per_host",
       integerRange("1 to 10000", "10001")},
      {"/upstream/pool_idle_timeout_ms", "0", "$.upstream.pool_idle_timeout_ms",
       integerRange("1 to 3600000", "0")},
      {"/upstream/pool_idle_timeout_ms", "3600001", "$.upstream.pool_idle_timeout_ms",
       integerRange("1 to 3600000", "3600001")},
      {"/upstream/max_response_bytes", "1023", "$.upstream.max_response_bytes",
       integerRange("1024 to 1073741824", "1023")},
      {"/upstream/max_response_bytes", "1073741825", "$.upstream.max_response_bytes",
       integerRange("1024 to 1073741824", "1073741825")},
      {"/upstream/verify_tls", R"("no")", "$.upstream.verify_tls", R"(expected true or false, got "no")"},
      {"/upstream/ca_file", "1", "$.upstream.ca_file", "expected a string, got 1"},
      {"/upstream/proxy", "1", "$.upstream.proxy", "expected a string, got 1"},
      {"/upstream/proxy", R"("https://proxy:3128")", "$.upstream.proxy", kProxyDetail},
      {"/upstream/proxy", R"("proxy:3128")", "$.upstream.proxy", kProxyDetail},
      {"/upstream/proxy", R"("http://proxy")", "$.upstream.proxy", kProxyDetail},
      {"/upstream/proxy", R"("http://:3128")", "$.upstream.proxy", kProxyDetail},
      {"/upstream/proxy", R"("http://proxy:0")", "$.upstream.proxy", kProxyDetail},
      {"/upstream/proxy", R"("http://proxy:65536")", "$.upstream.proxy", kProxyDetail},
      {"/upstream/proxy", R"("http://proxy:31x")", "$.upstream.proxy", kProxyDetail},
      {"/upstream/proxy", R"("http://proxy:3128/path")", "$.upstream.proxy", kProxyDetail},
      {"/upstream/proxy", R"("http://user:hunter2@proxy:3128")", "$.upstream.proxy", kProxyDetail},
      {"/upstream/proxy", R"("http://::1:3128")", "$.upstream.proxy", kProxyDetail},
      {"/upstream/proxy_user", "[]", "$.upstream.proxy_user", "expected a string, got an array"},
      {"/upstream/proxy_password", R"("hunter2")", "$.upstream.proxy_password", kPasswordDetail},
      {"/upstream/proxy_password", R"("")", "$.upstream.proxy_password", kPasswordDetail},
      {"/upstream/proxy_password", "7", "$.upstream.proxy_password", kPasswordDetail},
      {"/upstream/no_proxy", R"("localhost")", "$.upstream.no_proxy",
       R"(expected an array, got "localhost")"},
      {"/upstream/no_proxy", "[1]", "$.upstream.no_proxy[0]", "expected a string, got 1"},
      {"/upstream/no_proxy", R"(["a", ""])", "$.upstream.no_proxy[1]",
       R"(expected a host name or ".domain" suffix, got "")"},
      {"/upstream/no_proxy", R"(["http://x/"])", "$.upstream.no_proxy[0]",
       R"(expected a host name or ".domain" suffix, got "http://x/")"},
      {"/upstream/conect_timeout_ms", "1", "$.upstream.conect_timeout_ms",
       R"(unknown key (did you mean "connect_timeout_ms"?))"},
      {"/providers/0/upstream", R"("x")", "$.providers[0].upstream", R"(expected an object, got "x")"},
      {"/providers/0/upstream/idle_timeout_ms", "0", "$.providers[0].upstream.idle_timeout_ms",
       integerRange("1 to 3600000", "0")},
      {"/providers/0/upstream/proxy", R"("socks5://p:1080")", "$.providers[0].upstream.proxy", kProxyDetail},
      {"/providers/0/upstream/proxy_password", R"("secret")", "$.providers[0].upstream.proxy_password",
       kPasswordDetail},
      {"/providers/0/upstream/colour", "1", "$.providers[0].upstream.colour",
       "unknown key (allowed: connect_timeout_ms first_byte_timeout_ms idle_timeout_ms total_timeout_ms "
       "max_connections_per_host pool_idle_timeout_ms max_response_bytes verify_tls ca_file proxy proxy_user "
       "proxy_password no_proxy)"},
      {"/providers/0/list_upstream_models", R"("yes")", "$.providers[0].list_upstream_models",
       R"(expected true or false, got "yes")"},
      // auth
      {"/auth", "[]", "$.auth", "expected an object, got an array"},
      {"/auth/public_url", "1", "$.auth.public_url", "expected a string, got 1"},
      {"/auth/public_url", R"("https://ai.example.com/")", "$.auth.public_url", kPublicUrlDetail},
      {"/auth/public_url", R"("https://ai.example.com/gateway")", "$.auth.public_url", kPublicUrlDetail},
      {"/auth/public_url", R"("https://ai.example.com?x=1")", "$.auth.public_url", kPublicUrlDetail},
      {"/auth/public_url", R"("https://ai.example.com#top")", "$.auth.public_url", kPublicUrlDetail},
      {"/auth/public_url", R"("ftp://ai.example.com")", "$.auth.public_url", kPublicUrlDetail},
      {"/auth/public_url", R"("ai.example.com")", "$.auth.public_url", kPublicUrlDetail},
      {"/auth/public_url", R"("https://")", "$.auth.public_url", kPublicUrlDetail},
      {"/auth/public_url", R"("https://:8443")", "$.auth.public_url", kPublicUrlDetail},
      {"/auth/public_url", R"("https://ai.example.com:0")", "$.auth.public_url", kPublicUrlDetail},
      {"/auth/public_url", R"("https://ai.example.com:65536")", "$.auth.public_url", kPublicUrlDetail},
      {"/auth/public_url", R"("https://ai.example.com:")", "$.auth.public_url", kPublicUrlDetail},
      {"/auth/public_url", R"("https://admin:pw@ai.example.com")", "$.auth.public_url", kPublicUrlDetail},
      {"/auth/public_url", R"("https://::1:8443")", "$.auth.public_url", kPublicUrlDetail},
      {"/auth/public_url", R"("https://[::1]x")", "$.auth.public_url", kPublicUrlDetail},
      {"/auth/public_url", R"("HTTPS://ai.example.com")", "$.auth.public_url", kPublicUrlDetail},
      {"/auth/login_plugin", "1", "$.auth.login_plugin", "expected a string, got 1"},
      {"/auth/login_plugin", R"("oidc")", "$.auth.login_plugin", R"(no plugin named "oidc" in $.plugins)"},
      {"/auth/login_plugin", R"("p1")", "$.auth.login_plugin",
       R"(plugin "p1" is a provider plugin (used by $.providers[0]); name an auth plugin)"},
      {"/auth/session_lifetime_seconds", "59", "$.auth.session_lifetime_seconds",
       integerRange("60 to 2592000", "59")},
      {"/auth/session_lifetime_seconds", "2592001", "$.auth.session_lifetime_seconds",
       integerRange("60 to 2592000", "2592001")},
      {"/auth/session_cache_ms", "-1", "$.auth.session_cache_ms", integerRange("0 to 5000", "-1")},
      {"/auth/session_cache_ms", "5001", "$.auth.session_cache_ms", integerRange("0 to 5000", "5001")},
      {"/auth/key_refresh_ms", "99", "$.auth.key_refresh_ms", integerRange("100 to 5000", "99")},
      {"/auth/key_refresh_ms", "5001", "$.auth.key_refresh_ms", integerRange("100 to 5000", "5001")},
      {"/auth/key_refresh_ms", R"("1s")", "$.auth.key_refresh_ms", integerRange("100 to 5000", R"("1s")")},
      {"/auth/failed_auth", "5", "$.auth.failed_auth", "expected an object, got 5"},
      {"/auth/failed_auth/max_failures", "0", "$.auth.failed_auth.max_failures",
       integerRange("1 to 1000000", "0")},
      {"/auth/failed_auth/max_failures", "1000001", "$.auth.failed_auth.max_failures",
       integerRange("1 to 1000000", "1000001")},
      {"/auth/failed_auth/window_seconds", "0", "$.auth.failed_auth.window_seconds",
       integerRange("1 to 86400", "0")},
      {"/auth/failed_auth/window_seconds", "86401", "$.auth.failed_auth.window_seconds",
       integerRange("1 to 86400", "86401")},
      {"/auth/failed_auth/max_failure", "3", "$.auth.failed_auth.max_failure",
       R"(unknown key (did you mean "max_failures"?))"},
      {"/auth/publc_url", R"("https://x")", "$.auth.publc_url",
       R"(unknown key (did you mean "public_url"?))"},
      {"/auth/cookie_name", R"("x")", "$.auth.cookie_name",
       "unknown key (allowed: public_url login_plugin session_lifetime_seconds session_cache_ms "
       "key_refresh_ms "
       "failed_auth)"},
      // plugins[].upstream
      {"/plugins/0/upstream", "[]", "$.plugins[0].upstream", "expected an object, got an array"},
      {"/plugins/0/upstream/first_byte_timeout_ms", "0", "$.plugins[0].upstream.first_byte_timeout_ms",
       integerRange("1 to 3600000", "0")},
      {"/plugins/0/upstream/proxy", R"("http://user:pw@proxy:3128")", "$.plugins[0].upstream.proxy",
       kProxyDetail},
      {"/plugins/0/upstream/proxy_password", R"("secret")", "$.plugins[0].upstream.proxy_password",
       kPasswordDetail},
      {"/plugins/0/upstream/verify_tsl", "false", "$.plugins[0].upstream.verify_tsl",
       R"(unknown key (did you mean "verify_tls"?))"},
      // Unknown keys, at several depths; close typos get a suggestion.
      {"/servers", "{}", "$.servers", R"(unknown key (did you mean "server"?))"},
      {"/color", "1", "$.color",
       "unknown key (allowed: log_level plugin_dir server storage usage upstream auth plugins providers)"},
      {"/server/prot", "1", "$.server.prot", R"(unknown key (did you mean "port"?))"},
      {"/storage/mysql/passwd", R"("x")", "$.storage.mysql.passwd",
       R"(unknown key (did you mean "password"?))"},
      {"/storage/sqlite/file", R"("x")", "$.storage.sqlite.file", "unknown key (allowed: path)"},
      {"/plugins/0/cfg", "{}", "$.plugins[0].cfg", "unknown key (allowed: name path config upstream)"},
      {"/providers/0/base_url", R"("https://x")", "$.providers[0].base_url",
       "unknown key (allowed: name plugin config models upstream list_upstream_models credentials)"},
      {"/providers/0/models/0/nmae", R"("x")", "$.providers[0].models[0].nmae",
       R"(unknown key (did you mean "name"?))"},
      {"/providers/0/models/0/my key", "1", R"($.providers[0].models[0]["my key"])",
       "unknown key (allowed: name upstream_model aliases)"},
  };
}

INSTANTIATE_TEST_SUITE_P(Keys, RefusedValue, testing::ValuesIn(refusedCases()),
                         [](const testing::TestParamInfo<RefusedCase>& testInfo) {
                           return caseName(testInfo.param.pointer, testInfo.index);
                         });

// --- required keys ---------------------------------------------------------------------

class MissingRequiredKey : public testing::TestWithParam<std::pair<const char*, const char*>> {};

TEST_P(MissingRequiredKey, IsReportedWithItsPath) {
  const ConfigError error = parseError(withoutValue(GetParam().first));
  EXPECT_EQ(error.path(), GetParam().second);
  EXPECT_EQ(error.detail(), "required key is missing");
}

INSTANTIATE_TEST_SUITE_P(Keys, MissingRequiredKey,
                         testing::Values(std::pair{"/plugins/0/name", "$.plugins[0].name"},
                                         std::pair{"/plugins/0/path", "$.plugins[0].path"},
                                         std::pair{"/providers/0/name", "$.providers[0].name"},
                                         std::pair{"/providers/0/plugin", "$.providers[0].plugin"},
                                         std::pair{"/providers/0/models", "$.providers[0].models"},
                                         std::pair{"/providers/0/models/0/name",
                                                   "$.providers[0].models[0].name"}));

// --- secrets ---------------------------------------------------------------------------

TEST(ConfigLoader, PlainPasswordIsNotEchoedInTheError) {
  const ConfigError error = parseError(withValue("/storage/mysql/password", R"("correct horse battery")"));
  EXPECT_EQ(std::string(error.what()).find("correct horse"), std::string::npos);
  EXPECT_NE(std::string(error.what()).find("env:"), std::string::npos);
  EXPECT_NE(std::string(error.what()).find("file:"), std::string::npos);
}

// --- document-level errors ---------------------------------------------------------------

TEST(ConfigLoader, RefusesARepeatedKey) {
  const ConfigError error = parseError(R"({"server": {"port": 1, "port": 2}})");
  EXPECT_EQ(error.path(), "$.server.port");
  EXPECT_EQ(error.detail(), "duplicate key");
}

TEST(ConfigLoader, RefusesARepeatedTopLevelKey) {
  EXPECT_EQ(parseError(R"({"log_level": "info", "log_level": "debug"})").path(), "$.log_level");
}

TEST(ConfigLoader, RefusesADocumentThatIsNotAnObject) {
  EXPECT_STREQ(parseError("[]").what(), "/etc/gatehouse/gatehouse.json: $: expected an object, got an array");
  EXPECT_EQ(parseError(R"("x")").detail(), R"(expected an object, got "x")");
}

TEST(ConfigLoader, SyntaxErrorNamesLineAndColumn) {
  const ConfigError error = parseError("{\n  \"server\": {\n    \"port\": 80,\n  }\n}");
  EXPECT_STREQ(
      error.what(),
      "/etc/gatehouse/gatehouse.json: line 4 column 3: invalid JSON: Missing a name for object member.");
  EXPECT_EQ(error.path(), "");
}

TEST(ConfigLoader, SyntaxErrorColumnCountsCharactersNotBytes) {
  // "é" is two bytes; the editor's column for the stray x is 9.
  const ConfigError error = parseError("{\"\xC3\xA9\": 1 x}");
  EXPECT_EQ(error.detail(), "line 1 column 9: invalid JSON: Missing a comma or '}' after an object member.");
}

TEST(ConfigLoader, EmptyTextIsASyntaxError) {
  EXPECT_EQ(parseError("").detail(), "line 1 column 1: invalid JSON: The document is empty.");
}

TEST(ConfigLoader, TrailingContentIsASyntaxError) {
  EXPECT_EQ(parseError("{}\n{}").detail(),
            "line 2 column 1: invalid JSON: The document root must not be followed by other values.");
}

TEST(ConfigLoader, InvalidUtf8IsASyntaxError) {
  EXPECT_EQ(parseError("{\"plugin_dir\": \"\xFF\"}").detail(),
            "line 1 column 17: invalid JSON: Invalid encoding in string.");
}

TEST(ConfigLoader, CommentsAreNotJson) {
  EXPECT_NE(parseError("{ // no\n}").detail().find("invalid JSON"), std::string::npos);
}

// --- cross-entry rules -----------------------------------------------------------------

TEST(ConfigLoader, RefusesDuplicatePluginNames) {
  const ConfigError error =
      parseError(R"({"plugins": [{"name": "a", "path": "x.so"}, {"name": "a", "path": "y.so"}]})");
  EXPECT_EQ(error.path(), "$.plugins[1].name");
  EXPECT_EQ(error.detail(), R"(plugin name "a" is already used at $.plugins[0].name)");
}

TEST(ConfigLoader, RefusesDuplicateProviderNames) {
  const ConfigError error = parseError(withValue("/providers/1", R"({"name": "prov", "plugin": "p1",
                                                                     "models": [{"name": "m2"}]})"));
  EXPECT_EQ(error.path(), "$.providers[1].name");
  EXPECT_EQ(error.detail(), R"(provider name "prov" is already used at $.providers[0].name)");
}

TEST(ConfigLoader, RefusesAModelNameUsedByTwoProviders) {
  const ConfigError error = parseError(withValue("/providers/1", R"({"name": "other", "plugin": "p1",
                                                                     "models": [{"name": "m1"}]})"));
  EXPECT_EQ(error.path(), "$.providers[1].models[0].name");
  EXPECT_EQ(error.detail(), R"(model name "m1" is already used at $.providers[0].models[0].name)");
}

TEST(ConfigLoader, RefusesAnAliasThatIsAnotherModelsName) {
  const ConfigError error = parseError(withValue("/providers/1", R"({"name": "other", "plugin": "p1",
                                                   "models": [{"name": "m2", "aliases": ["x", "m1"]}]})"));
  EXPECT_EQ(error.path(), "$.providers[1].models[0].aliases[1]");
  EXPECT_EQ(error.detail(), R"(model name "m1" is already used at $.providers[0].models[0].name)");
}

TEST(ConfigLoader, RefusesAModelNameThatIsAnEarlierAlias) {
  const ConfigError error =
      parseError(withValue("/providers/0/models", R"([{"name": "m1", "aliases": ["fast"]},
                                                                           {"name": "fast"}])"));
  EXPECT_EQ(error.path(), "$.providers[0].models[1].name");
  EXPECT_EQ(error.detail(), R"(model name "fast" is already used at $.providers[0].models[0].aliases[0])");
}

TEST(ConfigLoader, RefusesAnAliasEqualToItsOwnModelName) {
  const ConfigError error = parseError(withValue("/providers/0/models/0/aliases", R"(["m1"])"));
  EXPECT_EQ(error.path(), "$.providers[0].models[0].aliases[0]");
}

TEST(ConfigLoader, RefusesTheSameAliasTwice) {
  const ConfigError error = parseError(withValue("/providers/0/models/0/aliases", R"(["a", "a"])"));
  EXPECT_EQ(error.path(), "$.providers[0].models[0].aliases[1]");
  EXPECT_EQ(error.detail(), R"(model name "a" is already used at $.providers[0].models[0].aliases[0])");
}

TEST(ConfigLoader, SameUpstreamModelUnderTwoPublicNamesIsFine) {
  const std::string json = withValue("/providers/0/models", R"([{"name": "a", "upstream_model": "u"},
                                                                {"name": "b", "upstream_model": "u"}])");
  EXPECT_NO_THROW(parseConfig(json, kSource));
}

// --- defaults --------------------------------------------------------------------------

TEST(ConfigLoader, EmptyObjectGivesTheDocumentedDefaults) {
  const GatewayConfig config = parseConfig("{}", kSource);
  EXPECT_EQ(config.sourcePath, kSource);
  EXPECT_EQ(config.logLevel, "info");
  EXPECT_EQ(config.pluginDir, ""); // left for the app to fill
  EXPECT_EQ(config.server.host, "127.0.0.1");
  EXPECT_EQ(config.server.port, 8080);
  EXPECT_EQ(config.server.threads, 16);
  EXPECT_EQ(config.server.queueSize, 256);
  EXPECT_TRUE(config.server.keepAlive);
  EXPECT_EQ(config.server.keepAliveTimeoutSeconds, 15);
  EXPECT_EQ(config.server.maxKeepAliveRequests, 1000);
  EXPECT_EQ(config.server.maxBodyBytes, 10u * 1024 * 1024);
  EXPECT_EQ(config.server.shutdownGraceSeconds, 30);
  EXPECT_EQ(config.storage.driver, "sqlite");
  EXPECT_EQ(config.storage.sqlite.path, "/etc/gatehouse/gatehouse.db"); // the default is relative too
  EXPECT_EQ(config.storage.mysql.host, "127.0.0.1");
  EXPECT_EQ(config.storage.mysql.port, 3306);
  EXPECT_EQ(config.storage.mysql.socket, "");
  EXPECT_EQ(config.storage.mysql.database, "gatehouse");
  EXPECT_EQ(config.storage.mysql.user, "gatehouse");
  EXPECT_EQ(config.storage.mysql.passwordRef, "");
  EXPECT_EQ(config.storage.mysql.poolSize, 8);
  EXPECT_EQ(config.storage.mysql.connectTimeoutSeconds, 5);
  EXPECT_FALSE(config.storage.mysql.tls);
  EXPECT_EQ(config.storage.mysql.tlsCaFile, "");
  EXPECT_EQ(config.usage.spoolPath, "/etc/gatehouse/gatehouse-usage.spool"); // relative, like sqlite
  EXPECT_EQ(config.usage.queueCapacity, 65536u);
  EXPECT_EQ(config.usage.batchSize, 500u);
  EXPECT_EQ(config.usage.flushIntervalMs, 100);
  EXPECT_TRUE(config.plugins.empty());
  EXPECT_TRUE(config.providers.empty());
  EXPECT_EQ(config.upstream.connectTimeoutMs, 10000);
  EXPECT_EQ(config.upstream.firstByteTimeoutMs, 600000);
  EXPECT_EQ(config.upstream.idleTimeoutMs, 300000);
  EXPECT_EQ(config.upstream.totalTimeoutMs, 1800000);
  EXPECT_EQ(config.upstream.maxConnectionsPerHost, 64);
  EXPECT_EQ(config.upstream.poolIdleTimeoutMs, 30000);
  EXPECT_EQ(config.upstream.maxResponseBytes, 64u * 1024 * 1024);
  EXPECT_TRUE(config.upstream.verifyTls);
  EXPECT_EQ(config.upstream.caFile, "");
  EXPECT_EQ(config.upstream.proxy, "");
  EXPECT_EQ(config.upstream.proxyUser, "");
  EXPECT_EQ(config.upstream.proxyPasswordRef, "");
  EXPECT_TRUE(config.upstream.noProxy.empty());
  EXPECT_EQ(config.auth.publicUrl, "");
  EXPECT_EQ(config.auth.loginPlugin, "");
  EXPECT_EQ(config.auth.sessionLifetimeSeconds, 28800);
  EXPECT_EQ(config.auth.sessionCacheMs, 5000);
  EXPECT_EQ(config.auth.keyRefreshMs, 1000);
  EXPECT_EQ(config.auth.failedAuth.maxFailures, 20);
  EXPECT_EQ(config.auth.failedAuth.windowSeconds, 60);
}

// --- upstream defaults and per-provider overrides ----------------------------------------

TEST(ConfigLoader, ProviderUpstreamInheritsTheTopLevelBlock) {
  const GatewayConfig config = parseConfig(withValue("/upstream", R"({"idle_timeout_ms": 7000, "proxy":
      "http://proxy:3128", "proxy_user": "gw", "proxy_password": "env:P", "no_proxy": ["a"]})"),
                                           kSource);
  ASSERT_EQ(config.providers.size(), 1u);
  EXPECT_EQ(config.providers[0].upstream, config.upstream);
  EXPECT_EQ(config.providers[0].upstream.idleTimeoutMs, 7000);
  EXPECT_EQ(config.providers[0].upstream.proxyPasswordRef, "env:P");
}

TEST(ConfigLoader, ProviderUpstreamOverridesKeyByKey) {
  rapidjson::Document document = baseDocument();
  rapidjson::Pointer("/upstream/idle_timeout_ms").Set(document, 7000);
  rapidjson::Pointer("/upstream/connect_timeout_ms").Set(document, 2000);
  rapidjson::Pointer("/upstream/proxy").Set(document, "http://proxy:3128");
  rapidjson::Pointer("/upstream/no_proxy/0").Set(document, "a");
  rapidjson::Pointer("/providers/0/upstream/idle_timeout_ms").Set(document, 100);
  rapidjson::Pointer("/providers/0/upstream/proxy").Set(document, ""); // this provider goes direct
  rapidjson::Pointer("/providers/0/upstream/no_proxy").Set(document, rapidjson::Value(rapidjson::kArrayType));
  const GatewayConfig config = parseConfig(serialize(document), kSource);
  const UpstreamConfig& upstream = config.providers.at(0).upstream;
  EXPECT_EQ(upstream.idleTimeoutMs, 100);
  EXPECT_EQ(upstream.connectTimeoutMs, 2000); // inherited
  EXPECT_EQ(upstream.proxy, "");
  EXPECT_TRUE(upstream.noProxy.empty()); // an array replaces the inherited one whole
  EXPECT_EQ(config.upstream.proxy, "http://proxy:3128");
  EXPECT_EQ(config.upstream.noProxy, std::vector<std::string>{"a"});
}

TEST(ConfigLoader, ProvidersOverrideIndependently) {
  const std::string json = withValue("/providers/1", R"({"name": "other", "plugin": "p1",
      "models": [{"name": "m2"}], "upstream": {"max_connections_per_host": 2}})");
  const GatewayConfig config = parseConfig(json, kSource);
  EXPECT_EQ(config.providers.at(0).upstream.maxConnectionsPerHost, 64);
  EXPECT_EQ(config.providers.at(1).upstream.maxConnectionsPerHost, 2);
}

TEST(ConfigLoader, UpstreamProxyErrorNeverEchoesTheUrl) {
  const ConfigError error = parseError(withValue("/upstream/proxy", R"("http://gw:s3cr3t@proxy:3128")"));
  EXPECT_EQ(std::string(error.what()).find("s3cr3t"), std::string::npos);
  EXPECT_EQ(error.path(), "$.upstream.proxy");
}

TEST(ConfigLoader, ProxyPasswordIsNotEchoedInTheError) {
  const ConfigError error = parseError(withValue("/upstream/proxy_password", R"("correct horse battery")"));
  EXPECT_EQ(std::string(error.what()).find("correct horse"), std::string::npos);
}

TEST(ConfigLoader, PluginUpstreamInheritsTheTopLevelBlock) {
  const GatewayConfig config = parseConfig(withValue("/upstream", R"({"connect_timeout_ms": 3000,
      "proxy": "http://proxy:3128", "proxy_password": "env:P", "no_proxy": ["a"]})"),
                                           kSource);
  ASSERT_EQ(config.plugins.size(), 1u);
  EXPECT_EQ(config.plugins[0].upstream.connectTimeoutMs, 3000);
  EXPECT_EQ(config.plugins[0].upstream.proxy, "http://proxy:3128");
  EXPECT_EQ(config.plugins[0].upstream.proxyPasswordRef, "env:P");
  EXPECT_EQ(config.plugins[0].upstream.noProxy, config.upstream.noProxy);
}

// An identity provider that hangs must fail API requests and sign-ins in seconds: a plugin's
// own HTTP starts with the model-sized timeouts capped, unless its block sets them.
TEST(ConfigLoader, PluginUpstreamCapsTheModelSizedTimeouts) {
  const GatewayConfig defaults = parseConfig(withValue("/upstream", "{}"), kSource);
  EXPECT_EQ(defaults.upstream.firstByteTimeoutMs, 600000);
  EXPECT_EQ(defaults.plugins.at(0).upstream.firstByteTimeoutMs, 10000);
  EXPECT_EQ(defaults.plugins.at(0).upstream.idleTimeoutMs, 10000);
  EXPECT_EQ(defaults.plugins.at(0).upstream.totalTimeoutMs, 30000);

  const GatewayConfig shorter =
      parseConfig(withValue("/upstream", R"({"first_byte_timeout_ms": 2000})"), kSource);
  EXPECT_EQ(shorter.plugins.at(0).upstream.firstByteTimeoutMs, 2000); // a shorter top-level value stays

  const GatewayConfig explicitLonger =
      parseConfig(withValue("/plugins/0/upstream", R"({"total_timeout_ms": 120000})"), kSource);
  EXPECT_EQ(explicitLonger.plugins.at(0).upstream.totalTimeoutMs, 120000); // set for the plugin: kept
}

TEST(ConfigLoader, PluginUpstreamOverridesKeyByKey) {
  rapidjson::Document document = baseDocument();
  rapidjson::Pointer("/upstream/connect_timeout_ms").Set(document, 3000);
  rapidjson::Pointer("/upstream/proxy").Set(document, "http://proxy:3128");
  rapidjson::Pointer("/upstream/no_proxy/0").Set(document, "a");
  rapidjson::Pointer("/plugins/0/upstream/total_timeout_ms").Set(document, 4000);
  rapidjson::Pointer("/plugins/0/upstream/proxy").Set(document, ""); // the IdP is reached directly
  rapidjson::Pointer("/plugins/0/upstream/no_proxy").Set(document, rapidjson::Value(rapidjson::kArrayType));
  const GatewayConfig config = parseConfig(serialize(document), kSource);
  const UpstreamConfig& upstream = config.plugins.at(0).upstream;
  EXPECT_EQ(upstream.totalTimeoutMs, 4000);
  EXPECT_EQ(upstream.connectTimeoutMs, 3000); // inherited
  EXPECT_EQ(upstream.proxy, "");
  EXPECT_TRUE(upstream.noProxy.empty()); // an array replaces the inherited one whole
  EXPECT_EQ(config.upstream.proxy, "http://proxy:3128");
  EXPECT_EQ(config.upstream.totalTimeoutMs, 1800000);
  // A provider's overrides are its own: the plugin's do not leak into it.
  EXPECT_EQ(config.providers.at(0).upstream.proxy, "http://proxy:3128");
  EXPECT_EQ(config.providers.at(0).upstream.totalTimeoutMs, 1800000);
}

TEST(ConfigLoader, PluginsOverrideIndependently) {
  const GatewayConfig config = parseConfig(
      withValue("/plugins/1", R"({"name": "idp", "path": "libidp.so", "upstream": {"verify_tls": false}})"),
      kSource);
  EXPECT_TRUE(config.plugins.at(0).upstream.verifyTls);
  EXPECT_FALSE(config.plugins.at(1).upstream.verifyTls);
}

// --- auth -------------------------------------------------------------------------------

TEST(ConfigLoader, LoginPluginNamesAnAuthPlugin) {
  const GatewayConfig config = parseConfig(R"({
    "auth": {"login_plugin": "sso", "public_url": "https://ai.example.com"},
    "plugins": [{"name": "p1", "path": "libp1.so"}, {"name": "sso", "path": "libgatehouse_auth_oidc.so"}],
    "providers": [{"name": "prov", "plugin": "p1", "models": [{"name": "m1"}]}]
  })",
                                           kSource);
  EXPECT_EQ(config.auth.loginPlugin, "sso");
  EXPECT_EQ(config.auth.publicUrl, "https://ai.example.com");
}

TEST(ConfigLoader, LoginPluginIsCheckedEvenWithoutProviders) {
  const ConfigError error = parseError(R"({"auth": {"login_plugin": "sso"}})");
  EXPECT_EQ(error.path(), "$.auth.login_plugin");
  EXPECT_EQ(error.detail(), R"(no plugin named "sso" in $.plugins)");
}

TEST(ConfigLoader, PublicUrlErrorNeverEchoesTheUrl) {
  const ConfigError error =
      parseError(withValue("/auth/public_url", R"("https://admin:s3cr3t@ai.example.com")"));
  EXPECT_EQ(std::string(error.what()).find("s3cr3t"), std::string::npos);
  EXPECT_EQ(error.path(), "$.auth.public_url");
}

TEST(ConfigLoader, AuthBlockKeepsTheDefaultsOfAbsentKeys) {
  const GatewayConfig config =
      parseConfig(R"({"auth": {"key_refresh_ms": 250, "failed_auth": {"max_failures": 5}}})", kSource);
  EXPECT_EQ(config.auth.keyRefreshMs, 250);
  EXPECT_EQ(config.auth.failedAuth.maxFailures, 5);
  EXPECT_EQ(config.auth.failedAuth.windowSeconds, 60);
  EXPECT_EQ(config.auth.sessionLifetimeSeconds, 28800);
  EXPECT_EQ(config.auth.sessionCacheMs, 5000);
  EXPECT_EQ(config.auth.publicUrl, "");
  EXPECT_EQ(config.auth.loginPlugin, "");
}

// --- list_upstream_models ---------------------------------------------------------------

TEST(ConfigLoader, ListingProviderMayHaveNoModels) {
  const GatewayConfig config = parseConfig(withValue("/providers/0", R"({"name": "prov", "plugin": "p1",
      "list_upstream_models": true})"),
                                           kSource);
  EXPECT_TRUE(config.providers.at(0).models.empty());
  EXPECT_TRUE(config.providers.at(0).listUpstreamModels);
}

TEST(ConfigLoader, ListingProviderMayHaveAnEmptyModelList) {
  const GatewayConfig config = parseConfig(withValue("/providers/0", R"({"name": "prov", "plugin": "p1",
      "list_upstream_models": true, "models": []})"),
                                           kSource);
  EXPECT_TRUE(config.providers.at(0).models.empty());
}

TEST(ConfigLoader, ListingProviderKeepsItsConfiguredModels) {
  const GatewayConfig config = parseConfig(withValue("/providers/0/list_upstream_models", "true"), kSource);
  ASSERT_EQ(config.providers.at(0).models.size(), 1u);
  EXPECT_EQ(config.providers[0].models[0].name, "m1");
}

TEST(ConfigLoader, NonListingProviderStillNeedsAModel) {
  const ConfigError error = parseError(withValue("/providers/0", R"({"name": "prov", "plugin": "p1",
      "list_upstream_models": false, "models": []})"));
  EXPECT_EQ(error.path(), "$.providers[0].models");
  EXPECT_EQ(error.detail(), "a provider needs at least one model");
}

TEST(ConfigLoader, AbsentKeysOfAnEntryGetTheirDefaults) {
  const GatewayConfig config = parseConfig(kBaseConfig, kSource);
  ASSERT_EQ(config.plugins.size(), 1u);
  EXPECT_EQ(config.plugins[0].configJson, "{}");
  ASSERT_EQ(config.providers.size(), 1u);
  EXPECT_EQ(config.providers[0].configJson, "{}");
  ASSERT_EQ(config.providers[0].models.size(), 1u);
  EXPECT_EQ(config.providers[0].models[0].upstreamModel, "m1"); // defaults to the public name
  EXPECT_TRUE(config.providers[0].models[0].aliases.empty());
}

TEST(ConfigLoader, PartialSectionsKeepTheOtherDefaults) {
  const GatewayConfig config =
      parseConfig(R"({"server": {"port": 9000}, "storage": {"mysql": {"user": "u"}}})", kSource);
  EXPECT_EQ(config.server.port, 9000);
  EXPECT_EQ(config.server.threads, 16);
  EXPECT_EQ(config.storage.mysql.user, "u");
  EXPECT_EQ(config.storage.mysql.database, "gatehouse");
}

// --- paths -----------------------------------------------------------------------------

TEST(ConfigLoader, RelativeSourceNameResolvesAgainstTheWorkingDirectory) {
  const GatewayConfig config = parseConfig(R"({"plugin_dir": "plugins"})", "conf/gatehouse.json");
  EXPECT_EQ(config.pluginDir, (fs::current_path() / "conf" / "plugins").string());
  EXPECT_EQ(config.sourcePath, "conf/gatehouse.json");
}

TEST(ConfigLoader, SourceNameWithoutDirectoryResolvesAgainstTheWorkingDirectory) {
  const GatewayConfig config = parseConfig(R"({"storage": {"sqlite": {"path": "x.db"}}})", "gatehouse.json");
  EXPECT_EQ(config.storage.sqlite.path, (fs::current_path() / "x.db").string());
}

class ConfigFile : public testing::Test {
protected:
  void SetUp() override {
    const auto* info = testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::temp_directory_path() /
           ("gatehouse_config_test_" + std::to_string(::getpid()) + "_" + info->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "etc");
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string write(const std::string& name, const std::string& text) {
    const fs::path path = dir_ / name;
    std::ofstream(path, std::ios::binary) << text;
    return path.string();
  }

  fs::path dir_;
};

TEST_F(ConfigFile, RelativePathsResolveAgainstTheConfigFilesDirectory) {
  const std::string path = write("etc/gatehouse.json", R"({
    "plugin_dir": "plugins",
    "storage": {"sqlite": {"path": "../var/gh.db"}, "mysql": {"tls_ca_file": "ca.pem"}}
  })");
  const GatewayConfig config = loadConfigFile(path);
  EXPECT_EQ(config.sourcePath, path);
  EXPECT_EQ(config.pluginDir, (dir_ / "etc" / "plugins").string());
  EXPECT_EQ(config.storage.sqlite.path, (dir_ / "var" / "gh.db").string());
  EXPECT_EQ(config.storage.mysql.tlsCaFile, (dir_ / "etc" / "ca.pem").string());
}

TEST_F(ConfigFile, UpstreamCaFilesResolveAgainstTheConfigFilesDirectory) {
  const std::string path = write("etc/gatehouse.json", R"({
    "upstream": {"ca_file": "ca/all.pem"},
    "plugins": [{"name": "p1", "path": "libp1.so"}],
    "providers": [{"name": "a", "plugin": "p1", "models": [{"name": "m1"}]},
                  {"name": "b", "plugin": "p1", "models": [{"name": "m2"}],
                   "upstream": {"ca_file": "../b.pem"}}]
  })");
  const GatewayConfig config = loadConfigFile(path);
  EXPECT_EQ(config.upstream.caFile, (dir_ / "etc" / "ca" / "all.pem").string());
  EXPECT_EQ(config.providers.at(0).upstream.caFile, (dir_ / "etc" / "ca" / "all.pem").string());
  EXPECT_EQ(config.providers.at(1).upstream.caFile, (dir_ / "b.pem").string());
}

TEST_F(ConfigFile, PluginUpstreamCaFilesResolveAgainstTheConfigFilesDirectory) {
  const std::string path = write("etc/gatehouse.json", R"({
    "upstream": {"ca_file": "ca/all.pem"},
    "plugins": [{"name": "a", "path": "liba.so"},
                {"name": "idp", "path": "libidp.so", "upstream": {"ca_file": "idp/ca.pem"}}]
  })");
  const GatewayConfig config = loadConfigFile(path);
  EXPECT_EQ(config.plugins.at(0).upstream.caFile, (dir_ / "etc" / "ca" / "all.pem").string());
  EXPECT_EQ(config.plugins.at(1).upstream.caFile, (dir_ / "etc" / "idp" / "ca.pem").string());
}

TEST_F(ConfigFile, AbsolutePathsAreKept) {
  const std::string path = write("etc/gatehouse.json", R"({"plugin_dir": "/usr/lib/gatehouse/plugins"})");
  EXPECT_EQ(loadConfigFile(path).pluginDir, "/usr/lib/gatehouse/plugins");
}

TEST_F(ConfigFile, EmptyPluginDirStaysEmpty) {
  const std::string path = write("etc/gatehouse.json", R"({"plugin_dir": ""})");
  EXPECT_EQ(loadConfigFile(path).pluginDir, "");
}

TEST_F(ConfigFile, MissingFileIsAClearError) {
  const std::string path = (dir_ / "nope.json").string();
  try {
    loadConfigFile(path);
    FAIL() << "missing file was accepted";
  } catch (const ConfigError& error) {
    EXPECT_EQ(std::string(error.what()), path + ": cannot read config file: No such file or directory");
    EXPECT_EQ(error.path(), "");
    EXPECT_EQ(error.source(), path);
  }
}

TEST_F(ConfigFile, DirectoryIsAClearError) {
  const std::string path = (dir_ / "etc").string();
  try {
    loadConfigFile(path);
    FAIL() << "directory was accepted";
  } catch (const ConfigError& error) {
    EXPECT_EQ(std::string(error.what()), path + ": cannot read config file: Is a directory");
  }
}

TEST_F(ConfigFile, ErrorsNameTheFile) {
  const std::string path = write("etc/bad.json", "{\n  \"server\": {\"port\": \"80\"}\n}\n");
  try {
    loadConfigFile(path);
    FAIL() << "bad file was accepted";
  } catch (const ConfigError& error) {
    EXPECT_EQ(std::string(error.what()),
              path + ": $.server.port: expected an integer from 0 to 65535, got \"80\"");
  }
}

TEST_F(ConfigFile, ReadsLargeFilesWhole) {
  // Longer than one read() chunk, so the loader must keep reading.
  std::string padding(std::size_t{200} * 1024, ' ');
  const std::string path = write("etc/big.json", "{" + padding + "\"log_level\": \"warn\"}");
  EXPECT_EQ(loadConfigFile(path).logLevel, "warn");
}

// --- shipped configs -------------------------------------------------------------------

TEST(ShippedConfig, DefaultConfigParses) {
  const std::string path = std::string(GATEHOUSE_CONF_DIR) + "/gatehouse.json";
  const GatewayConfig config = loadConfigFile(path);
  EXPECT_EQ(config.pluginDir, "");
  EXPECT_EQ(config.storage.driver, "sqlite");
  EXPECT_EQ(config.storage.sqlite.path, std::string(GATEHOUSE_CONF_DIR) + "/gatehouse.db");
  ASSERT_FALSE(config.plugins.empty());
  ASSERT_FALSE(config.providers.empty());
  EXPECT_TRUE(std::any_of(config.plugins.begin(), config.plugins.end(), [&](const PluginConfig& plugin) {
    return plugin.name == config.providers[0].plugin;
  }));
  EXPECT_EQ(config.upstream, UpstreamConfig{}); // it spells out the defaults
}

TEST(ShippedConfig, EveryExampleParses) {
  int examples = 0;
  for (const auto& entry : fs::directory_iterator(fs::path(GATEHOUSE_CONF_DIR) / "examples")) {
    if (entry.path().extension() != ".json") {
      continue;
    }
    try {
      loadConfigFile(entry.path().string());
    } catch (const ConfigError& error) {
      ADD_FAILURE() << error.what();
    }
    ++examples;
  }
  EXPECT_GE(examples, 2);
}

// --- provider credential pools ------------------------------------------------------------

TEST(ConfigLoader, ProviderCredentialsAreReadWithTheirWeights) {
  const GatewayConfig config = parseConfig(
      withValue("/providers/0/credentials", R"([{"name": "a", "api_key": "env:KEY_A", "weight": 3},
                                                {"name": "b", "api_key": "file:/run/secrets/b"}])"),
      kSource);
  const auto& credentials = config.providers.at(0).credentials;
  ASSERT_EQ(credentials.size(), 2u);
  EXPECT_EQ(credentials[0], (ProviderCredentialConfig{"a", "env:KEY_A", 3}));
  EXPECT_EQ(credentials[1], (ProviderCredentialConfig{"b", "file:/run/secrets/b", 1}));
}

TEST(ConfigLoader, AProviderWithoutCredentialsHasAnEmptyPool) {
  EXPECT_TRUE(parseConfig(kBaseConfig, kSource).providers.at(0).credentials.empty());
}

TEST(ConfigLoader, ACredentialNeedsANameAndAKeyReference) {
  ConfigError error = parseError(withValue("/providers/0/credentials", R"([{"api_key": "env:K"}])"));
  EXPECT_EQ(error.path(), "$.providers[0].credentials[0].name");
  error = parseError(withValue("/providers/0/credentials", R"([{"name": "a"}])"));
  EXPECT_EQ(error.path(), "$.providers[0].credentials[0].api_key");
  EXPECT_EQ(error.detail(), R"(is required (a secret reference, "env:NAME" or "file:PATH"))");
  error = parseError(withValue("/providers/0/credentials", R"([{"name": "", "api_key": "env:K"}])"));
  EXPECT_EQ(error.path(), "$.providers[0].credentials[0].name");
}

TEST(ConfigLoader, APlainCredentialKeyIsRefusedAndNotEchoed) {
  const ConfigError error = parseError(
      withValue("/providers/0/credentials", R"([{"name": "a", "api_key": "sk-live-1234567890"}])"));
  EXPECT_EQ(error.path(), "$.providers[0].credentials[0].api_key");
  EXPECT_EQ(error.detail(), kPasswordDetail);
  EXPECT_EQ(std::string(error.what()).find("sk-live"), std::string::npos);
}

TEST(ConfigLoader, ACredentialWeightIsOneToAThousand) {
  for (const char* weight : {"0", "1001", "-1", "1.5", "\"2\""}) {
    const ConfigError error = parseError(
        withValue("/providers/0/credentials",
                  std::string(R"([{"name": "a", "api_key": "env:K", "weight": )") + weight + "}]"));
    EXPECT_EQ(error.path(), "$.providers[0].credentials[0].weight") << weight;
  }
  EXPECT_EQ(parseConfig(withValue("/providers/0/credentials", R"([{"name": "a", "api_key": "env:K",
                                                                   "weight": 1000}])"),
                        kSource)
                .providers[0]
                .credentials[0]
                .weight,
            1000);
}

TEST(ConfigLoader, ACredentialRefusesUnknownKeys) {
  const ConfigError error = parseError(
      withValue("/providers/0/credentials", R"([{"name": "a", "api_key": "env:K", "wieght": 2}])"));
  EXPECT_EQ(error.path(), "$.providers[0].credentials[0].wieght");
  EXPECT_EQ(error.detail(), R"(unknown key (did you mean "weight"?))");
}

TEST(ConfigLoader, CredentialNamesAreUniqueWithinAProvider) {
  const ConfigError error =
      parseError(withValue("/providers/0/credentials",
                           R"([{"name": "a", "api_key": "env:K1"}, {"name": "a", "api_key": "env:K2"}])"));
  EXPECT_EQ(error.path(), "$.providers[0].credentials[1].name");
  EXPECT_EQ(error.detail(), R"(credential name "a" is already used at $.providers[0].credentials[0].name)");
}

TEST(ConfigLoader, TwoProvidersMayNameTheirCredentialsAlike) {
  std::string json =
      withValue("/providers/1", R"({"name": "other", "plugin": "p1", "models": [{"name": "m2"}],
                                                   "credentials": [{"name": "a", "api_key": "env:K2"}]})");
  rapidjson::Document document;
  document.Parse(json.c_str());
  rapidjson::Document pool;
  pool.Parse(R"([{"name": "a", "api_key": "env:K1"}])");
  rapidjson::Pointer("/providers/0/credentials")
      .Set(document, rapidjson::Value(pool, document.GetAllocator()));
  EXPECT_NO_THROW(parseConfig(serialize(document), kSource));
}

TEST(ConfigLoader, APoolHoldsAtMostSixtyFourCredentials) {
  std::string pool = "[";
  for (int i = 0; i < 65; ++i) {
    pool +=
        std::string(i == 0 ? "" : ",") + R"({"name": "c)" + std::to_string(i) + R"(", "api_key": "env:K"})";
  }
  pool += "]";
  const ConfigError error = parseError(withValue("/providers/0/credentials", pool));
  EXPECT_EQ(error.path(), "$.providers[0].credentials");
  EXPECT_EQ(error.detail(), "at most 64 credentials per provider, got 65");
}

} // namespace
} // namespace gatehouse
