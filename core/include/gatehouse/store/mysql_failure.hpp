// A MySQL error as a StoreError, plus what the pool needs to know to recover from it.
#pragma once

#include <gatehouse/store/store_error.hpp>

#include <string>

namespace sql {
class SQLException;
}

namespace gatehouse::store {

class MysqlFailure : public StoreError {
public:
  MysqlFailure(Kind kind, const std::string& message, int errorCode, bool connectionLost, bool transient)
      : StoreError(kind, message), errorCode_(errorCode), connectionLost_(connectionLost),
        transient_(transient) {}

  // Translates a Connector/C++ exception. The server's text is kept only for errors that cannot
  // echo values (duplicate-key messages quote the key, so they get a fixed text instead).
  static MysqlFailure from(const sql::SQLException& error, const std::string& context);

  int errorCode() const { return errorCode_; }
  // The connection is unusable (server restarted, network cut, timeout): drop it.
  bool connectionLost() const { return connectionLost_; }
  // Deadlock or lock wait timeout: the transaction was rolled back and may simply be re-run.
  bool transient() const { return transient_; }

private:
  int errorCode_;
  bool connectionLost_;
  bool transient_;
};

} // namespace gatehouse::store
