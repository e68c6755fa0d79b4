#include <gatehouse/store/sql_value.hpp>
#include <gatehouse/store/store_error.hpp>

#include <charconv>

namespace gatehouse::store {

bool SqlRow::isNull(std::size_t column) const {
  return std::holds_alternative<std::monostate>(values_.at(column));
}

std::int64_t SqlRow::int64(std::size_t column) const {
  const SqlValue& value = values_.at(column);
  if (const auto* number = std::get_if<std::int64_t>(&value))
    return *number;
  if (const auto* text = std::get_if<std::string>(&value)) {
    // DECIMAL results such as "42" or "42.000": the integer part is the value.
    std::int64_t parsed = 0;
    const auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), parsed);
    if (error != std::errc{} || (end != text->data() + text->size() && *end != '.'))
      throw StoreError(StoreError::Kind::Internal,
                       "database returned a non-integer where an integer belongs");
    return parsed;
  }
  if (std::holds_alternative<std::monostate>(value))
    return 0;
  throw StoreError(StoreError::Kind::Internal, "database returned bytes where an integer belongs");
}

std::optional<std::int64_t> SqlRow::optionalInt64(std::size_t column) const {
  if (isNull(column))
    return std::nullopt;
  return int64(column);
}

std::string SqlRow::text(std::size_t column) const {
  const SqlValue& value = values_.at(column);
  if (const auto* text = std::get_if<std::string>(&value))
    return *text;
  if (const auto* blob = std::get_if<SqlBlob>(&value))
    return blob->bytes;
  if (const auto* number = std::get_if<std::int64_t>(&value))
    return std::to_string(*number);
  return {};
}

} // namespace gatehouse::store
