#include "anthropic_provider.hpp"

#include <chat_usage.hpp>
#include <ctime>
#include <exchange_key.hpp>
#include <iterator>
#include <openai_error.hpp>
#include <optional>
#include <upstream_status.hpp>
#include <vector>

#include "model_list.hpp"
#include "response_translator.hpp"
#include "stream_translator.hpp"
#include "upstream_error.hpp"
#include "upstream_request.hpp"

namespace gatehouse::plugins::anthropic {
namespace {

std::string_view endpointName(gh_endpoint endpoint) {
  switch (endpoint) {
  case GH_ENDPOINT_EMBEDDINGS: return "embeddings";
  case GH_ENDPOINT_IMAGES: return "image generation";
  case GH_ENDPOINT_AUDIO_SPEECH: return "speech";
  case GH_ENDPOINT_AUDIO_TRANSCRIPTION: return "transcriptions";
  default: return "this endpoint";
  }
}

} // namespace

AnthropicProvider::AnthropicProvider(std::string providerName, AnthropicConfig config, std::string apiKey)
    : providerName_(std::move(providerName)), config_(std::move(config)), apiKey_(std::move(apiKey)) {
}

void AnthropicProvider::handle(sdk::Exchange& exchange) {
  if (exchange.endpoint() == GH_ENDPOINT_MODELS) {
    listModels(exchange);
    return;
  }
  if (exchange.endpoint() != GH_ENDPOINT_CHAT_COMPLETIONS) {
    throw sdk::Error(GH_ERROR_UNSUPPORTED, "the anthropic provider does not support " +
                                               std::string(endpointName(exchange.endpoint())));
  }
  RequestOptions options;
  options.upstreamModel = std::string(exchange.upstreamModel());
  options.stream = exchange.wantsStream();
  options.defaultMaxTokens = config_.defaultMaxTokens;
  TranslatedRequest request = translateRequest(exchange.requestBody(), options);
  // Only once the request is known to be servable, so a bad request takes no pool credential.
  const std::string_view apiKey = keyFor(exchange);
  ReplyContext context = replyContext(exchange, request, apiKey);

  sdk::Upstream upstream = exchange.send(messagesRequest(config_, apiKey, std::move(request.body)));
  if (!providers::isSuccess(upstream.status())) {
    relayError(exchange, upstream, apiKey);
  } else if (options.stream) {
    relayStream(exchange, upstream, std::move(context));
  } else {
    respondWhole(exchange, upstream, context);
  }
}

std::string_view AnthropicProvider::keyFor(const sdk::Exchange& exchange) const {
  return providers::requireExchangeKey(exchange.credential(), apiKey_, providerName_);
}

void AnthropicProvider::listModels(sdk::Exchange& exchange) const {
  const std::string_view apiKey = keyFor(exchange);
  std::vector<providers::ListedModel> models;
  std::optional<std::string> afterId;
  for (int page = 0; page < kMaxModelPages; ++page) {
    sdk::Upstream upstream = exchange.send(modelsRequest(config_, apiKey, afterId.value_or("")));
    if (!providers::isSuccess(upstream.status())) {
      relayError(exchange, upstream, apiKey);
      return;
    }
    ModelPage next = readModelPage(upstream.readBody(), providerName_);
    models.insert(models.end(), std::make_move_iterator(next.models.begin()),
                  std::make_move_iterator(next.models.end()));
    afterId = std::move(next.nextAfterId);
    if (!afterId) {
      break;
    }
  }
  exchange.respond(200, "application/json", providers::modelListJson(models, "anthropic"));
}

ReplyContext AnthropicProvider::replyContext(const sdk::Exchange& exchange, const TranslatedRequest& request,
                                             std::string_view apiKey) const {
  ReplyContext context;
  context.identity.id = "chatcmpl-" + std::string(exchange.requestId());
  context.identity.created = static_cast<std::int64_t>(std::time(nullptr));
  context.identity.model = std::string(exchange.model());
  context.includeUsage = request.includeUsage;
  context.responseTool = request.responseTool;
  context.providerName = providerName_;
  context.apiKey = apiKey;
  return context;
}

void AnthropicProvider::relayError(sdk::Exchange& exchange, sdk::Upstream& upstream,
                                   std::string_view apiKey) const {
  const int status = upstream.status();
  const providers::OpenAiError error = translateHttpError(status, upstream.readBody(), providerName_, apiKey);
  exchange.respond(error.status, "application/json", providers::openAiErrorBody(error));
}

void AnthropicProvider::respondWhole(sdk::Exchange& exchange, sdk::Upstream& upstream,
                                     const ReplyContext& context) const {
  const TranslatedResponse response = translateResponse(upstream.readBody(), context);
  exchange.reportUsage(providers::toGhUsage(response.usage));
  exchange.respond(200, "application/json", response.body);
}

void AnthropicProvider::relayStream(sdk::Exchange& exchange, sdk::Upstream& upstream,
                                    ReplyContext context) const {
  StreamTranslator translator(std::move(context));
  // Usage is reported however the stream ends, so a failed or abandoned stream is still
  // billed for what it consumed.
  try {
    while (const std::optional<sdk::SseEvent> event = upstream.nextEvent()) {
      for (const std::string& chunk : translator.translate(event->event, event->data)) {
        if (!exchange.streamEvent(chunk)) {
          exchange.reportUsage(providers::toGhUsage(translator.usage()));
          return; // the client went away; closing the upstream stops generation
        }
      }
    }
    translator.finish();
  } catch (...) {
    exchange.reportUsage(providers::toGhUsage(translator.usage()));
    throw;
  }
  exchange.reportUsage(providers::toGhUsage(translator.usage()));
}

} // namespace gatehouse::plugins::anthropic
