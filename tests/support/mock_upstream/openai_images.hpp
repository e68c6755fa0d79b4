// POST /v1/images/generations (and Azure's deployment form).
#pragma once

#include <string_view>

namespace gatehouse::mock {

class Exchange;

void answerOpenAiImages(Exchange& exchange, std::string_view deployment);

} // namespace gatehouse::mock
