#include <gatehouse/http/cookies.hpp>
#include <gatehouse/http/error_writer.hpp>
#include <gatehouse/http/same_origin_guard.hpp>

#include <algorithm>
#include <cctype>

namespace gatehouse::http {
namespace {

std::string lowercase(std::string_view text) {
  std::string lowered(text);
  std::transform(lowered.begin(), lowered.end(), lowered.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lowered;
}

bool isSafeMethod(std::string_view method) {
  return method == "GET" || method == "HEAD" || method == "OPTIONS";
}

ApiError crossSiteRefusal() {
  return ApiError{403,
                  ErrorType::Permission,
                  "Cross-site request refused: a request signed in with the session cookie that changes "
                  "something must come from this gateway's own pages (Origin header).",
                  {},
                  "cross_site_request"};
}

} // namespace

std::string originOf(std::string_view url) {
  const std::size_t schemeEnd = url.find("://");
  if (schemeEnd == std::string_view::npos)
    return {};
  const std::string scheme = lowercase(url.substr(0, schemeEnd));
  if (scheme != "http" && scheme != "https")
    return {};
  std::string_view authority = url.substr(schemeEnd + 3);
  authority = authority.substr(0, authority.find_first_of("/?#"));
  if (authority.empty() || authority.find('@') != std::string_view::npos)
    return {};
  std::string host = lowercase(authority);
  // Drop the default port; an IPv6 literal's colons sit inside brackets.
  const std::size_t colon = host.rfind(':');
  if (colon != std::string::npos && host.find(']', colon) == std::string::npos) {
    const std::string port = host.substr(colon + 1);
    if ((scheme == "http" && port == "80") || (scheme == "https" && port == "443"))
      host.erase(colon);
  }
  return scheme + "://" + host;
}

SameOriginGuard::SameOriginGuard(std::string cookieName, std::function<std::string()> publicUrl)
    : cookieName_(std::move(cookieName)), publicUrl_(std::move(publicUrl)) {
}

SameOriginGuard::SameOriginGuard(std::string cookieName, std::string publicUrl)
    : SameOriginGuard(std::move(cookieName), [url = std::move(publicUrl)] { return url; }) {
}

bool SameOriginGuard::allows(const ClientRequest& request) const {
  if (isSafeMethod(request.method()))
    return true;
  const std::optional<std::string_view> cookie = cookieValue(request.header("cookie"), cookieName_);
  if (!cookie || cookie->empty())
    return true; // a deleted cookie (empty value) signs nobody in
  if (lowercase(request.header("sec-fetch-site")) == "same-origin")
    return true;
  const std::string_view origin = request.header("origin");
  if (origin.empty())
    return false;
  const std::string allowed = allowedOrigin();
  return !allowed.empty() && originOf(origin) == allowed;
}

Handler SameOriginGuard::wrap(Handler inner) const {
  // A copy of the guard travels with the handler, so the router may outlive this object.
  return [guard = *this, inner = std::move(inner)](IncomingRequest& request, ResponseSink& response) {
    if (!guard.allows(request.client)) {
      sendError(response, crossSiteRefusal());
      return;
    }
    inner(request, response);
  };
}

Router SameOriginGuard::wrapAll(const Router& router) const {
  Router wrapped;
  for (const Route& route : router.routes())
    wrapped.add(Route{route.method, route.path, route.body, wrap(route.handler)});
  return wrapped;
}

} // namespace gatehouse::http
