// Cross-site request forgery protection for cookie-authenticated requests. A browser
// attaches the session cookie to requests that other sites trigger, so a request that
// carries the cookie and changes something (POST, PUT, PATCH, DELETE) must prove it comes
// from the gateway's own pages: an Origin header equal to the public URL's origin, or
// Sec-Fetch-Site: same-origin. Requests without the cookie (API keys, tokens) are not
// affected: a browser never adds those on its own.
#pragma once

#include <gatehouse/http/router.hpp>
#include <gatehouse/plugin_host/exchange.hpp>

#include <functional>
#include <string>
#include <string_view>

namespace gatehouse::http {

// "https://Example.com:443/x" -> "https://example.com"; scheme and host lowercased, the
// scheme's default port dropped, path dropped. Empty when `url` is not http(s)://host...
std::string originOf(std::string_view url);

class SameOriginGuard {
public:
  // `publicUrl`: where browsers reach the gateway (auth.public_url or its default). A
  // function, because the default names the port, which is known only once bound; it is
  // asked only for unsafe requests that carry the cookie.
  SameOriginGuard(std::string cookieName, std::function<std::string()> publicUrl);
  SameOriginGuard(std::string cookieName, std::string publicUrl);

  // False when the request carries the cookie, uses an unsafe method, and shows neither
  // a matching Origin nor Sec-Fetch-Site: same-origin.
  bool allows(const ClientRequest& request) const;
  // `inner`, preceded by the check: refused requests get a 403 permission_error
  // (code "cross_site_request") and never reach `inner`.
  Handler wrap(Handler inner) const;
  // Every route of `router`, wrapped.
  Router wrapAll(const Router& router) const;

  std::string allowedOrigin() const { return originOf(publicUrl_()); }

private:
  std::string cookieName_;
  std::function<std::string()> publicUrl_;
};

} // namespace gatehouse::http
