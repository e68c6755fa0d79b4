// How the anthropic provider refuses a client request it cannot translate faithfully: a
// 400 (GH_ERROR_INVALID_ARGUMENT) whose message names the offending parameter, so the
// client learns what to change instead of getting a silently different answer.
#pragma once

#include <gatehouse/sdk/error.hpp>

#include <string>
#include <string_view>

namespace gatehouse::plugins::anthropic {

// Throws sdk::Error(GH_ERROR_INVALID_ARGUMENT, "Invalid parameter 'PARAM': WHY").
[[noreturn]] inline void refuseParam(std::string_view param, std::string_view why) {
  std::string message = "Invalid parameter '";
  message.append(param).append("': ").append(why);
  throw sdk::Error(GH_ERROR_INVALID_ARGUMENT, message);
}

} // namespace gatehouse::plugins::anthropic
