// Values bound to and read from SQL statements, the same for every driver.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace gatehouse::store {

// Bytes bound as a BLOB rather than as text (ciphertext, nonces).
struct SqlBlob {
  std::string bytes;
};

using SqlValue = std::variant<std::monostate, std::int64_t, std::string, SqlBlob>;
using SqlParams = std::vector<SqlValue>;

inline SqlValue sqlNull() {
  return std::monostate{};
}
inline SqlValue sqlInt(std::int64_t value) {
  return value;
}
inline SqlValue sqlBool(bool value) {
  return std::int64_t{value ? 1 : 0};
}
inline SqlValue sqlOptional(const std::optional<std::int64_t>& value) {
  return value ? SqlValue(*value) : SqlValue(std::monostate{});
}
// Optional references (team of a key, credential of a route) are "" in records, NULL in tables
// so foreign keys and unique indexes treat them as absent.
inline SqlValue sqlNullIfEmpty(const std::string& value) {
  return value.empty() ? SqlValue(std::monostate{}) : SqlValue(value);
}

// One result row. Accessors convert, because drivers disagree on types: MySQL returns SUM() of
// integers as DECIMAL text and BLOB columns as strings.
class SqlRow {
public:
  explicit SqlRow(std::vector<SqlValue> values) : values_(std::move(values)) {}

  std::size_t size() const { return values_.size(); }
  bool isNull(std::size_t column) const;
  std::int64_t int64(std::size_t column) const; // 0 for NULL
  std::optional<std::int64_t> optionalInt64(std::size_t column) const;
  std::string text(std::size_t column) const; // "" for NULL; bytes of a BLOB as they are

private:
  std::vector<SqlValue> values_;
};

} // namespace gatehouse::store
