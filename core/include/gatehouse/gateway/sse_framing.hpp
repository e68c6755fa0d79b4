// Server-Sent Events framing for the model endpoints' event streams.
#pragma once

#include <string>
#include <string_view>

namespace gatehouse::gateway {

// Appends one event carrying `data`: "data: <line>\n" per line of `data` (CR, LF and
// CRLF all end a line, as the SSE spec reads them), then the blank line that ends the
// event. A plugin's pretty-printed JSON therefore cannot break the framing.
void appendSseEvent(std::string& out, std::string_view data);

// The event OpenAI ends every stream with.
inline constexpr std::string_view kSseDone = "data: [DONE]\n\n";

} // namespace gatehouse::gateway
