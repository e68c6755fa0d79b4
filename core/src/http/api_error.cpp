#include <gatehouse/common/secret_redactor.hpp>
#include <gatehouse/http/api_error.hpp>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace gatehouse::http {
namespace {

void writeNullable(rapidjson::Writer<rapidjson::StringBuffer>& writer, const std::string& value) {
  if (value.empty()) {
    writer.Null();
  } else {
    writer.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
  }
}

} // namespace

std::string_view errorTypeName(ErrorType type) {
  switch (type) {
  case ErrorType::InvalidRequest: return "invalid_request_error";
  case ErrorType::Authentication: return "authentication_error";
  case ErrorType::Permission: return "permission_error";
  case ErrorType::NotFound: return "not_found_error";
  case ErrorType::RateLimit: return "rate_limit_error";
  case ErrorType::Server: return "server_error";
  case ErrorType::Api: return "api_error";
  }
  return "server_error";
}

std::string toJson(const ApiError& error) {
  std::string message = error.message;
  secrets::redact(message);
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  const std::string_view type = errorTypeName(error.type);
  writer.StartObject();
  writer.Key("error");
  writer.StartObject();
  writer.Key("message");
  writer.String(message.data(), static_cast<rapidjson::SizeType>(message.size()));
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

ApiError badRequest(std::string message, std::string param, std::string code) {
  return ApiError{400, ErrorType::InvalidRequest, std::move(message), std::move(param), std::move(code)};
}

ApiError notFound(std::string message, std::string code) {
  return ApiError{404, ErrorType::NotFound, std::move(message), {}, std::move(code)};
}

ApiError internalError(std::string_view requestId) {
  // The detail stays in the log: a client only gets something to quote to an operator.
  std::string message = "The server had an error while processing your request. Quote request id ";
  message.append(requestId).append(" when reporting it.");
  return ApiError{500, ErrorType::Server, std::move(message), {}, "internal_error"};
}

} // namespace gatehouse::http
