#include "credential_check.hpp"

#include <optional>
#include <string>

#include "exchange.hpp"

namespace gatehouse::mock {
namespace {

std::optional<std::string> bearerToken(const HttpRequest& request) {
  const auto* authorization = request.header("authorization");
  constexpr std::string_view kScheme = "Bearer ";
  if (!authorization || authorization->size() <= kScheme.size() ||
      authorization->compare(0, kScheme.size(), kScheme) != 0)
    return std::nullopt;
  return authorization->substr(kScheme.size());
}

// Which key the request carries: nullopt when none at all.
std::optional<std::string> presentedKey(const Exchange& exchange) {
  const auto& request = exchange.request();
  const std::string* header = nullptr;
  switch (exchange.provider()) {
  case Provider::OpenAi: return bearerToken(request);
  case Provider::Azure:
    header = request.header("api-key");
    return header ? std::optional<std::string>(*header) : bearerToken(request);
  case Provider::Anthropic:
    header = request.header("x-api-key");
    return header ? std::optional<std::string>(*header) : std::nullopt;
  case Provider::Gemini:
    header = request.header("x-goog-api-key");
    return header ? std::optional<std::string>(*header) : request.queryParam("key");
  }
  return std::nullopt;
}

ProviderError missingKeyError(Provider provider) {
  switch (provider) {
  case Provider::OpenAi:
    return {
        401,
        "invalid_request_error",
        "You didn't provide an API key. You need to provide your API key in an Authorization header using "
        "Bearer auth (i.e. Authorization: Bearer YOUR_KEY). You can obtain an API key from "
        "https://platform.openai.com/account/api-keys.",
        "",
        "",
        ""};
  case Provider::Anthropic: return {401, "authentication_error", "x-api-key header is required", "", "", ""};
  case Provider::Gemini:
    return {
        403,
        "PERMISSION_DENIED",
        "Method doesn't allow unregistered callers (callers without established identity). Please use API "
        "Key or other form of API consumer identity to call this API.",
        "",
        "",
        ""};
  case Provider::Azure: break;
  }
  return {
      401,
      "401",
      "Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key "
      "for an active subscription and use a correct regional API endpoint for your resource.",
      "",
      "",
      ""};
}

// The real APIs mask the key they quote; the mock never repeats it at all.
ProviderError wrongKeyError(Provider provider) {
  switch (provider) {
  case Provider::OpenAi: return defaultError(provider, 401, {});
  case Provider::Anthropic: return {401, "authentication_error", "invalid x-api-key", "", "", ""};
  case Provider::Gemini:
    return {400,
            "INVALID_ARGUMENT",
            "API key not valid. Please pass a valid API key.",
            "",
            "",
            R"([{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"API_KEY_INVALID",)"
            R"("domain":"googleapis.com","metadata":{"service":"generativelanguage.googleapis.com"}},)"
            R"({"@type":"type.googleapis.com/google.rpc.LocalizedMessage","locale":"en-US",)"
            R"("message":"API key not valid. Please pass a valid API key."}])"};
  case Provider::Azure: break;
  }
  return missingKeyError(provider);
}

} // namespace

bool checkCredentials(Exchange& exchange) {
  auto key = presentedKey(exchange);
  if (!key || key->empty()) {
    exchange.sendError(missingKeyError(exchange.provider()));
    return false;
  }
  auto expected = exchange.options().expectedKey(exchange.provider());
  if (expected && *key != *expected) {
    exchange.sendError(wrongKeyError(exchange.provider()));
    return false;
  }
  if (exchange.provider() == Provider::Anthropic && !exchange.request().header("anthropic-version")) {
    exchange.sendError({400, "invalid_request_error", "anthropic-version: header is required", "", "", ""});
    return false;
  }
  return true;
}

} // namespace gatehouse::mock
