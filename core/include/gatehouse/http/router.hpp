// Exact path + method routing table. The gateway has a handful of fixed routes, so a
// flat table beats any pattern matcher for both speed and predictability.
#pragma once

#include <gatehouse/http/incoming_request.hpp>
#include <gatehouse/http/response_sink.hpp>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace gatehouse::http {

using Handler = std::function<void(IncomingRequest& request, ResponseSink& response)>;

// What the dispatcher does with the body before calling the handler.
enum class BodyPolicy {
  None,      // the route takes no body; whatever the client sent is not read
  Json,      // Content-Type must be JSON, the body is read under the size limit
  Multipart, // Content-Type must be multipart/form-data, the body is read under the size limit
};

struct Route {
  std::string method;
  std::string path;
  BodyPolicy body = BodyPolicy::None;
  Handler handler;
};

struct RouteMatch {
  enum class Kind { Found, UnknownPath, WrongMethod };
  Kind kind = Kind::UnknownPath;
  const Route* route = nullptr; // set when Found
  std::string allow;            // set when WrongMethod: "GET, POST" in registration order
};

class Router {
public:
  // Throws std::invalid_argument for a duplicate method + path.
  void add(Route route);
  // `path` must already be stripped of its query string.
  RouteMatch match(std::string_view method, std::string_view path) const;
  const std::vector<Route>& routes() const { return routes_; }

private:
  std::vector<Route> routes_;
};

// The path part of a request target ("/v1/models?x=1" -> "/v1/models").
std::string_view pathOf(std::string_view target);

} // namespace gatehouse::http
