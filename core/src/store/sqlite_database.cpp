#include <gatehouse/store/sqlite_database.hpp>
#include <gatehouse/store/store_error.hpp>

#include <filesystem>
#include <system_error>

namespace gatehouse::store {

SqliteDatabase::SqliteDatabase(const SqliteConfig& config)
    : path_(config.path), inMemory_(config.path == ":memory:") {
  if (path_.empty())
    throw StoreError(StoreError::Kind::Invalid, "storage.sqlite.path must not be empty");
  if (inMemory_) {
    writer_ = std::make_unique<SqliteConnection>(path_, kBusyTimeoutMs);
    return;
  }
  const std::filesystem::path parent = std::filesystem::path(path_).parent_path();
  if (!parent.empty()) {
    std::error_code error;
    std::filesystem::create_directories(parent, error);
    if (error) {
      throw StoreError(StoreError::Kind::Unavailable, "cannot create the folder of storage.sqlite.path " +
                                                          parent.string() + ": " + error.message());
    }
  }
  writer_ = std::make_unique<SqliteConnection>(path_, kBusyTimeoutMs);
}

void SqliteDatabase::inTransaction(SqliteConnection& connection, const char* begin, const Work& work) {
  connection.execute(begin);
  try {
    work(connection);
    connection.execute("COMMIT");
  } catch (...) {
    try {
      connection.execute("ROLLBACK");
    } catch (const StoreError&) {
      // SQLite may have rolled back already (e.g. after an I/O error); the original error matters.
    }
    throw;
  }
}

void SqliteDatabase::write(WriteRetry, const Work& work) {
  // One writer: SQLite allows one write transaction at a time anyway, and waiting here is
  // cheaper than bouncing off the file lock.
  std::lock_guard<std::mutex> lock(writerMutex_);
  inTransaction(*writer_, "BEGIN IMMEDIATE", work);
}

void SqliteDatabase::read(const Work& work) {
  if (inMemory_) {
    // Every connection to ":memory:" is a database of its own: the writer has to serve reads.
    std::lock_guard<std::mutex> lock(writerMutex_);
    inTransaction(*writer_, "BEGIN", work);
    return;
  }
  std::unique_ptr<SqliteConnection> reader = borrowReader();
  try {
    inTransaction(*reader, "BEGIN", work);
  } catch (...) {
    returnReader(std::move(reader));
    throw;
  }
  returnReader(std::move(reader));
}

void SqliteDatabase::withMigrationLock(const Work& work) {
  // BEGIN IMMEDIATE takes the file's write lock, so another process migrating the same file waits
  // (up to the busy timeout) and then finds the work done. DDL is transactional in SQLite: all
  // pending migrations apply together or not at all.
  std::lock_guard<std::mutex> lock(writerMutex_);
  inTransaction(*writer_, "BEGIN IMMEDIATE", work);
}

void SqliteDatabase::ping() {
  read([](SqlConnection& connection) { connection.query("SELECT 1"); });
}

std::unique_ptr<SqliteConnection> SqliteDatabase::borrowReader() {
  std::unique_lock<std::mutex> lock(readersMutex_);
  readerReturned_.wait(lock, [&] { return !idleReaders_.empty() || openReaders_ < kReaderCount; });
  if (!idleReaders_.empty()) {
    std::unique_ptr<SqliteConnection> reader = std::move(idleReaders_.back());
    idleReaders_.pop_back();
    return reader;
  }
  ++openReaders_;
  lock.unlock();
  try {
    return std::make_unique<SqliteConnection>(path_, kBusyTimeoutMs);
  } catch (...) {
    lock.lock();
    --openReaders_;
    readerReturned_.notify_one();
    throw;
  }
}

void SqliteDatabase::returnReader(std::unique_ptr<SqliteConnection> reader) {
  std::lock_guard<std::mutex> lock(readersMutex_);
  idleReaders_.push_back(std::move(reader));
  readerReturned_.notify_one();
}

} // namespace gatehouse::store
