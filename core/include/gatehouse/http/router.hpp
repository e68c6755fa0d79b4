// Method + path routing table. Most of the gateway's routes are fixed paths and are
// matched first, by plain comparison; the admin API's resource routes are patterns whose
// `{name}` segments match any one non-empty path segment (e.g. /admin/keys/{id}).
#pragma once

#include <gatehouse/http/incoming_request.hpp>
#include <gatehouse/http/response_sink.hpp>

#include <cstddef>
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
  std::string path; // exact, or a pattern with whole-segment `{name}` placeholders
  BodyPolicy body = BodyPolicy::None;
  Handler handler;
};

struct RouteMatch {
  enum class Kind { Found, UnknownPath, WrongMethod };
  Kind kind = Kind::UnknownPath;
  const Route* route = nullptr; // set when Found
  std::string allow;            // set when WrongMethod: "GET, POST" in registration order
  PathParams params;            // set when Found through a pattern: placeholder values, percent-decoded
};

class Router {
public:
  // Throws std::invalid_argument for a duplicate method + path (patterns that differ only
  // in placeholder names are duplicates) or a malformed pattern (a placeholder that is not
  // a whole segment, an empty or repeated name).
  void add(Route route);
  // `path` must already be stripped of its query string. An exact route wins over a
  // pattern; among patterns the first registered wins. A placeholder never matches an
  // empty segment or one whose percent-encoding is malformed or decodes to '/'.
  RouteMatch match(std::string_view method, std::string_view path) const;
  const std::vector<Route>& routes() const { return routes_; }

private:
  struct Segment {
    std::string text; // literal text, or the placeholder's name
    bool placeholder = false;
  };
  struct Pattern {
    std::vector<Segment> segments; // empty for an exact route
  };

  static bool matchPattern(const Pattern& pattern, std::string_view path, PathParams* params);

  std::vector<Route> routes_;
  std::vector<Pattern> patterns_; // parallel to routes_
};

// The path part of a request target ("/v1/models?x=1" -> "/v1/models").
std::string_view pathOf(std::string_view target);
// The query part without '?' ("/v1/models?x=1#f" -> "x=1"); empty when there is none.
std::string_view queryOf(std::string_view target);

} // namespace gatehouse::http
