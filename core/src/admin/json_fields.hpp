// Reading the admin API's JSON bodies strictly (internal to gatehouse_admin, since it
// exposes RapidJSON types): the body must be one object, every field must be one the
// route knows, and each field has one type. The first problem becomes the 400 the client
// gets, naming the field ("scopes.models[1]") in `param`.
#pragma once

#include <gatehouse/http/api_error.hpp>

#include <rapidjson/document.h>

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace gatehouse::admin::json {

using Value = rapidjson::Value;

// Parses `body`: refuses an empty body, malformed JSON, deep nesting and a non-object.
std::variant<rapidjson::Document, http::ApiError> parseObject(std::string_view body);

http::ApiError missing(const std::string& param);
http::ApiError wrongType(const std::string& param, std::string_view expected);
http::ApiError invalidValue(const std::string& param, std::string message);

// Reads the fields of one object, remembering the first problem; once one is found every
// later read returns nullopt, so a caller reads everything and checks failed() once.
class ObjectReader {
public:
  // `prefix` is prepended to field names in errors ("scopes." for a nested object).
  ObjectReader(const Value& object, std::string prefix = {});

  // Refuses any field not in `known` (code "unknown_parameter").
  void allowOnly(std::initializer_list<std::string_view> known);

  // True when the field is there (null included).
  bool present(std::string_view name) const;
  // True when the field is there and null.
  bool isNull(std::string_view name) const;

  // A string of 1..maxLength bytes without control characters. Absent or null: nullopt
  // (an error when `required`).
  std::optional<std::string> text(std::string_view name, std::size_t maxLength, bool required = false);
  // An integer in [min, max]. Absent or null: nullopt (an error when `required`).
  std::optional<std::int64_t> integer(std::string_view name, std::int64_t min, std::int64_t max,
                                      bool required = false);
  // A number (integer or not) greater than 0 and at most `max`.
  std::optional<double> positiveNumber(std::string_view name, double max);
  std::optional<bool> boolean(std::string_view name);
  // The field's value when it is an object / an array; nullptr when absent or null (a
  // wrong type is an error).
  const Value* object(std::string_view name);
  const Value* array(std::string_view name);

  // Records a problem found by the caller (keeps the first).
  void fail(http::ApiError error);
  bool failed() const { return error_.has_value(); }
  const http::ApiError& error() const { return *error_; }
  std::string param(std::string_view name) const { return prefix_ + std::string(name); }

private:
  const Value* find(std::string_view name) const;

  const Value& object_;
  std::string prefix_;
  std::optional<http::ApiError> error_;
};

} // namespace gatehouse::admin::json
