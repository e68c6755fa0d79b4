#include "exchange.hpp"

#include "unique_id.hpp"

namespace gatehouse::mock {

bool Exchange::readScenarioHeader() {
  const auto* header = request_.header("x-mock-scenario");
  if (!header)
    return true;
  auto error = applyScenarioHeader(*header, scenario_);
  if (error.empty()) {
    writer_.useScenario(scenario_);
    return true;
  }
  sendError(400, error);
  return false;
}

bool Exchange::readModelScenario(std::string_view fullModel, std::string& model) {
  auto error = applyModelScenario(fullModel, scenario_, model);
  if (error.empty()) {
    writer_.useScenario(scenario_);
    return true;
  }
  sendError(400, error, "model");
  return false;
}

bool Exchange::answeredWithFailure() {
  if (!scenario_.fail)
    return false;
  sendError(defaultError(provider_, scenario_.fail->status, scenario_.fail->errorType));
  return true;
}

HeaderList Exchange::providerHeaders() const {
  HeaderList headers;
  switch (provider_) {
  case Provider::OpenAi: headers.emplace_back("x-request-id", "req_" + uniqueId(32)); break;
  case Provider::Azure: headers.emplace_back("apim-request-id", uniqueId(36)); break;
  case Provider::Anthropic: headers.emplace_back("request-id", "req_" + uniqueId(24)); break;
  case Provider::Gemini: break;
  }
  if (scenario_.retryAfterSeconds)
    headers.emplace_back("retry-after", std::to_string(*scenario_.retryAfterSeconds));
  return headers;
}

void Exchange::sendJson(int status, std::string_view body) {
  writer_.send(status, provider_ == Provider::Gemini ? "application/json; charset=UTF-8" : "application/json",
               body, providerHeaders());
}

void Exchange::sendError(const ProviderError& error) {
  sendJson(error.status, errorBody(provider_, error));
}

void Exchange::sendError(int status, std::string_view message, std::string_view param) {
  auto error = defaultError(provider_, status, {});
  error.message = std::string(message);
  if (provider_ == Provider::OpenAi)
    error.param = std::string(param);
  sendError(error);
}

} // namespace gatehouse::mock
