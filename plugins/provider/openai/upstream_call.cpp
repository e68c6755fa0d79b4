#include "upstream_call.hpp"

#include <cctype>

#include "json_body.hpp"
#include "upstream_error.hpp"
#include "upstream_status.hpp"

namespace gatehouse::plugins::openai {

sdk::UpstreamRequest postRequest(const ProviderContext& context, const sdk::Exchange& exchange,
                                 std::string url, std::string contentType, std::string body) {
  sdk::UpstreamRequest request;
  request.method = "POST";
  request.url = std::move(url);
  request.headers = context.target.headers(exchangeKey(context, exchange));
  request.headers.emplace_back("Content-Type", std::move(contentType));
  request.body = std::move(body);
  return request;
}

bool answeredWithError(const ProviderContext& context, sdk::Exchange& exchange, sdk::Upstream& upstream) {
  const int status = upstream.status();
  if (providers::isSuccess(status)) {
    return false;
  }
  const std::string body = upstream.readBody();
  const providers::OpenAiError error =
      upstreamError(context.name, status, body, exchangeKey(context, exchange));
  exchange.respond(error.status, "application/json", providers::openAiErrorBody(error));
  return true;
}

rapidjson::Document readJsonAnswer(const ProviderContext& context, const sdk::Exchange& exchange,
                                   sdk::Upstream& upstream, std::string& body) {
  body = upstream.readBody();
  rapidjson::Document document;
  if (!parseJson(body, document)) {
    throw sdk::Error(GH_ERROR_UPSTREAM,
                     answeredMessage(context.name, upstream.status(), " with a non-JSON body",
                                     exchangeKey(context, exchange)));
  }
  return document;
}

bool hasMediaType(std::string_view contentType, std::string_view mediaType) {
  const std::size_t end = contentType.find(';');
  std::string_view type = contentType.substr(0, end);
  while (!type.empty() && (type.back() == ' ' || type.back() == '\t')) {
    type.remove_suffix(1);
  }
  while (!type.empty() && (type.front() == ' ' || type.front() == '\t')) {
    type.remove_prefix(1);
  }
  if (type.size() != mediaType.size()) {
    return false;
  }
  for (std::size_t i = 0; i < type.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(type[i])) !=
        std::tolower(static_cast<unsigned char>(mediaType[i]))) {
      return false;
    }
  }
  return true;
}

} // namespace gatehouse::plugins::openai
