#include "openai_error.hpp"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace gatehouse::providers {
namespace {

void writeNullable(rapidjson::Writer<rapidjson::StringBuffer>& writer, const std::string& value) {
  if (value.empty()) {
    writer.Null();
  } else {
    writer.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
  }
}

} // namespace

std::string_view errorTypeForStatus(int status) {
  switch (status) {
  case 400:
  case 404:
  case 409:
  case 413:
  case 415:
  case 422: return "invalid_request_error";
  case 401: return "authentication_error";
  case 403: return "permission_error";
  case 429: return "rate_limit_error";
  default: return status >= 500 ? "server_error" : "invalid_request_error";
  }
}

std::string openAiErrorBody(const OpenAiError& error) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  const std::string_view type = error.type.empty() ? errorTypeForStatus(error.status) : error.type;
  writer.StartObject();
  writer.Key("error");
  writer.StartObject();
  writer.Key("message");
  writer.String(error.message.data(), static_cast<rapidjson::SizeType>(error.message.size()));
  writer.Key("type");
  writer.String(type.data(), static_cast<rapidjson::SizeType>(type.size()));
  writer.Key("param");
  writeNullable(writer, error.param);
  writer.Key("code");
  writeNullable(writer, error.code);
  writer.EndObject();
  writer.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

} // namespace gatehouse::providers
