// Client-controlled text (paths, methods) echoed in error messages and logs is cut to
// a sane length and reduced to printable ASCII, so it can neither forge log lines nor
// produce invalid UTF-8 in a JSON response.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace gatehouse::http {

std::string sanitizeForMessage(std::string_view text, std::size_t maxLength = 200);

} // namespace gatehouse::http
