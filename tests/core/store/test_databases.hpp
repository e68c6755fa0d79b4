// Fresh, private databases for store tests: a SQLite file in a temp folder, or a new database on
// the private MariaDB that CTest's `mariadb` fixture starts (scripts/test-services/mariadb.sh).
#pragma once

#include <gatehouse/config/config.hpp>
#include <gatehouse/store/mysql_settings.hpp>

#include <filesystem>
#include <ostream>
#include <string>

namespace gatehouse::store::testing {

enum class Backend { Sqlite, Mysql };

std::string backendName(Backend backend);
// Lets gtest print "sqlite" / "mysql" instead of the enum's bytes.
inline void PrintTo(Backend backend, std::ostream* out) {
  *out << backendName(backend);
}

// The folder the mariadb fixture runs in: $GATEHOUSE_TEST_MARIADB_DIR, else the build's default.
std::filesystem::path mariadbDir();

// Settings for the `gatehouse` user of the test server, password read through a file: reference.
MysqlConfig mysqlConfigFor(const std::filesystem::path& serverDir, const std::string& database);

// Creates an empty database (or file) on construction and removes it on destruction.
class TestDatabase {
public:
  explicit TestDatabase(Backend backend);
  ~TestDatabase();
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  const StorageConfig& config() const { return config_; }
  Backend backend() const { return backend_; }

private:
  Backend backend_;
  StorageConfig config_;
  std::filesystem::path tempDir_;
};

} // namespace gatehouse::store::testing
