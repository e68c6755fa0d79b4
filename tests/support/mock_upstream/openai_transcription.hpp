// POST /v1/audio/transcriptions: a multipart/form-data upload answered with text and duration.
#pragma once

#include <string_view>

namespace gatehouse::mock {

class Exchange;

void answerOpenAiTranscription(Exchange& exchange, std::string_view deployment);

} // namespace gatehouse::mock
