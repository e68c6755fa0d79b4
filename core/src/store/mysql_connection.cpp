#include <gatehouse/store/mysql_connection.hpp>
#include <gatehouse/store/mysql_failure.hpp>

#include <cppconn/connection.h>
#include <cppconn/datatype.h>
#include <cppconn/exception.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>
#include <cppconn/resultset_metadata.h>

#include <mutex>
#include <mysql_driver.h>
#include <sstream>

namespace gatehouse::store {
namespace {

sql::mysql::MySQL_Driver& driver() {
  // get_driver_instance() is not safe to race on first use.
  static std::once_flag once;
  static sql::mysql::MySQL_Driver* instance = nullptr;
  std::call_once(once, [] { instance = sql::mysql::get_driver_instance(); });
  return *instance;
}

bool isIntegerType(int type) {
  switch (type) {
  case sql::DataType::BIT:
  case sql::DataType::TINYINT:
  case sql::DataType::SMALLINT:
  case sql::DataType::MEDIUMINT:
  case sql::DataType::INTEGER:
  case sql::DataType::BIGINT:
  case sql::DataType::YEAR: return true;
  default: return false;
  }
}

sql::ConnectOptionsMap connectOptions(const MysqlSettings& settings) {
  sql::ConnectOptionsMap options;
  if (!settings.socket.empty()) {
    options["hostName"] = sql::SQLString("localhost");
    options["socket"] = sql::SQLString(settings.socket);
  } else {
    options["hostName"] = sql::SQLString(settings.host);
    options["port"] = static_cast<int>(settings.port);
  }
  options["userName"] = sql::SQLString(settings.user);
  options["password"] = sql::SQLString(settings.password);
  if (!settings.database.empty())
    options["schema"] = sql::SQLString(settings.database);
  options["OPT_CONNECT_TIMEOUT"] = static_cast<int>(settings.connectTimeout.count());
  options["OPT_READ_TIMEOUT"] = static_cast<int>(settings.readTimeout.count());
  options["OPT_WRITE_TIMEOUT"] = static_cast<int>(settings.writeTimeout.count());
  options["OPT_RECONNECT"] = false;
  options["OPT_CHARSET_NAME"] = sql::SQLString("utf8mb4");
  options["CLIENT_MULTI_STATEMENTS"] = false;
  // Affected rows then count matched rows, as SQLite does, so "did the update find the row"
  // does not depend on whether a value changed.
  options["CLIENT_FOUND_ROWS"] = true;
  if (settings.tls) {
    options["sslEnforce"] = true;
    if (!settings.tlsCaFile.empty()) {
      options["sslCA"] = sql::SQLString(settings.tlsCaFile);
      options["sslVerify"] = true;
    }
  }
  return options;
}

std::string where(const MysqlSettings& settings) {
  return settings.socket.empty() ? settings.host + ":" + std::to_string(settings.port) : settings.socket;
}

} // namespace

MysqlConnection::MysqlConnection(const MysqlSettings& settings)
    : lastUsed_(std::chrono::steady_clock::now()) {
  try {
    sql::ConnectOptionsMap options = connectOptions(settings);
    connection_.reset(driver().connect(options));
    connection_->setTransactionIsolation(sql::TRANSACTION_READ_COMMITTED); // autocommit stays on, the default
  } catch (const sql::SQLException& error) {
    throw MysqlFailure::from(error, "connecting to MySQL at " + where(settings));
  }
  executeOnce("SET time_zone = '+00:00'");
  executeOnce("SET SESSION sql_mode = 'STRICT_ALL_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,"
              "ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION'");
}

MysqlConnection::~MysqlConnection() {
  statements_.clear();
  try {
    if (connection_)
      connection_->close();
  } catch (const sql::SQLException&) {
    // Closing a connection to a dead server fails; there is nothing left to release.
  }
}

sql::PreparedStatement& MysqlConnection::prepared(const std::string& sqlText) {
  if (auto found = statements_.find(sqlText); found != statements_.end())
    return *found->second;
  std::unique_ptr<sql::PreparedStatement> statement(connection_->prepareStatement(sqlText));
  return *statements_.emplace(sqlText, std::move(statement)).first->second;
}

namespace {

// Blob parameters are read from streams when the statement executes, so the streams must
// outlive the call.
void bindAll(sql::PreparedStatement& statement, const SqlParams& params,
             std::vector<std::unique_ptr<std::istringstream>>& blobs) {
  for (std::size_t i = 0; i < params.size(); ++i) {
    const auto index = static_cast<unsigned int>(i + 1);
    const SqlValue& value = params[i];
    if (const auto* number = std::get_if<std::int64_t>(&value)) {
      statement.setInt64(index, *number);
    } else if (const auto* text = std::get_if<std::string>(&value)) {
      statement.setString(index, sql::SQLString(*text));
    } else if (const auto* blob = std::get_if<SqlBlob>(&value)) {
      blobs.push_back(std::make_unique<std::istringstream>(blob->bytes));
      statement.setBlob(index, blobs.back().get());
    } else {
      statement.setNull(index, sql::DataType::VARCHAR);
    }
  }
}

} // namespace

std::int64_t MysqlConnection::execute(const std::string& sqlText, const SqlParams& params) {
  lastUsed_ = std::chrono::steady_clock::now();
  try {
    sql::PreparedStatement& statement = prepared(sqlText);
    std::vector<std::unique_ptr<std::istringstream>> blobs;
    bindAll(statement, params, blobs);
    return statement.executeUpdate();
  } catch (const sql::SQLException& error) {
    throw MysqlFailure::from(error, "MySQL statement");
  }
}

std::vector<SqlRow> MysqlConnection::query(const std::string& sqlText, const SqlParams& params) {
  lastUsed_ = std::chrono::steady_clock::now();
  try {
    sql::PreparedStatement& statement = prepared(sqlText);
    std::vector<std::unique_ptr<std::istringstream>> blobs;
    bindAll(statement, params, blobs);
    std::unique_ptr<sql::ResultSet> results(statement.executeQuery());
    sql::ResultSetMetaData* meta = results->getMetaData();
    const unsigned int columns = meta->getColumnCount();
    std::vector<bool> integer(columns + 1, false);
    for (unsigned int column = 1; column <= columns; ++column)
      integer[column] = isIntegerType(meta->getColumnType(column));
    std::vector<SqlRow> rows;
    while (results->next()) {
      std::vector<SqlValue> values;
      values.reserve(columns);
      for (unsigned int column = 1; column <= columns; ++column) {
        if (results->isNull(column)) {
          values.emplace_back(std::monostate{});
        } else if (integer[column]) {
          values.emplace_back(std::int64_t{results->getInt64(column)});
        } else {
          values.emplace_back(static_cast<const std::string&>(results->getString(column)));
        }
      }
      rows.emplace_back(std::move(values));
    }
    return rows;
  } catch (const sql::SQLException& error) {
    throw MysqlFailure::from(error, "MySQL query");
  }
}

void MysqlConnection::executeOnce(const std::string& sqlText) {
  lastUsed_ = std::chrono::steady_clock::now();
  try {
    std::unique_ptr<sql::PreparedStatement> statement(connection_->prepareStatement(sqlText));
    statement->execute();
  } catch (const sql::SQLException& error) {
    throw MysqlFailure::from(error, "MySQL statement");
  }
}

std::int64_t MysqlConnection::lastInsertId() {
  const auto rows = query("SELECT LAST_INSERT_ID()");
  return rows.empty() ? 0 : rows.front().int64(0);
}

void MysqlConnection::setAutoCommit(bool on) {
  if (on == autoCommit_)
    return; // each change is a round trip
  try {
    connection_->setAutoCommit(on);
    autoCommit_ = on;
  } catch (const sql::SQLException& error) {
    throw MysqlFailure::from(error, "MySQL autocommit");
  }
}

void MysqlConnection::commit() {
  try {
    connection_->commit();
  } catch (const sql::SQLException& error) {
    throw MysqlFailure::from(error, "MySQL commit");
  }
}

bool MysqlConnection::rollback() noexcept {
  try {
    connection_->rollback();
    return true;
  } catch (...) {
    return false;
  }
}

} // namespace gatehouse::store
