// One connection to a SQLite file through the sqlite3 C API, with its prepared statements
// cached. Used by one thread at a time (SqliteDatabase hands connections out).
#pragma once

#include <gatehouse/store/sql_connection.hpp>

#include <map>
#include <memory>
#include <string>

struct sqlite3;
struct sqlite3_stmt;

namespace gatehouse::store {

class SqliteConnection final : public SqlConnection {
public:
  // Opens (creating when missing) the file in WAL mode with foreign keys on and a busy timeout,
  // so other processes on the same file wait for the write lock instead of failing at once.
  SqliteConnection(const std::string& path, int busyTimeoutMs);
  ~SqliteConnection() override;
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;

  std::int64_t execute(const std::string& sql, const SqlParams& params = {}) override;
  std::vector<SqlRow> query(const std::string& sql, const SqlParams& params = {}) override;
  void executeOnce(const std::string& sql) override;
  std::int64_t lastInsertId() override;

private:
  void enableWal(int busyTimeoutMs);
  struct StatementDeleter {
    void operator()(sqlite3_stmt* statement) const;
  };
  using Statement = std::unique_ptr<sqlite3_stmt, StatementDeleter>;

  sqlite3_stmt* prepared(const std::string& sql);
  void bind(sqlite3_stmt* statement, const SqlParams& params);
  // Resets the statement for its next use; throws when `code` is not SQLITE_DONE.
  void finish(sqlite3_stmt* statement, int code, const char* what);
  [[noreturn]] void fail(int code, const char* what);

  sqlite3* db_ = nullptr;
  std::map<std::string, Statement, std::less<>> statements_;
};

} // namespace gatehouse::store
