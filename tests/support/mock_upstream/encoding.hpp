// Byte-level text helpers: UTF-8 checks and base64.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace gatehouse::mock {

bool isValidUtf8(std::string_view text);

// The largest cut point <= `at` that does not split a UTF-8 sequence, so every piece of a
// split string stays valid UTF-8 (stream deltas are JSON strings).
std::size_t utf8Boundary(std::string_view text, std::size_t at);

std::string base64Encode(std::string_view bytes);

} // namespace gatehouse::mock
