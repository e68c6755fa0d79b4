// Standard base64 (RFC 4648 section 4, with padding), for data: URLs that are not base64
// already and for embeddings a client asked to receive as base64.
#pragma once

#include <string>
#include <string_view>

namespace gatehouse::plugins::gemini {

std::string base64Encode(std::string_view bytes);

} // namespace gatehouse::plugins::gemini
