#include "json_fields.hpp"

#include <gatehouse/gateway/json_depth.hpp>

#include <rapidjson/error/en.h>

#include <cmath>

namespace gatehouse::admin::json {
namespace {

// Admin bodies are small and flat; anything deeper is not one of ours.
constexpr std::size_t kMaxDepth = 8;

bool hasControlCharacter(std::string_view text) {
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7F)
      return true;
  }
  return false;
}

} // namespace

std::variant<rapidjson::Document, http::ApiError> parseObject(std::string_view body) {
  if (body.empty())
    return http::badRequest("The request body is empty; expected a JSON object.", {}, "invalid_json");
  if (gateway::jsonNestingDepth(body, kMaxDepth) > kMaxDepth)
    return http::badRequest("The JSON body nests deeper than " + std::to_string(kMaxDepth) + " levels.", {},
                            "json_too_deep");
  rapidjson::Document document;
  document.Parse<rapidjson::kParseValidateEncodingFlag>(body.data(), body.size());
  if (document.HasParseError()) {
    return http::badRequest(std::string("We could not parse the JSON body of your request: ") +
                                rapidjson::GetParseError_En(document.GetParseError()) + " (at byte " +
                                std::to_string(document.GetErrorOffset()) + ").",
                            {}, "invalid_json");
  }
  if (!document.IsObject())
    return http::badRequest("The request body must be a JSON object.", {}, "invalid_request_body");
  return document;
}

http::ApiError missing(const std::string& param) {
  return http::badRequest("Missing required parameter: '" + param + "'.", param,
                          "missing_required_parameter");
}

http::ApiError wrongType(const std::string& param, std::string_view expected) {
  return http::badRequest("Invalid type for '" + param + "': expected " + std::string(expected) + ".", param,
                          "invalid_type");
}

http::ApiError invalidValue(const std::string& param, std::string message) {
  return http::badRequest(std::move(message), param, "invalid_value");
}

ObjectReader::ObjectReader(const Value& object, std::string prefix)
    : object_(object), prefix_(std::move(prefix)) {
}

void ObjectReader::allowOnly(std::initializer_list<std::string_view> known) {
  for (auto member = object_.MemberBegin(); member != object_.MemberEnd() && !failed(); ++member) {
    const std::string_view name(member->name.GetString(), member->name.GetStringLength());
    bool isKnown = false;
    for (const std::string_view candidate : known)
      isKnown = isKnown || candidate == name;
    if (!isKnown) {
      // The name is the client's own text; it goes back only as the param, sanitised by
      // being limited to what a field name of ours could look like.
      std::string shown;
      for (const char c : name.substr(0, 64))
        shown.push_back(static_cast<unsigned char>(c) < 0x20 ? '?' : c);
      fail(http::badRequest("Unrecognized request argument supplied: '" + prefix_ + shown + "'.",
                            prefix_ + shown, "unknown_parameter"));
    }
  }
}

const Value* ObjectReader::find(std::string_view name) const {
  const auto member = object_.FindMember(
      Value(rapidjson::StringRef(name.data(), static_cast<rapidjson::SizeType>(name.size()))));
  return member == object_.MemberEnd() ? nullptr : &member->value;
}

bool ObjectReader::present(std::string_view name) const {
  return find(name) != nullptr;
}

bool ObjectReader::isNull(std::string_view name) const {
  const Value* value = find(name);
  return value != nullptr && value->IsNull();
}

std::optional<std::string> ObjectReader::text(std::string_view name, std::size_t maxLength, bool required) {
  if (failed())
    return std::nullopt;
  const Value* value = find(name);
  if (value == nullptr || value->IsNull()) {
    if (required)
      fail(missing(param(name)));
    return std::nullopt;
  }
  if (!value->IsString()) {
    fail(wrongType(param(name), "a string"));
    return std::nullopt;
  }
  const std::string_view content(value->GetString(), value->GetStringLength());
  if (content.empty()) {
    fail(invalidValue(param(name), "'" + param(name) + "' must not be empty."));
    return std::nullopt;
  }
  if (content.size() > maxLength) {
    fail(invalidValue(param(name),
                      "'" + param(name) + "' must be at most " + std::to_string(maxLength) + " bytes long."));
    return std::nullopt;
  }
  if (hasControlCharacter(content)) {
    fail(invalidValue(param(name), "'" + param(name) + "' must not contain control characters."));
    return std::nullopt;
  }
  return std::string(content);
}

std::optional<std::int64_t> ObjectReader::integer(std::string_view name, std::int64_t min, std::int64_t max,
                                                  bool required) {
  if (failed())
    return std::nullopt;
  const Value* value = find(name);
  if (value == nullptr || value->IsNull()) {
    if (required)
      fail(missing(param(name)));
    return std::nullopt;
  }
  const std::string range = "an integer from " + std::to_string(min) + " to " + std::to_string(max);
  if (!value->IsInt64()) {
    fail(value->IsNumber() ? invalidValue(param(name), "'" + param(name) + "' must be " + range + ".")
                           : wrongType(param(name), "an integer"));
    return std::nullopt;
  }
  const std::int64_t number = value->GetInt64();
  if (number < min || number > max) {
    fail(invalidValue(param(name), "'" + param(name) + "' must be " + range + "."));
    return std::nullopt;
  }
  return number;
}

std::optional<double> ObjectReader::positiveNumber(std::string_view name, double max) {
  if (failed())
    return std::nullopt;
  const Value* value = find(name);
  if (value == nullptr || value->IsNull())
    return std::nullopt;
  if (!value->IsNumber()) {
    fail(wrongType(param(name), "a number"));
    return std::nullopt;
  }
  const double number = value->GetDouble();
  if (!std::isfinite(number) || number <= 0 || number > max) {
    fail(invalidValue(param(name), "'" + param(name) + "' must be greater than 0 and at most " +
                                       std::to_string(static_cast<std::int64_t>(max)) + "."));
    return std::nullopt;
  }
  return number;
}

std::optional<bool> ObjectReader::boolean(std::string_view name) {
  if (failed())
    return std::nullopt;
  const Value* value = find(name);
  if (value == nullptr || value->IsNull())
    return std::nullopt;
  if (!value->IsBool()) {
    fail(wrongType(param(name), "a boolean"));
    return std::nullopt;
  }
  return value->GetBool();
}

const Value* ObjectReader::object(std::string_view name) {
  if (failed())
    return nullptr;
  const Value* value = find(name);
  if (value == nullptr || value->IsNull())
    return nullptr;
  if (!value->IsObject()) {
    fail(wrongType(param(name), "an object"));
    return nullptr;
  }
  return value;
}

const Value* ObjectReader::array(std::string_view name) {
  if (failed())
    return nullptr;
  const Value* value = find(name);
  if (value == nullptr || value->IsNull())
    return nullptr;
  if (!value->IsArray()) {
    fail(wrongType(param(name), "an array"));
    return nullptr;
  }
  return value;
}

void ObjectReader::fail(http::ApiError error) {
  if (!error_)
    error_ = std::move(error);
}

} // namespace gatehouse::admin::json
