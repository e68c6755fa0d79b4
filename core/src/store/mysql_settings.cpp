#include <gatehouse/common/secret_reference.hpp>
#include <gatehouse/store/mysql_settings.hpp>
#include <gatehouse/store/store_error.hpp>

namespace gatehouse::store {
namespace {

// An empty reference means the account has no password (e.g. socket auth).
std::string resolvePassword(const std::string& reference) {
  std::string password;
  if (reference.empty())
    return password;
  std::string error;
  if (resolveSecret(reference, password, error) != GH_OK)
    throw StoreError(StoreError::Kind::Invalid, "storage.mysql.password: " + error);
  return password;
}

} // namespace

MysqlSettings MysqlSettings::fromConfig(const MysqlConfig& config) {
  if (config.poolSize < 1)
    throw StoreError(StoreError::Kind::Invalid, "storage.mysql.pool_size must be at least 1");
  if (config.connectTimeoutSeconds < 1)
    throw StoreError(StoreError::Kind::Invalid, "storage.mysql.connect_timeout_seconds must be at least 1");
  if (config.socket.empty() && config.host.empty())
    throw StoreError(StoreError::Kind::Invalid, "storage.mysql needs a host or a socket");
  MysqlSettings settings;
  settings.host = config.host;
  settings.port = config.port;
  settings.socket = config.socket;
  settings.database = config.database;
  settings.user = config.user;
  settings.password = resolvePassword(config.passwordRef);
  settings.poolSize = config.poolSize;
  settings.connectTimeout = std::chrono::seconds(config.connectTimeoutSeconds);
  settings.tls = config.tls;
  settings.tlsCaFile = config.tlsCaFile;
  return settings;
}

} // namespace gatehouse::store
