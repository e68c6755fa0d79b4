#include "json_body.hpp"

#include <gatehouse/sdk/error.hpp>

#include <cmath>
#include <limits>

namespace gatehouse::plugins::openai {
namespace {

constexpr unsigned kParseFlags = rapidjson::kParseFullPrecisionFlag | rapidjson::kParseIterativeFlag;

} // namespace

rapidjson::Document parseRequestBody(std::string_view body) {
  rapidjson::Document document;
  document.Parse<kParseFlags>(body.data(), body.size());
  if (document.HasParseError() || !document.IsObject()) {
    throw sdk::Error(GH_ERROR_INVALID_ARGUMENT, "the request body must be a JSON object");
  }
  return document;
}

bool parseJson(std::string_view text, rapidjson::Document& out) {
  out.Parse<kParseFlags>(text.data(), text.size());
  return !out.HasParseError();
}

void setModel(rapidjson::Document& document, std::string_view model) {
  rapidjson::Value value(model.data(), static_cast<rapidjson::SizeType>(model.size()),
                         document.GetAllocator());
  const auto found = document.FindMember("model");
  if (found != document.MemberEnd()) {
    found->value = std::move(value);
  } else {
    document.AddMember("model", std::move(value), document.GetAllocator());
  }
}

std::int64_t readCount(const rapidjson::Value& object, const char* key) {
  if (!object.IsObject()) {
    return 0;
  }
  const auto found = object.FindMember(key);
  if (found == object.MemberEnd()) {
    return 0;
  }
  const rapidjson::Value& value = found->value;
  if (value.IsInt64()) {
    return value.GetInt64() > 0 ? value.GetInt64() : 0;
  }
  if (value.IsUint64()) {
    return std::numeric_limits<std::int64_t>::max();
  }
  if (value.IsDouble() && value.GetDouble() > 0) {
    // Some compatible servers write counts as floats; a huge one saturates.
    constexpr double kMax = 9.0e18;
    return value.GetDouble() >= kMax ? std::numeric_limits<std::int64_t>::max()
                                     : static_cast<std::int64_t>(std::llround(value.GetDouble()));
  }
  return 0;
}

const rapidjson::Value* memberObject(const rapidjson::Value& object, const char* key) {
  if (!object.IsObject()) {
    return nullptr;
  }
  const auto found = object.FindMember(key);
  return found != object.MemberEnd() && found->value.IsObject() ? &found->value : nullptr;
}

} // namespace gatehouse::plugins::openai
