#include "upstream_error.hpp"

#include <key_redaction.hpp>
#include <string>
#include <upstream_status.hpp>

namespace gatehouse::plugins::anthropic {
namespace {

struct ErrorFields {
  std::string type;
  std::string message;
};

// Anthropic's shape, or anything else with an error.message / message string (proxies).
ErrorFields readError(const rapidjson::Value& body) {
  ErrorFields fields;
  const rapidjson::Value* error = providers::findSet(body, "error");
  const rapidjson::Value& holder = error != nullptr && error->IsObject() ? *error : body;
  if (const rapidjson::Value* type = providers::findSet(holder, "type");
      type != nullptr && type->IsString()) {
    fields.type = std::string(providers::stringView(*type));
  }
  if (const rapidjson::Value* message = providers::findSet(holder, "message");
      message != nullptr && message->IsString()) {
    fields.message = std::string(providers::stringView(*message));
  }
  if (fields.type == "error") {
    fields.type.clear(); // the outer {"type":"error"} when the inner object has no type
  }
  return fields;
}

std::string prefixed(std::string_view providerName, std::string_view message) {
  std::string out = "anthropic provider '";
  out.append(providerName).append("': ").append(message);
  return out;
}

} // namespace

providers::OpenAiError translateHttpError(int upstreamStatus, std::string_view body,
                                          std::string_view providerName, std::string_view apiKey) {
  providers::OpenAiError error;
  error.status = providers::clientStatusForUpstream(upstreamStatus);
  const std::string status = std::to_string(upstreamStatus);
  rapidjson::Document document;
  if (!providers::parseJson(body, document) || !document.IsObject()) {
    error.message = prefixed(providerName, "upstream answered HTTP " + status + " with a non-JSON body");
    return error;
  }
  ErrorFields fields = readError(document);
  if (fields.message.empty()) {
    fields.message = "upstream answered HTTP " + status;
  }
  error.message = providers::redactKeys(prefixed(providerName, fields.message), apiKey);
  error.code = providers::redactKeys(fields.type, apiKey);
  return error;
}

sdk::Error translateStreamError(const rapidjson::Value& event, std::string_view providerName,
                                std::string_view apiKey) {
  ErrorFields fields = readError(event);
  std::string message = fields.message.empty() ? std::string("the stream failed") : fields.message;
  if (!fields.type.empty()) {
    message += " (" + fields.type + ")";
  }
  const gh_status status = fields.type == "overloaded_error" ? GH_ERROR_UNAVAILABLE : GH_ERROR_UPSTREAM;
  return sdk::Error(status, providers::redactKeys(prefixed(providerName, message), apiKey));
}

} // namespace gatehouse::plugins::anthropic
