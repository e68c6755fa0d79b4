// What the gateway itself needs to know of a request on a model endpoint (to route it
// and to frame the answer), whichever endpoint it came in on. The provider plugin reads
// everything else from the unchanged body.
#pragma once

#include <gatehouse/gateway/multipart_form.hpp>
#include <gatehouse/http/api_error.hpp>
#include <gatehouse/http/incoming_request.hpp>
#include <gatehouse/plugin_abi.h>

#include <string>
#include <variant>

namespace gatehouse::gateway {

struct ModelRequest {
  gh_endpoint endpoint = GH_ENDPOINT_CHAT_COMPLETIONS;
  std::string model;   // the public model name the client asked for
  bool stream = false; // the client asked for a streamed answer
  MultipartForm form;  // multipart endpoints only: the parsed body, views into it
};

using ParsedModelRequest = std::variant<ModelRequest, http::ApiError>;

// Validates `request`'s body with the parser of `endpoint` (chat_request.hpp,
// embeddings_request.hpp, image_request.hpp, speech_request.hpp,
// transcription_request.hpp). Any problem is a precise 400 in the OpenAI shape.
ParsedModelRequest parseModelRequest(gh_endpoint endpoint, const http::IncomingRequest& request);

} // namespace gatehouse::gateway
