#include "endpoints.hpp"
#include "json_body.hpp"
#include "json_util.hpp"
#include "upstream_call.hpp"

namespace gatehouse::plugins::openai {

void serveEmbeddings(const ProviderContext& context, sdk::Exchange& exchange) {
  rapidjson::Document request = parseRequestBody(exchange.requestBody());
  if (!request.HasMember("input")) {
    throw sdk::Error(GH_ERROR_INVALID_ARGUMENT, "'input' is required");
  }
  setModel(request, exchange.upstreamModel());
  sdk::Upstream upstream =
      exchange.send(postRequest(context, exchange, context.target.url("embeddings", exchange.upstreamModel()),
                                "application/json", providers::toJson(request)));
  if (answeredWithError(context, exchange, upstream)) {
    return;
  }
  std::string body;
  const rapidjson::Document answer = readJsonAnswer(context, exchange, upstream, body);
  if (const rapidjson::Value* usage = memberObject(answer, "usage")) {
    gh_usage reported{};
    reported.prompt_tokens = readCount(*usage, "prompt_tokens");
    exchange.reportUsage(reported);
  }
  exchange.respond(upstream.status(), "application/json", body);
}

} // namespace gatehouse::plugins::openai
