#include <gatehouse/admin/session_cookies.hpp>
#include <gatehouse/config/config_public_url.hpp>

namespace gatehouse::admin {

http::CookieAttributes loginCookieAttributes(std::string_view publicUrl) {
  http::CookieAttributes attributes;
  attributes.path = "/auth"; // only the callback needs it back
  attributes.maxAgeSeconds = kLoginCookieLifetime.count();
  attributes.secure = isHttpsUrl(publicUrl);
  return attributes;
}

http::CookieAttributes sessionCookieAttributes(std::string_view publicUrl, std::chrono::seconds lifetime) {
  http::CookieAttributes attributes;
  attributes.path = "/";
  attributes.maxAgeSeconds = lifetime.count();
  attributes.secure = isHttpsUrl(publicUrl);
  return attributes;
}

} // namespace gatehouse::admin
