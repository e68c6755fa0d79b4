// Reading the Cookie request header and writing Set-Cookie (RFC 6265), for the browser
// sign-in: the short-lived sign-in cookie and the session cookie.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace gatehouse::http {

// The value of cookie `name` in a Cookie header ("a=1; b=2"), the first when repeated;
// nullopt when absent. Surrounding double quotes are kept (our cookies never use them).
std::optional<std::string_view> cookieValue(std::string_view cookieHeader, std::string_view name);

enum class SameSite { Lax, Strict };

struct CookieAttributes {
  std::string path = "/";
  // Seconds until the browser forgets it; 0 deletes it at once; nullopt: a session cookie.
  std::optional<std::int64_t> maxAgeSeconds;
  bool httpOnly = true; // never readable by page scripts
  bool secure = false;  // only over https
  SameSite sameSite = SameSite::Lax;
};

// "name=value; Path=/; Max-Age=600; HttpOnly; Secure; SameSite=Lax". Throws
// std::invalid_argument when `name` or `value` hold characters a cookie cannot carry
// (our values are base64url tokens, so this only catches programming errors).
std::string setCookieHeader(std::string_view name, std::string_view value,
                            const CookieAttributes& attributes);

// A Set-Cookie that makes the browser delete cookie `name` (same path as it was set with).
std::string clearCookieHeader(std::string_view name, const CookieAttributes& attributes);

} // namespace gatehouse::http
