#pragma once

#include <string>

namespace gatehouse::mock {

// Why a provider would reject a request body with 400, in that provider's words.
struct RequestProblem {
  std::string message;
  std::string param; // the offending field, where the provider names one
};

} // namespace gatehouse::mock
