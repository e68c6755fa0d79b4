// A failure the client should see as an OpenAI-shaped error with an exact HTTP status,
// param and code (the host's generic error built from a gh_status has neither param nor
// code). The provider catches it and answers with openAiErrorBody(error()); anything that
// lets it escape still fails the call with the matching gh_status and the message.
#pragma once

#include <gatehouse/sdk/error.hpp>

#include <openai_error.hpp>
#include <string>

namespace gatehouse::plugins::gemini {

class ClientError : public sdk::Error {
public:
  explicit ClientError(providers::OpenAiError error);

  const providers::OpenAiError& error() const noexcept { return error_; }

private:
  providers::OpenAiError error_;
};

// The gh_status the host would map back to `httpStatus` (GH_ERROR_UPSTREAM for the 5xx
// it has no closer status for).
gh_status statusForHttp(int httpStatus);

// 400 invalid_request_error naming the offending request field, e.g. "messages[2].content".
ClientError invalidParam(std::string param, std::string message);

} // namespace gatehouse::plugins::gemini
