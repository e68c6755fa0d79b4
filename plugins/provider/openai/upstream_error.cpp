#include "upstream_error.hpp"

#include "json_body.hpp"
#include "json_util.hpp"
#include "key_redaction.hpp"
#include "upstream_status.hpp"

namespace gatehouse::plugins::openai {
namespace {

// A string, or a number written out (Azure and llama.cpp send numeric codes); else empty.
std::string scalarText(const rapidjson::Value& object, const char* key) {
  if (!object.IsObject()) {
    return {};
  }
  const auto found = object.FindMember(key);
  if (found == object.MemberEnd()) {
    return {};
  }
  const rapidjson::Value& value = found->value;
  if (value.IsString()) {
    return std::string(value.GetString(), value.GetStringLength());
  }
  if (value.IsInt64()) {
    return std::to_string(value.GetInt64());
  }
  return {};
}

} // namespace

std::string errorMessageOf(const rapidjson::Value& body) {
  if (!body.IsObject()) {
    return {};
  }
  const auto error = body.FindMember("error");
  if (error != body.MemberEnd()) {
    if (error->value.IsString()) {
      return std::string(error->value.GetString(), error->value.GetStringLength());
    }
    if (error->value.IsObject()) {
      const std::string message = scalarText(error->value, "message");
      return message.empty() ? "an error without a message" : message;
    }
  }
  if (providers::stringMember(body, "type") == "error") {
    const std::string message = scalarText(body, "message");
    return message.empty() ? "an error without a message" : message;
  }
  return {};
}

std::string upstreamMessage(std::string_view providerName, std::string_view message,
                            std::string_view apiKey) {
  return providers::redactKeys("upstream '" + std::string(providerName) + "': " + std::string(message),
                               apiKey);
}

std::string answeredMessage(std::string_view providerName, int status, std::string_view rest,
                            std::string_view apiKey) {
  return providers::redactKeys("upstream '" + std::string(providerName) + "' answered HTTP " +
                                   std::to_string(status) + std::string(rest),
                               apiKey);
}

providers::OpenAiError upstreamError(std::string_view providerName, int upstreamStatus, std::string_view body,
                                     std::string_view apiKey) {
  providers::OpenAiError error;
  error.status = providers::clientStatusForUpstream(upstreamStatus);
  rapidjson::Document document;
  if (!parseJson(body, document) || !document.IsObject()) {
    // Never the body itself: a proxy's HTML page is no message for a client.
    error.message = answeredMessage(providerName, upstreamStatus, " with a non-JSON body", apiKey);
    return error;
  }
  std::string message = errorMessageOf(document);
  if (const rapidjson::Value* details = memberObject(document, "error")) {
    error.type = providers::redactKeys(scalarText(*details, "type"), apiKey);
    error.param = providers::redactKeys(scalarText(*details, "param"), apiKey);
    error.code = providers::redactKeys(scalarText(*details, "code"), apiKey);
  }
  if (message.empty()) {
    message = scalarText(document, "detail");
  }
  if (message.empty()) {
    message = scalarText(document, "message");
  }
  error.message =
      answeredMessage(providerName, upstreamStatus, message.empty() ? "" : ": " + message, apiKey);
  return error;
}

} // namespace gatehouse::plugins::openai
