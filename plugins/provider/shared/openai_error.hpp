// The OpenAI error shape every provider plugin answers with, whatever its upstream speaks:
// {"error":{"message":...,"type":...,"param":...,"code":...}}.
#pragma once

#include <string>
#include <string_view>

namespace gatehouse::providers {

struct OpenAiError {
  int status = 500;
  std::string message;
  std::string type; // empty: derived from status (see errorTypeForStatus)
  std::string param; // empty: null
  std::string code;  // empty: null
};

// The OpenAI error type clients expect for an HTTP status, e.g. 429 -> "rate_limit_error".
std::string_view errorTypeForStatus(int status);

// The JSON body for `error`.
std::string openAiErrorBody(const OpenAiError& error);

} // namespace gatehouse::providers
