#include "gemini_provider.hpp"

#include <ctime>
#include <openai_error.hpp>

#include "client_error.hpp"
#include "embeddings_service.hpp"
#include "models_service.hpp"

namespace gatehouse::plugins::gemini {
namespace {

std::string endpointName(gh_endpoint endpoint) {
  switch (endpoint) {
  case GH_ENDPOINT_IMAGES: return "image generation";
  case GH_ENDPOINT_AUDIO_SPEECH: return "speech synthesis";
  case GH_ENDPOINT_AUDIO_TRANSCRIPTION: return "audio transcription";
  default: return "endpoint " + std::to_string(endpoint);
  }
}

} // namespace

void GeminiProvider::serve(sdk::Exchange& exchange) {
  switch (exchange.endpoint()) {
  case GH_ENDPOINT_CHAT_COMPLETIONS:
    serveChat(exchange, target_, settings_, ids_, static_cast<std::int64_t>(std::time(nullptr)));
    return;
  case GH_ENDPOINT_EMBEDDINGS: serveEmbeddings(exchange, target_); return;
  case GH_ENDPOINT_MODELS: serveModels(exchange, target_); return;
  default:
    throw sdk::Error(GH_ERROR_UNSUPPORTED, "provider '" + target_.providerName() +
                                               "' (gemini) does not serve " +
                                               endpointName(exchange.endpoint()));
  }
}

void GeminiProvider::handle(sdk::Exchange& exchange) {
  try {
    serve(exchange);
  } catch (const ClientError& error) {
    exchange.respond(error.error().status, "application/json", providers::openAiErrorBody(error.error()));
  }
}

} // namespace gatehouse::plugins::gemini
