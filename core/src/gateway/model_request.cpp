#include <gatehouse/gateway/chat_request.hpp>
#include <gatehouse/gateway/embeddings_request.hpp>
#include <gatehouse/gateway/image_request.hpp>
#include <gatehouse/gateway/model_request.hpp>
#include <gatehouse/gateway/speech_request.hpp>
#include <gatehouse/gateway/transcription_request.hpp>

#include <stdexcept>

namespace gatehouse::gateway {

ParsedModelRequest parseModelRequest(gh_endpoint endpoint, const http::IncomingRequest& request) {
  switch (endpoint) {
  case GH_ENDPOINT_CHAT_COMPLETIONS: return parseChatRequest(request.body);
  case GH_ENDPOINT_EMBEDDINGS: return parseEmbeddingsRequest(request.body);
  case GH_ENDPOINT_IMAGES: return parseImageRequest(request.body);
  case GH_ENDPOINT_AUDIO_SPEECH: return parseSpeechRequest(request.body);
  case GH_ENDPOINT_AUDIO_TRANSCRIPTION:
    return parseTranscriptionRequest(request.client.header("Content-Type"), request.body);
  default: break;
  }
  // Routes are fixed at start-up: reaching this is a wiring bug, which the dispatcher turns into a 500.
  throw std::logic_error("no request parser for endpoint " + std::to_string(endpoint));
}

} // namespace gatehouse::gateway
