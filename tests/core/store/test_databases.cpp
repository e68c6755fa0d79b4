#include "test_databases.hpp"

#include <gatehouse/store/id_generator.hpp>
#include <gatehouse/store/mysql_connection.hpp>
#include <gatehouse/store/store_error.hpp>

#include <cstdlib>
#include <fstream>
#include <stdexcept>

namespace gatehouse::store::testing {
namespace {

std::string readFirstLine(const std::filesystem::path& path) {
  std::ifstream file(path);
  std::string line;
  if (!file || !std::getline(file, line)) {
    throw std::runtime_error(
        "cannot read " + path.string() +
        ": run the MySQL tests through ctest (the `mariadb` fixture starts the server) or "
        "start scripts/test-services/mariadb.sh and set GATEHOUSE_TEST_MARIADB_DIR");
  }
  return line;
}

MysqlSettings adminSettings(const std::filesystem::path& serverDir) {
  // The gatehouse user may create and drop databases named gatehouse*, which is all a test needs.
  MysqlSettings settings = MysqlSettings::fromConfig(mysqlConfigFor(serverDir, "gatehouse"));
  settings.database.clear();
  return settings;
}

} // namespace

std::string backendName(Backend backend) {
  return backend == Backend::Sqlite ? "sqlite" : "mysql";
}

std::filesystem::path mariadbDir() {
  if (const char* dir = std::getenv("GATEHOUSE_TEST_MARIADB_DIR"); dir != nullptr && *dir != '\0')
    return dir;
  return GATEHOUSE_TEST_MARIADB_DEFAULT_DIR;
}

MysqlConfig mysqlConfigFor(const std::filesystem::path& serverDir, const std::string& database) {
  MysqlConfig config;
  config.host = "127.0.0.1";
  config.port = static_cast<std::uint16_t>(std::stoi(readFirstLine(serverDir / "port")));
  config.database = database;
  config.user = "gatehouse";
  config.passwordRef = "file:" + (serverDir / "password").string();
  config.poolSize = 4;
  config.connectTimeoutSeconds = 5;
  return config;
}

TestDatabase::TestDatabase(Backend backend) : backend_(backend) {
  const std::string name = "gatehouse_t_" + newId().substr(0, 16);
  if (backend == Backend::Sqlite) {
    tempDir_ = std::filesystem::temp_directory_path() / name;
    std::filesystem::create_directories(tempDir_);
    config_.driver = "sqlite";
    config_.sqlite.path = (tempDir_ / "gatehouse.db").string();
    return;
  }
  config_.driver = "mysql";
  config_.mysql = mysqlConfigFor(mariadbDir(), name);
  MysqlConnection admin(adminSettings(mariadbDir()));
  admin.executeOnce("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
}

TestDatabase::~TestDatabase() {
  try {
    if (backend_ == Backend::Sqlite) {
      std::filesystem::remove_all(tempDir_);
    } else {
      MysqlConnection admin(adminSettings(mariadbDir()));
      admin.executeOnce("DROP DATABASE IF EXISTS " + config_.mysql.database);
    }
  } catch (const std::exception&) {
    // A leftover test database is harmless; the fixture's data folder goes with the build.
  }
}

} // namespace gatehouse::store::testing
