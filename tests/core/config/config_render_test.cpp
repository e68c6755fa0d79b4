#include <gatehouse/config/config_loader.hpp>
#include <gatehouse/config/config_render.hpp>

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <string>

namespace gatehouse {
namespace {

constexpr const char* kRichConfig = R"({
  "log_level": "debug",
  "plugin_dir": "/usr/lib/gatehouse/plugins",
  "server": {"host": "0.0.0.0", "port": 9443, "threads": 4, "queue_size": 64, "keep_alive": false,
             "keep_alive_timeout_seconds": 5, "max_keep_alive_requests": 0, "max_body_bytes": 2048,
             "shutdown_grace_seconds": 0},
  "storage": {"driver": "mysql", "sqlite": {"path": ":memory:"},
              "mysql": {"host": "db", "port": 3307, "socket": "/run/m.sock", "database": "gh", "user": "gw",
                        "password": "env:GH_DB_PASSWORD", "pool_size": 3, "connect_timeout_seconds": 2,
                        "tls": true, "tls_ca_file": "/etc/ssl/ca.pem"}},
  "usage": {"spool_path": "/var/spool/gh.spool", "queue_capacity": 100, "batch_size": 7,
            "flush_interval_ms": 25, "writer_nice": 5},
  "upstream": {"connect_timeout_ms": 1500, "first_byte_timeout_ms": 2500, "idle_timeout_ms": 3500,
               "total_timeout_ms": 4500, "max_connections_per_host": 5, "pool_idle_timeout_ms": 6500,
               "max_response_bytes": 4096, "verify_tls": false, "ca_file": "/etc/ssl/corp.pem",
               "proxy": "http://proxy.internal:3128", "proxy_user": "gw", "proxy_password": "env:GH_PROXY",
               "no_proxy": ["localhost", ".internal"]},
  "auth": {"public_url": "https://ai.example.com", "login_plugin": "keys", "session_lifetime_seconds": 3600,
           "session_cache_ms": 0, "key_refresh_ms": 250, "failed_auth": {"max_failures": 3, "window_seconds": 30}},
  "plugins": [{"name": "openai", "path": "libgatehouse_provider_openai.so",
               "config": {"nested": {"list": [1, "two", null]}}},
              {"name": "keys", "path": "/opt/libkeys.so", "upstream": {"total_timeout_ms": 777, "no_proxy": []}}],
  "providers": [{"name": "oai", "plugin": "openai",
                 "config": {"base_url": "https://api.openai.com/v1", "api_key": "env:OPENAI_API_KEY"},
                 "models": [{"name": "gpt-4o", "upstream_model": "gpt-4o-2024-08-06",
                             "aliases": ["gpt4o", "4o"]},
                            {"name": "o3"}],
                 "upstream": {"idle_timeout_ms": 99, "proxy": ""},
                 "credentials": [{"name": "team-a", "api_key": "env:OPENAI_KEY_A", "weight": 3},
                                 {"name": "team-b", "api_key": "file:/run/secrets/openai-b"}]},
                {"name": "local", "plugin": "openai", "list_upstream_models": true}]
})";

constexpr const char* kSource = "/etc/gatehouse/gatehouse.json";

rapidjson::Document parseJson(const std::string& text) {
  rapidjson::Document document;
  document.Parse(text.c_str());
  EXPECT_FALSE(document.HasParseError()) << text;
  return document;
}

TEST(ConfigRender, OutputParsesBackToTheSameConfig) {
  const GatewayConfig config = parseConfig(kRichConfig, kSource);
  EXPECT_EQ(parseConfig(renderConfigJson(config), kSource), config);
  EXPECT_EQ(parseConfig(renderConfigJson(config, JsonLayout::Compact), kSource), config);
}

TEST(ConfigRender, CredentialsAreShownAsReferencesWithTheirWeights) {
  const rapidjson::Document rendered = parseJson(renderConfigJson(parseConfig(kRichConfig, kSource)));
  const rapidjson::Value& credentials = rendered["providers"][0]["credentials"];
  ASSERT_EQ(credentials.Size(), 2u);
  EXPECT_STREQ(credentials[0]["name"].GetString(), "team-a");
  EXPECT_STREQ(credentials[0]["api_key"].GetString(), "env:OPENAI_KEY_A");
  EXPECT_EQ(credentials[0]["weight"].GetInt(), 3);
  EXPECT_STREQ(credentials[1]["api_key"].GetString(), "file:/run/secrets/openai-b");
  EXPECT_EQ(credentials[1]["weight"].GetInt(), 1);
  EXPECT_EQ(rendered["providers"][1]["credentials"].Size(), 0u); // spelled out, like every default
}

TEST(ConfigRender, DefaultsAreSpelledOut) {
  const rapidjson::Document rendered = parseJson(renderConfigJson(parseConfig("{}", kSource)));
  EXPECT_EQ(rendered["server"]["port"].GetInt(), 8080);
  EXPECT_STREQ(rendered["storage"]["sqlite"]["path"].GetString(), "/etc/gatehouse/gatehouse.db");
  EXPECT_STREQ(rendered["storage"]["mysql"]["user"].GetString(), "gatehouse");
  EXPECT_STREQ(rendered["usage"]["spool_path"].GetString(), "/etc/gatehouse/gatehouse-usage.spool");
  EXPECT_EQ(rendered["usage"]["queue_capacity"].GetInt(), 65536);
  EXPECT_EQ(rendered["usage"]["batch_size"].GetInt(), 500);
  EXPECT_EQ(rendered["usage"]["flush_interval_ms"].GetInt(), 100);
  EXPECT_EQ(rendered["usage"]["writer_nice"].GetInt(), 19);
  EXPECT_TRUE(rendered["plugins"].IsArray());
}

TEST(ConfigRender, ConfigBlocksAreEmbeddedAsObjects) {
  const rapidjson::Document rendered = parseJson(renderConfigJson(parseConfig(kRichConfig, kSource)));
  const rapidjson::Value& pluginConfig = rendered["plugins"][0]["config"];
  ASSERT_TRUE(pluginConfig.IsObject());
  EXPECT_STREQ(pluginConfig["nested"]["list"][1].GetString(), "two");
  EXPECT_TRUE(rendered["plugins"][1]["config"].IsObject());
  EXPECT_STREQ(rendered["providers"][0]["config"]["api_key"].GetString(), "env:OPENAI_API_KEY");
}

TEST(ConfigRender, ProviderUpstreamIsRenderedMerged) {
  const rapidjson::Document rendered = parseJson(renderConfigJson(parseConfig(kRichConfig, kSource)));
  const rapidjson::Value& upstream = rendered["providers"][0]["upstream"];
  EXPECT_EQ(upstream["idle_timeout_ms"].GetInt(), 99);
  EXPECT_EQ(upstream["connect_timeout_ms"].GetInt(), 1500); // inherited, spelled out
  EXPECT_STREQ(upstream["proxy"].GetString(), "");
  EXPECT_STREQ(upstream["proxy_password"].GetString(), "env:GH_PROXY");
  EXPECT_TRUE(rendered["providers"][1]["list_upstream_models"].GetBool());
  EXPECT_EQ(rendered["providers"][1]["models"].Size(), 0u);
  EXPECT_EQ(rendered["upstream"]["no_proxy"].Size(), 2u);
}

TEST(ConfigRender, PluginUpstreamIsRenderedMerged) {
  const rapidjson::Document rendered = parseJson(renderConfigJson(parseConfig(kRichConfig, kSource)));
  const rapidjson::Value& keys = rendered["plugins"][1]["upstream"];
  EXPECT_EQ(keys["total_timeout_ms"].GetInt(), 777);
  EXPECT_EQ(keys["connect_timeout_ms"].GetInt(), 1500); // inherited, spelled out
  EXPECT_EQ(keys["no_proxy"].Size(), 0u);
  EXPECT_EQ(rendered["plugins"][0]["upstream"]["no_proxy"].Size(), 2u);
}

TEST(ConfigRender, AuthBlockIsRendered) {
  const rapidjson::Document rendered = parseJson(renderConfigJson(parseConfig(kRichConfig, kSource)));
  const rapidjson::Value& auth = rendered["auth"];
  EXPECT_STREQ(auth["public_url"].GetString(), "https://ai.example.com");
  EXPECT_STREQ(auth["login_plugin"].GetString(), "keys");
  EXPECT_EQ(auth["session_lifetime_seconds"].GetInt(), 3600);
  EXPECT_EQ(auth["session_cache_ms"].GetInt(), 0);
  EXPECT_EQ(auth["key_refresh_ms"].GetInt(), 250);
  EXPECT_EQ(auth["failed_auth"]["max_failures"].GetInt(), 3);
  EXPECT_EQ(auth["failed_auth"]["window_seconds"].GetInt(), 30);
}

TEST(ConfigRender, AuthDefaultsAreSpelledOut) {
  const rapidjson::Document rendered = parseJson(renderConfigJson(parseConfig("{}", kSource)));
  const rapidjson::Value& auth = rendered["auth"];
  EXPECT_STREQ(auth["public_url"].GetString(), "");
  EXPECT_STREQ(auth["login_plugin"].GetString(), "");
  EXPECT_EQ(auth["session_lifetime_seconds"].GetInt(), 28800);
  EXPECT_EQ(auth["session_cache_ms"].GetInt(), 5000);
  EXPECT_EQ(auth["key_refresh_ms"].GetInt(), 1000);
  EXPECT_EQ(auth["failed_auth"]["max_failures"].GetInt(), 20);
  EXPECT_EQ(auth["failed_auth"]["window_seconds"].GetInt(), 60);
}

TEST(ConfigRender, AbsentProxyPasswordIsLeftOut) {
  const rapidjson::Document rendered = parseJson(renderConfigJson(parseConfig("{}", kSource)));
  EXPECT_FALSE(rendered["upstream"].HasMember("proxy_password"));
  EXPECT_TRUE(rendered["upstream"]["verify_tls"].GetBool());
  EXPECT_EQ(rendered["upstream"]["max_response_bytes"].GetInt(), 64 * 1024 * 1024);
}

TEST(ConfigRender, PasswordIsShownAsItsReferenceOnly) {
  const std::string rendered = renderConfigJson(parseConfig(kRichConfig, kSource));
  EXPECT_NE(rendered.find(R"("password": "env:GH_DB_PASSWORD")"), std::string::npos) << rendered;
}

TEST(ConfigRender, AbsentPasswordIsLeftOut) {
  const rapidjson::Document rendered = parseJson(renderConfigJson(parseConfig("{}", kSource)));
  EXPECT_FALSE(rendered["storage"]["mysql"].HasMember("password"));
}

TEST(ConfigRender, SourcePathIsNotAConfigKey) {
  const std::string rendered = renderConfigJson(parseConfig("{}", kSource));
  EXPECT_EQ(rendered.find(kSource), std::string::npos);
}

TEST(ConfigRender, PrettyLayoutIndentsByTwo) {
  const std::string rendered = renderConfigJson(parseConfig("{}", kSource));
  EXPECT_EQ(rendered.rfind("{\n  \"log_level\": \"info\",\n", 0), 0u) << rendered;
}

TEST(ConfigRender, CompactLayoutIsOneLine) {
  const std::string rendered = renderConfigJson(parseConfig(kRichConfig, kSource), JsonLayout::Compact);
  EXPECT_EQ(rendered.find('\n'), std::string::npos);
  EXPECT_EQ(rendered.rfind(R"({"log_level":"debug","plugin_dir":"/usr/lib/gatehouse/plugins","server":{)", 0),
            0u);
}

TEST(ConfigRender, MalformedBlockBuiltInCodeStillGivesValidJson) {
  GatewayConfig config;
  config.plugins.push_back({"p", "p.so", "{not json"});
  const rapidjson::Document rendered = parseJson(renderConfigJson(config));
  EXPECT_STREQ(rendered["plugins"][0]["config"].GetString(), "{not json");
}

} // namespace
} // namespace gatehouse
