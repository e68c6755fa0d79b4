// The one exception type the store throws. Messages name tables, constraints and settings, never
// values: a key hash, ciphertext or password must not reach a log line through an error.
#pragma once

#include <stdexcept>
#include <string>

namespace gatehouse::store {

class StoreError : public std::runtime_error {
public:
  enum class Kind {
    Unavailable,    // cannot reach the database (or it timed out); retrying later may work
    Conflict,       // a unique or foreign-key constraint refused the write
    Invalid,        // the caller passed something the store cannot hold, or bad configuration
    SchemaMismatch, // the database schema is newer (or older) than this binary
    Internal,       // anything else the database reported
  };

  StoreError(Kind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
  Kind kind() const noexcept { return kind_; }

private:
  Kind kind_;
};

} // namespace gatehouse::store
