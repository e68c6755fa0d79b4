// Content-Type checks for endpoints that take a body.
#pragma once

#include <string_view>

namespace gatehouse::http {

// True for "application/json", case-insensitive, optionally followed by parameters of
// which only charset=utf-8 (quoted or not) is accepted: JSON is UTF-8 on the wire, and
// a body declared in another charset would be parsed as something it is not.
bool isJsonContentType(std::string_view headerValue);

// True for "multipart/form-data", case-insensitive, with any parameters (the boundary
// is the form parser's business: a missing one is a 400 about the body, not a 415).
bool isMultipartFormContentType(std::string_view headerValue);

} // namespace gatehouse::http
