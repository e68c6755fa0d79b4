// POST /v1/embeddings (and Azure's deployment form).
#pragma once

#include <string_view>

namespace gatehouse::mock {

class Exchange;

void answerOpenAiEmbeddings(Exchange& exchange, std::string_view deployment);

} // namespace gatehouse::mock
