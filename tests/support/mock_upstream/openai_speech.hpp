// POST /v1/audio/speech: audio bytes, streamed with chunked transfer encoding.
#pragma once

#include <string_view>

namespace gatehouse::mock {

class Exchange;

void answerOpenAiSpeech(Exchange& exchange, std::string_view deployment);

} // namespace gatehouse::mock
