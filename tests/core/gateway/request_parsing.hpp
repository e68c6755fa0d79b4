// Helpers for the request parser tests: run a parser and get its result or its error,
// failing the test when the outcome is the other one.
#pragma once

#include <gatehouse/gateway/model_request.hpp>

#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace gatehouse::testing {

// A body and what must be wrong with it.
struct Refusal {
  std::string body;
  std::string param;
  std::string code;
};

inline gateway::ModelRequest acceptedRequest(const gateway::ParsedModelRequest& result,
                                             std::string_view body) {
  if (const auto* error = std::get_if<http::ApiError>(&result)) {
    ADD_FAILURE() << "refused " << body << ": " << error->message;
    return {};
  }
  return std::get<gateway::ModelRequest>(result);
}

inline http::ApiError refusedRequest(const gateway::ParsedModelRequest& result, std::string_view body) {
  if (!std::holds_alternative<http::ApiError>(result)) {
    ADD_FAILURE() << "accepted: " << body;
    return {};
  }
  return std::get<http::ApiError>(result);
}

// Checks every refusal: a 400 invalid_request_error naming the param, with the code.
template <typename Parse> void expectRefusals(Parse parse, const std::vector<Refusal>& refusals) {
  for (const Refusal& refusal : refusals) {
    const http::ApiError error = refusedRequest(parse(refusal.body), refusal.body);
    EXPECT_EQ(error.status, 400) << refusal.body;
    EXPECT_EQ(error.type, http::ErrorType::InvalidRequest) << refusal.body;
    EXPECT_EQ(error.param, refusal.param) << refusal.body << ": " << error.message;
    EXPECT_EQ(error.code, refusal.code) << refusal.body << ": " << error.message;
    EXPECT_FALSE(error.message.empty()) << refusal.body;
  }
}

} // namespace gatehouse::testing
