#include "openai_provider.hpp"

#include "endpoints.hpp"
#include "upstream_call.hpp"
#include "upstream_error.hpp"

namespace gatehouse::plugins::openai {
namespace {

bool isUpstreamFailure(gh_status status) {
  return status == GH_ERROR_UPSTREAM || status == GH_ERROR_UPSTREAM_TIMEOUT || status == GH_ERROR_UNAVAILABLE;
}

} // namespace

void OpenAiProvider::serve(sdk::Exchange& exchange) const {
  switch (exchange.endpoint()) {
  case GH_ENDPOINT_CHAT_COMPLETIONS: return serveChat(context_, exchange);
  case GH_ENDPOINT_EMBEDDINGS: return serveEmbeddings(context_, exchange);
  case GH_ENDPOINT_IMAGES: return serveImages(context_, exchange);
  case GH_ENDPOINT_AUDIO_SPEECH: return serveSpeech(context_, exchange);
  case GH_ENDPOINT_AUDIO_TRANSCRIPTION: return serveTranscription(context_, exchange);
  case GH_ENDPOINT_MODELS: return serveModels(context_, exchange);
  default:
    throw sdk::Error(GH_ERROR_UNSUPPORTED, "provider '" + context_.name + "' does not serve endpoint " +
                                               std::to_string(exchange.endpoint()));
  }
}

void OpenAiProvider::handle(sdk::Exchange& exchange) {
  try {
    serve(exchange);
  } catch (const sdk::Error& error) {
    // The host's message names the upstream host; the client also needs the provider.
    const std::string_view message = error.what();
    if (isUpstreamFailure(error.status()) && message.rfind("upstream '", 0) != 0) {
      // Redacts the key this exchange sent, which is the pool's credential when it had one.
      throw sdk::Error(error.status(),
                       upstreamMessage(context_.name, message, exchangeKey(context_, exchange)));
    }
    throw;
  }
}

} // namespace gatehouse::plugins::openai
