#include <gatehouse/store/mysql_failure.hpp>

#include <cppconn/exception.h>

#include <string_view>

namespace gatehouse::store {
namespace {

bool isConnectionLost(int code, std::string_view sqlState) {
  switch (code) {
  case 1053: // server shutdown in progress
  case 1152: // aborted connection
  case 1158: // network read error
  case 1159: // network read timeout
  case 1160: // network write error
  case 1161: // network write timeout
  case 1927: // connection killed (MariaDB)
  case 2002: // cannot connect through socket
  case 2003: // cannot connect to host
  case 2005: // unknown host
  case 2006: // server has gone away
  case 2013: // lost connection during query
  case 2026: // TLS error
  case 2055: // lost connection at reading initial packet
  case 4031: // disconnected by the server for inactivity (MySQL 8)
    return true;
  default: return sqlState.starts_with("08"); // SQLSTATE class 08: connection exception
  }
}

bool isConflict(int code) {
  return code == 1062 || code == 1169 || code == 1216 || code == 1217 || code == 1451 || code == 1452 ||
         code == 1557 || code == 1586;
}

bool isInvalidValue(int code) {
  return code == 1048 || code == 1264 || code == 1292 || code == 1366 || code == 1406;
}

bool isRefused(int code) {
  return code == 1040 || code == 1044 || code == 1045 || code == 1049 || code == 1130 || code == 1203 ||
         code == 1226 || code == 1698;
}

} // namespace

MysqlFailure MysqlFailure::from(const sql::SQLException& error, const std::string& context) {
  const int code = error.getErrorCode();
  const std::string prefix = context + ": MySQL error " + std::to_string(code);
  if (isConnectionLost(code, error.getSQLState())) {
    return MysqlFailure(Kind::Unavailable, prefix + ": " + error.what(), code, true, false);
  }
  if (code == 1205 || code == 1213) {
    return MysqlFailure(Kind::Unavailable, prefix + ": " + error.what(), code, false, true);
  }
  // These messages quote the offending value (a key hash, say), so they get a fixed text.
  if (isConflict(code)) {
    return MysqlFailure(Kind::Conflict, prefix + ": a unique or foreign key constraint refused the write",
                        code, false, false);
  }
  if (isInvalidValue(code)) {
    return MysqlFailure(Kind::Invalid, prefix + ": a value does not fit its column", code, false, false);
  }
  // Refused logins, a missing database and exhausted connection limits mean the store cannot be
  // used right now, not that the data is wrong.
  return MysqlFailure(isRefused(code) ? Kind::Unavailable : Kind::Internal, prefix + ": " + error.what(),
                      code, false, false);
}

} // namespace gatehouse::store
