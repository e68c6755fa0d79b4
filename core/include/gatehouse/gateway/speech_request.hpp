// Validation of a POST /v1/audio/speech body.
#pragma once

#include <gatehouse/gateway/model_request.hpp>

#include <string_view>

namespace gatehouse::gateway {

// A JSON object with "model" and "input" non-empty strings and "voice" a non-empty
// string (a built-in voice) or an object (a custom voice, e.g. {"id":"voice_123"}).
// "stream_format", when present, is a string; "sse" asks for a stream of events, any
// other value (e.g. "audio") for the audio itself.
ParsedModelRequest parseSpeechRequest(std::string_view body);

} // namespace gatehouse::gateway
