// The gateway's configuration, as read from one JSON file (see conf/gatehouse.json and
// docs/operations.md). Plain data: validation happens while loading (config_loader.hpp).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace gatehouse {

struct ServerConfig {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8080;
  int threads = 16;              // worker threads serving connections
  int queueSize = 256;           // accepted connections waiting for a worker
  bool keepAlive = true;
  int keepAliveTimeoutSeconds = 15;
  int maxKeepAliveRequests = 1000;
  std::size_t maxBodyBytes = 10 * 1024 * 1024;
  int shutdownGraceSeconds = 30; // in-flight requests get this long after SIGTERM
};

struct SqliteConfig {
  std::string path = "gatehouse.db";
};

struct MysqlConfig {
  std::string host = "127.0.0.1";
  std::uint16_t port = 3306;
  std::string socket;            // used instead of host/port when set
  std::string database = "gatehouse";
  std::string user = "gatehouse";
  std::string passwordRef;       // secret reference: "env:NAME" or "file:PATH"
  int poolSize = 8;
  int connectTimeoutSeconds = 5;
  bool tls = false;
  std::string tlsCaFile;
};

struct StorageConfig {
  std::string driver = "sqlite"; // "sqlite" or "mysql"
  SqliteConfig sqlite;
  MysqlConfig mysql;
};

struct PluginConfig {
  std::string name;       // unique; providers refer to it
  std::string path;       // shared library; relative paths are resolved against pluginDir
  std::string configJson; // the plugin's own config block, re-serialised ("{}" when absent)
};

struct ModelConfig {
  std::string name;                 // public name clients send
  std::string upstreamModel;        // name sent upstream (defaults to name)
  std::vector<std::string> aliases; // other public names for the same model
};

struct ProviderConfig {
  std::string name;       // unique
  std::string plugin;     // a PluginConfig::name of kind provider
  std::string configJson; // the provider instance's config block ("{}" when absent)
  std::vector<ModelConfig> models;
};

struct GatewayConfig {
  std::string sourcePath; // the file this was read from
  std::string pluginDir;  // where relative plugin paths are looked up
  std::string logLevel = "info";
  ServerConfig server;
  StorageConfig storage;
  std::vector<PluginConfig> plugins; // auth plugins are asked in this order
  std::vector<ProviderConfig> providers;
};

} // namespace gatehouse
