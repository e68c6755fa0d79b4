#include "openai_error.hpp"

#include "json_util.hpp"

namespace gatehouse::providers {
namespace {

void writeNullable(JsonWriter& writer, const std::string& value) {
  if (value.empty()) {
    writer.Null();
  } else {
    writeString(writer, value);
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
  JsonWriter writer(buffer);
  const std::string_view type = error.type.empty() ? errorTypeForStatus(error.status) : error.type;
  writer.StartObject();
  writer.Key("error");
  writer.StartObject();
  writer.Key("message");
  writeString(writer, error.message);
  writer.Key("type");
  writeString(writer, type);
  writer.Key("param");
  writeNullable(writer, error.param);
  writer.Key("code");
  writeNullable(writer, error.code);
  writer.EndObject();
  writer.EndObject();
  return bufferText(buffer);
}

} // namespace gatehouse::providers
