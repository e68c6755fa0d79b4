// The few places where the SQL the repositories send differs between SQLite and MySQL.
#pragma once

#include <string>
#include <string_view>

namespace gatehouse::store {

class SqlDialect {
public:
  enum class Engine { Sqlite, Mysql };

  explicit SqlDialect(Engine engine) : engine_(engine) {}

  Engine engine() const { return engine_; }
  std::string_view name() const { return engine_ == Engine::Sqlite ? "sqlite" : "mysql"; }
  // Insert that skips rows whose unique key already exists.
  std::string_view insertIgnore() const {
    return engine_ == Engine::Sqlite ? "INSERT OR IGNORE" : "INSERT IGNORE";
  }
  // Start of the upsert clause for a conflict on the unique key made of `keyColumns`, to be
  // followed by "column = expression" assignments.
  std::string onConflictUpdate(std::string_view keyColumns) const;
  // Inside those assignments: the value the refused insert carried for `column`.
  std::string proposed(std::string_view column) const;

private:
  Engine engine_;
};

} // namespace gatehouse::store
