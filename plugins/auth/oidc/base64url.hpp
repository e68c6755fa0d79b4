// Base64 in the two spellings OAuth needs: base64url without padding (JWS segments, JWK
// members, PKCE) and standard base64 with padding (HTTP Basic client authentication).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace gatehouse::plugins::oidc {

// RFC 4648 section 5 alphabet, no '=' padding.
std::string base64UrlEncode(std::string_view bytes);

// Strict decoding: only the base64url alphabet, no padding, no whitespace, and the unused
// low bits of the last character must be zero, so each byte string has exactly one
// encoding (a token cannot be re-spelled to slip past a cache or a comparison).
// nullopt when `text` is not such an encoding.
std::optional<std::string> base64UrlDecode(std::string_view text);

// RFC 4648 section 4 alphabet with '=' padding.
std::string base64Encode(std::string_view bytes);

// True when every character is in the base64url alphabet (an empty text is).
bool isBase64UrlText(std::string_view text);

} // namespace gatehouse::plugins::oidc
