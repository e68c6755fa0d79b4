#include "gemini_error.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <utility>

#include "json_util.hpp"
#include "key_redaction.hpp"
#include "upstream_status.hpp"

namespace gatehouse::plugins::gemini {
namespace {

int httpStatusForGrpc(std::string_view grpcStatus) {
  static constexpr std::array<std::pair<std::string_view, int>, 13> kStatuses = {{
      {"INVALID_ARGUMENT", 400},
      {"FAILED_PRECONDITION", 400},
      {"OUT_OF_RANGE", 400},
      {"UNAUTHENTICATED", 401},
      {"PERMISSION_DENIED", 403},
      {"NOT_FOUND", 404},
      {"ALREADY_EXISTS", 409},
      {"ABORTED", 409},
      {"RESOURCE_EXHAUSTED", 429},
      {"CANCELLED", 499},
      {"UNIMPLEMENTED", 501},
      {"UNAVAILABLE", 503},
      {"DEADLINE_EXCEEDED", 504},
  }};
  for (const auto& [name, status] : kStatuses) {
    if (name == grpcStatus) {
      return status;
    }
  }
  return 500; // INTERNAL, UNKNOWN, DATA_LOSS and anything new
}

bool apiKeyInvalid(const rapidjson::Value& error) {
  const rapidjson::Value* details = providers::findMember(error, "details");
  if (details == nullptr || !details->IsArray()) {
    return false;
  }
  return std::any_of(details->Begin(), details->End(), [](const rapidjson::Value& detail) {
    return providers::stringMember(detail, "reason") == "API_KEY_INVALID";
  });
}

std::string lowered(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string prefix(const ErrorContext& context) {
  return "provider '" + std::string(context.providerName) + "'";
}

} // namespace

int openAiStatusFor(int geminiHttpStatus, std::string_view grpcStatus) {
  const int status = geminiHttpStatus >= 400 ? geminiHttpStatus : httpStatusForGrpc(grpcStatus);
  // CANCELLED (499) means Gemini gave up on its side, and 529 is not a Gemini status at all
  // (unlike Anthropic's "overloaded", nothing says a retry helps): both are a bad gateway.
  if (status == 499 || status == 529) {
    return 502;
  }
  return providers::clientStatusForUpstream(status);
}

providers::OpenAiError translateGeminiErrorObject(int httpStatus, const rapidjson::Value& error,
                                                  const ErrorContext& context) {
  const std::string_view grpcStatus = providers::stringMember(error, "status");
  int status = httpStatus;
  if (status < 400) {
    const rapidjson::Value* code = providers::findMember(error, "code");
    if (code != nullptr && code->IsInt() && code->GetInt() >= 400) {
      status = code->GetInt();
    }
  }
  providers::OpenAiError out;
  out.status = openAiStatusFor(status, grpcStatus);
  out.code = lowered(grpcStatus);
  if (apiKeyInvalid(error)) {
    out.status = 401;
    out.code = "invalid_api_key";
  }
  const std::string message =
      providers::redactKeys(providers::stringMember(error, "message"), context.apiKey);
  out.message = message.empty() ? prefix(context) + " answered HTTP " + std::to_string(status)
                                : prefix(context) + ": " + message;
  return out;
}

providers::OpenAiError translateGeminiError(int httpStatus, std::string_view body,
                                            const ErrorContext& context) {
  rapidjson::Document document;
  const rapidjson::Value* error =
      providers::parseJson(body, document) ? providers::findMember(document, "error") : nullptr;
  // A 4xx/5xx from a proxy in front of Gemini is often an HTML page: never pass that on.
  if (error == nullptr || !error->IsObject()) {
    providers::OpenAiError out;
    out.status = openAiStatusFor(httpStatus, {});
    out.message = prefix(context) + " answered HTTP " + std::to_string(httpStatus) +
                  " with a body that is not "
                  "a Gemini error";
    return out;
  }
  return translateGeminiErrorObject(httpStatus, *error, context);
}

providers::OpenAiError blockedPromptError(std::string_view blockReason, const ErrorContext& context) {
  providers::OpenAiError out;
  out.status = 400;
  out.code = "content_filter";
  out.message = prefix(context) + ": Gemini blocked the prompt (" + std::string(blockReason) + ")";
  return out;
}

providers::OpenAiError malformedAnswerError(std::string_view what, const ErrorContext& context) {
  providers::OpenAiError out;
  out.status = 502;
  out.message = prefix(context) + " answered with " + std::string(what);
  return out;
}

} // namespace gatehouse::plugins::gemini
