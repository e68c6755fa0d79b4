#include "openai_json_request.hpp"

#include "credential_check.hpp"
#include "exchange.hpp"
#include "json_text.hpp"

namespace gatehouse::mock {

std::optional<rapidjson::Document> openOpenAiJsonRequest(Exchange& exchange) {
  if (!exchange.readScenarioHeader() || !checkCredentials(exchange))
    return std::nullopt;
  auto body = parseJsonObject(exchange.request().body);
  if (!body)
    exchange.sendError(400, "We could not parse the JSON body of your request. The OpenAI API expects a JSON "
                            "payload, but what was sent was not valid JSON.");
  return body;
}

} // namespace gatehouse::mock
