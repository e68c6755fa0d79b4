#pragma once

#include <rapidjson/document.h>

#include <optional>

namespace gatehouse::mock {

class Exchange;

// Opens an OpenAI-format JSON request the way every OpenAI endpoint does: the scenario
// header, the credentials, then the body as a JSON object. When any of them fails the
// client has already been answered and the result is empty.
std::optional<rapidjson::Document> openOpenAiJsonRequest(Exchange& exchange);

} // namespace gatehouse::mock
