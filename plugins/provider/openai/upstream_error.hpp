// What a client sees when the upstream answered with an error: the OpenAI error shape with
// the gateway's status mapping, the provider's own message, type, param and code when it
// sent them, the configured provider named, and no key (not even a masked one).
#pragma once

#include <rapidjson/document.h>

#include <string>
#include <string_view>

#include "openai_error.hpp"

namespace gatehouse::plugins::openai {

// `body` is what the upstream answered with `upstreamStatus` (OpenAI's
// {"error":{...}}, Azure's {"error":{"code":"401","message":...}}, FastAPI's
// {"detail":...}, plain {"error":"..."}, or an HTML page from a proxy). `apiKey` is the
// provider's resolved key, removed wherever it appears.
providers::OpenAiError upstreamError(std::string_view providerName, int upstreamStatus, std::string_view body,
                                     std::string_view apiKey);

// The message of an error object inside a body or stream event: {"error":{"message":...}},
// {"error":"..."}, {"type":"error","message":...}; empty when `body` holds no error.
std::string errorMessageOf(const rapidjson::Value& body);

// "upstream 'NAME': <message>", with keys redacted.
std::string upstreamMessage(std::string_view providerName, std::string_view message, std::string_view apiKey);
// "upstream 'NAME' answered HTTP <status><rest>", with keys redacted.
std::string answeredMessage(std::string_view providerName, int status, std::string_view rest,
                            std::string_view apiKey);

} // namespace gatehouse::plugins::openai
