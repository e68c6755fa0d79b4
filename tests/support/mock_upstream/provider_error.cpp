#include "provider_error.hpp"

#include "json_text.hpp"
#include "unique_id.hpp"

namespace gatehouse::mock {
namespace {

ProviderError openAiDefault(int status, std::string_view typeOverride) {
  ProviderError e;
  e.status = status;
  switch (status) {
  case 400: e = {status, "invalid_request_error", "Invalid request.", "", "", ""}; break;
  case 401:
    e = {status,
         "invalid_request_error",
         "Incorrect API key provided. You can find your API key at "
         "https://platform.openai.com/account/api-keys.",
         "invalid_api_key",
         "",
         ""};
    break;
  case 403:
    e = {status, "invalid_request_error", "You are not allowed to sample from this model.", "", "", ""};
    break;
  case 404:
    e = {status,
         "invalid_request_error",
         "The model does not exist or you do not have access to it.",
         "model_not_found",
         "",
         ""};
    break;
  case 429:
    e = {
        status, "requests", "Rate limit reached for requests. Please try again in 1s.", "rate_limit_exceeded",
        "",     ""};
    break;
  case 503:
    e = {status, "server_error", "The engine is currently overloaded, please try again later.", "", "", ""};
    break;
  default:
    if (status >= 500)
      e = {status,
           "server_error",
           "The server had an error while processing your request. Sorry about that!",
           "",
           "",
           ""};
    else
      e = {status, "invalid_request_error", "The request failed.", "", "", ""};
  }
  if (!typeOverride.empty()) {
    // Most OpenAI failures repeat a specific type as the code (insufficient_quota); the
    // broad types keep the status's usual code.
    bool broadType = typeOverride == "invalid_request_error" || typeOverride == "server_error" ||
                     typeOverride == "requests" || typeOverride == "tokens";
    e.type = std::string(typeOverride);
    if (!broadType)
      e.code = std::string(typeOverride);
    if (typeOverride == "insufficient_quota")
      e.message = "You exceeded your current quota, please check your plan and billing details.";
  }
  return e;
}

std::string anthropicMessage(std::string_view type) {
  if (type == "invalid_request_error")
    return "Invalid request.";
  if (type == "authentication_error")
    return "invalid x-api-key";
  if (type == "billing_error")
    return "Your credit balance is too low to access the Anthropic API.";
  if (type == "permission_error")
    return "Your API key does not have permission to use the specified resource.";
  if (type == "not_found_error")
    return "The requested resource could not be found.";
  if (type == "request_too_large")
    return "Request exceeds the maximum allowed number of bytes.";
  if (type == "rate_limit_error")
    return "Number of requests has exceeded your per-minute rate limit.";
  if (type == "api_error")
    return "Internal server error";
  if (type == "timeout_error")
    return "Request timed out";
  if (type == "overloaded_error")
    return "Overloaded";
  return "Simulated " + std::string(type);
}

std::string anthropicType(int status) {
  switch (status) {
  case 400: return "invalid_request_error";
  case 401: return "authentication_error";
  case 402: return "billing_error";
  case 403: return "permission_error";
  case 404: return "not_found_error";
  case 413: return "request_too_large";
  case 429: return "rate_limit_error";
  case 504: return "timeout_error";
  case 529: return "overloaded_error";
  default: return status >= 500 ? "api_error" : "invalid_request_error";
  }
}

ProviderError geminiDefault(int status) {
  switch (status) {
  case 400: return {status, "INVALID_ARGUMENT", "Request contains an invalid argument.", "", "", ""};
  case 401: return {status, "UNAUTHENTICATED", "Request had invalid authentication credentials.", "", "", ""};
  case 403: return {status, "PERMISSION_DENIED", "The caller does not have permission", "", "", ""};
  case 404: return {status, "NOT_FOUND", "Requested entity was not found.", "", "", ""};
  case 409: return {status, "ABORTED", "The operation was aborted.", "", "", ""};
  case 429:
    return {status, "RESOURCE_EXHAUSTED", "Resource has been exhausted (e.g. check quota).", "", "", ""};
  case 499: return {status, "CANCELLED", "The operation was cancelled.", "", "", ""};
  case 501: return {status, "UNIMPLEMENTED", "Method not implemented.", "", "", ""};
  case 503: return {status, "UNAVAILABLE", "The model is overloaded. Please try again later.", "", "", ""};
  case 504:
    return {status, "DEADLINE_EXCEEDED", "Deadline expired before operation could complete.", "", "", ""};
  default:
    if (status >= 500)
      return {status,
              "INTERNAL",
              "An internal error has occurred. Please retry or report in "
              "https://developers.generativeai.google/guide/troubleshooting",
              "",
              "",
              ""};
    return {status, "FAILED_PRECONDITION", "Precondition check failed.", "", "", ""};
  }
}

void writeNullable(JsonWriter& json, const std::string& text) {
  if (text.empty())
    json.Null();
  else
    writeString(json, text);
}

void writeOpenAiError(JsonWriter& json, const ProviderError& e) {
  json.StartObject();
  json.Key("error");
  json.StartObject();
  json.Key("message");
  writeString(json, e.message);
  json.Key("type");
  writeString(json, e.type);
  json.Key("param");
  writeNullable(json, e.param);
  json.Key("code");
  writeNullable(json, e.code);
  json.EndObject();
  json.EndObject();
}

void writeGeminiError(JsonWriter& json, const ProviderError& e) {
  json.StartObject();
  json.Key("error");
  json.StartObject();
  json.Key("code");
  json.Int(e.status);
  json.Key("message");
  writeString(json, e.message);
  json.Key("status");
  writeString(json, e.type);
  if (!e.detailsJson.empty()) {
    json.Key("details");
    json.RawValue(e.detailsJson.data(), e.detailsJson.size(), rapidjson::kArrayType);
  }
  json.EndObject();
  json.EndObject();
}

} // namespace

ProviderError defaultError(Provider provider, int status, std::string_view typeOverride) {
  switch (provider) {
  case Provider::OpenAi: return openAiDefault(status, typeOverride);
  case Provider::Azure: {
    // Azure wraps failures as {"error":{"code","message"}} with a string code.
    auto e = openAiDefault(status, typeOverride);
    e.type = typeOverride.empty() ? std::to_string(status) : std::string(typeOverride);
    return e;
  }
  case Provider::Anthropic: {
    auto type = typeOverride.empty() ? anthropicType(status) : std::string(typeOverride);
    return {status, type, anthropicMessage(type), "", "", ""};
  }
  case Provider::Gemini: {
    auto e = geminiDefault(status);
    if (!typeOverride.empty())
      e.type = std::string(typeOverride);
    return e;
  }
  }
  return {};
}

std::string errorBody(Provider provider, const ProviderError& e) {
  rapidjson::StringBuffer buffer;
  JsonWriter json(buffer);
  switch (provider) {
  case Provider::OpenAi: writeOpenAiError(json, e); break;
  case Provider::Azure:
    json.StartObject();
    json.Key("error");
    json.StartObject();
    json.Key("code");
    writeString(json, e.type);
    json.Key("message");
    writeString(json, e.message);
    json.EndObject();
    json.EndObject();
    break;
  case Provider::Anthropic:
    json.StartObject();
    json.Key("type");
    json.String("error");
    json.Key("error");
    json.StartObject();
    json.Key("type");
    writeString(json, e.type);
    json.Key("message");
    writeString(json, e.message);
    json.EndObject();
    json.Key("request_id");
    writeString(json, "req_" + uniqueId(24));
    json.EndObject();
    break;
  case Provider::Gemini: writeGeminiError(json, e); break;
  }
  return bufferText(buffer);
}

std::string streamErrorPayload(Provider provider, std::string_view typeOverride) {
  rapidjson::StringBuffer buffer;
  JsonWriter json(buffer);
  switch (provider) {
  case Provider::OpenAi:
  case Provider::Azure: writeOpenAiError(json, openAiDefault(500, typeOverride)); break;
  case Provider::Anthropic: {
    // In a stream the error event carries no request_id: the response headers had it.
    auto type = typeOverride.empty() ? std::string("overloaded_error") : std::string(typeOverride);
    json.StartObject();
    json.Key("type");
    json.String("error");
    json.Key("error");
    json.StartObject();
    json.Key("type");
    writeString(json, type);
    json.Key("message");
    writeString(json, anthropicMessage(type));
    json.EndObject();
    json.EndObject();
    break;
  }
  case Provider::Gemini: {
    auto e = geminiDefault(500);
    if (!typeOverride.empty())
      e.type = std::string(typeOverride);
    writeGeminiError(json, e);
    break;
  }
  }
  return bufferText(buffer);
}

} // namespace gatehouse::mock
