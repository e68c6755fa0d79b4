// Writes text as the inside of a JSON string literal.
#pragma once

#include <string>
#include <string_view>

namespace hello {

// Appends `text` to `out` escaped for a JSON string (without the surrounding quotes).
// JSON requires escaping only '"', '\\' and control characters below U+0020; everything
// else, UTF-8 multi-byte sequences included, may appear as is.
void appendJsonEscaped(std::string& out, std::string_view text);

// `text` as a complete JSON string literal, quotes included.
std::string jsonString(std::string_view text);

} // namespace hello
