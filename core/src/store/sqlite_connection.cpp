#include <gatehouse/store/sqlite_connection.hpp>
#include <gatehouse/store/store_error.hpp>

#include <sqlite3.h>

#include <chrono>
#include <thread>

namespace gatehouse::store {
namespace {

StoreError::Kind kindOf(int code) {
  switch (code & 0xff) {
  case SQLITE_CONSTRAINT: return StoreError::Kind::Conflict;
  case SQLITE_BUSY:
  case SQLITE_LOCKED:
  case SQLITE_CANTOPEN:
  case SQLITE_IOERR:
  case SQLITE_FULL:
  case SQLITE_READONLY: return StoreError::Kind::Unavailable;
  case SQLITE_TOOBIG:
  case SQLITE_MISMATCH:
  case SQLITE_RANGE: return StoreError::Kind::Invalid;
  default: return StoreError::Kind::Internal;
  }
}

} // namespace

void SqliteConnection::StatementDeleter::operator()(sqlite3_stmt* statement) const {
  sqlite3_finalize(statement);
}

SqliteConnection::SqliteConnection(const std::string& path, int busyTimeoutMs) {
  // NOMUTEX: SqliteDatabase never shares a connection between threads at once.
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  const int code = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
  if (code != SQLITE_OK) {
    const std::string reason = db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(code);
    sqlite3_close(db_);
    db_ = nullptr;
    throw StoreError(StoreError::Kind::Unavailable, "cannot open SQLite database " + path + ": " + reason);
  }
  sqlite3_extended_result_codes(db_, 1);
  sqlite3_busy_timeout(db_, busyTimeoutMs);
  try {
    enableWal(busyTimeoutMs);
    // NORMAL is the WAL setting SQLite recommends: a commit survives a process crash, and only
    // a power cut can lose the last transactions (never corrupt the file).
    executeOnce("PRAGMA synchronous = NORMAL");
    executeOnce("PRAGMA foreign_keys = ON");
  } catch (...) {
    sqlite3_close(db_);
    db_ = nullptr;
    throw;
  }
}

// Switching a new file to WAL needs a moment of exclusive access, and SQLite answers BUSY
// at once (without its busy handler) while another process holds the file, e.g. when two
// nodes start on one fresh database. Retry within the busy timeout like any other wait.
void SqliteConnection::enableWal(int busyTimeoutMs) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(busyTimeoutMs);
  for (;;) {
    try {
      executeOnce("PRAGMA journal_mode = WAL");
      return;
    } catch (const StoreError&) {
      const int code = sqlite3_extended_errcode(db_) & 0xff;
      if ((code != SQLITE_BUSY && code != SQLITE_LOCKED) || std::chrono::steady_clock::now() >= deadline)
        throw;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}

SqliteConnection::~SqliteConnection() {
  statements_.clear();
  if (db_ != nullptr)
    sqlite3_close(db_);
}

void SqliteConnection::fail(int code, const char* what) {
  std::string message = "SQLite ";
  message.append(what).append(" failed: ").append(sqlite3_errmsg(db_));
  throw StoreError(kindOf(code), message);
}

void SqliteConnection::finish(sqlite3_stmt* statement, int code, const char* what) {
  if (code == SQLITE_DONE) {
    sqlite3_reset(statement);
    sqlite3_clear_bindings(statement);
    return;
  }
  // Read the message before reset, which may replace it.
  std::string message = "SQLite ";
  message.append(what).append(" failed: ").append(sqlite3_errmsg(db_));
  sqlite3_reset(statement);
  sqlite3_clear_bindings(statement);
  throw StoreError(kindOf(code), message);
}

sqlite3_stmt* SqliteConnection::prepared(const std::string& sql) {
  if (auto found = statements_.find(sql); found != statements_.end())
    return found->second.get();
  sqlite3_stmt* raw = nullptr;
  const int code = sqlite3_prepare_v3(db_, sql.c_str(), static_cast<int>(sql.size()),
                                      SQLITE_PREPARE_PERSISTENT, &raw, nullptr);
  if (code != SQLITE_OK)
    fail(code, "prepare");
  return statements_.emplace(sql, Statement(raw)).first->second.get();
}

void SqliteConnection::bind(sqlite3_stmt* statement, const SqlParams& params) {
  if (static_cast<int>(params.size()) != sqlite3_bind_parameter_count(statement))
    throw StoreError(StoreError::Kind::Internal, "statement parameter count does not match");
  for (std::size_t i = 0; i < params.size(); ++i) {
    const int index = static_cast<int>(i) + 1;
    int code = SQLITE_OK;
    const SqlValue& value = params[i];
    if (const auto* number = std::get_if<std::int64_t>(&value)) {
      code = sqlite3_bind_int64(statement, index, *number);
    } else if (const auto* text = std::get_if<std::string>(&value)) {
      code = sqlite3_bind_text64(statement, index, text->data(), text->size(), SQLITE_STATIC, SQLITE_UTF8);
    } else if (const auto* blob = std::get_if<SqlBlob>(&value)) {
      code = sqlite3_bind_blob64(statement, index, blob->bytes.data(), blob->bytes.size(), SQLITE_STATIC);
    } else {
      code = sqlite3_bind_null(statement, index);
    }
    if (code != SQLITE_OK)
      fail(code, "bind");
  }
}

std::int64_t SqliteConnection::execute(const std::string& sql, const SqlParams& params) {
  sqlite3_stmt* statement = prepared(sql);
  try {
    bind(statement, params);
  } catch (...) {
    sqlite3_reset(statement);
    sqlite3_clear_bindings(statement);
    throw;
  }
  int code = sqlite3_step(statement);
  while (code == SQLITE_ROW)
    code = sqlite3_step(statement);
  finish(statement, code, "statement");
  return sqlite3_changes64(db_);
}

std::vector<SqlRow> SqliteConnection::query(const std::string& sql, const SqlParams& params) {
  sqlite3_stmt* statement = prepared(sql);
  try {
    bind(statement, params);
  } catch (...) {
    sqlite3_reset(statement);
    sqlite3_clear_bindings(statement);
    throw;
  }
  std::vector<SqlRow> rows;
  const int columns = sqlite3_column_count(statement);
  int code = sqlite3_step(statement);
  while (code == SQLITE_ROW) {
    std::vector<SqlValue> values;
    values.reserve(static_cast<std::size_t>(columns));
    for (int column = 0; column < columns; ++column) {
      switch (sqlite3_column_type(statement, column)) {
      case SQLITE_INTEGER: values.emplace_back(std::int64_t{sqlite3_column_int64(statement, column)}); break;
      case SQLITE_NULL: values.emplace_back(std::monostate{}); break;
      case SQLITE_BLOB: {
        const auto* bytes = static_cast<const char*>(sqlite3_column_blob(statement, column));
        const auto size = static_cast<std::size_t>(sqlite3_column_bytes(statement, column));
        values.emplace_back(SqlBlob{std::string(bytes == nullptr ? "" : bytes, size)});
        break;
      }
      default: {
        const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement, column));
        const auto size = static_cast<std::size_t>(sqlite3_column_bytes(statement, column));
        values.emplace_back(std::string(text == nullptr ? "" : text, size));
      }
      }
    }
    rows.emplace_back(std::move(values));
    code = sqlite3_step(statement);
  }
  finish(statement, code, "query");
  return rows;
}

void SqliteConnection::executeOnce(const std::string& sql) {
  sqlite3_stmt* raw = nullptr;
  int code = sqlite3_prepare_v2(db_, sql.c_str(), static_cast<int>(sql.size()), &raw, nullptr);
  if (code != SQLITE_OK)
    fail(code, "prepare");
  Statement statement(raw);
  code = sqlite3_step(raw);
  while (code == SQLITE_ROW)
    code = sqlite3_step(raw);
  if (code != SQLITE_DONE)
    fail(code, "statement");
}

std::int64_t SqliteConnection::lastInsertId() {
  return sqlite3_last_insert_rowid(db_);
}

} // namespace gatehouse::store
