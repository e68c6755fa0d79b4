#include <gatehouse/http/query_string.hpp>
#include <gatehouse/http/router.hpp>

#include <stdexcept>

namespace gatehouse::http {
namespace {

bool isPlaceholder(std::string_view segment) {
  return segment.size() >= 2 && segment.front() == '{' && segment.back() == '}';
}

bool isPlaceholderName(std::string_view name) {
  if (name.empty())
    return false;
  for (const char c : name) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    if (!ok)
      return false;
  }
  return true;
}

// "/admin/keys/{id}" -> ["", "admin", "keys", "{id}"]: the leading empty segment keeps
// "/a" and "a" apart, and a trailing '/' gives a trailing empty segment.
std::vector<std::string_view> splitSegments(std::string_view path) {
  std::vector<std::string_view> segments;
  std::size_t start = 0;
  while (true) {
    const std::size_t slash = path.find('/', start);
    if (slash == std::string_view::npos) {
      segments.push_back(path.substr(start));
      return segments;
    }
    segments.push_back(path.substr(start, slash - start));
    start = slash + 1;
  }
}

// The path with every placeholder reduced to "{}", so two patterns that differ only in
// placeholder names compare equal.
std::string shapeOf(std::string_view path) {
  std::string shape;
  bool first = true;
  for (const std::string_view segment : splitSegments(path)) {
    if (!first)
      shape.push_back('/');
    first = false;
    shape.append(isPlaceholder(segment) ? std::string_view("{}") : segment);
  }
  return shape;
}

} // namespace

void Router::add(Route route) {
  Pattern pattern;
  if (route.path.find('{') != std::string::npos || route.path.find('}') != std::string::npos) {
    for (const std::string_view segment : splitSegments(route.path)) {
      if (!isPlaceholder(segment)) {
        if (segment.find_first_of("{}") != std::string_view::npos)
          throw std::invalid_argument("route " + route.path + ": a placeholder must be a whole segment");
        pattern.segments.push_back({std::string(segment), false});
        continue;
      }
      const std::string_view name = segment.substr(1, segment.size() - 2);
      if (!isPlaceholderName(name))
        throw std::invalid_argument("route " + route.path + ": bad placeholder name '" + std::string(name) +
                                    "'");
      for (const Segment& earlier : pattern.segments) {
        if (earlier.placeholder && earlier.text == name)
          throw std::invalid_argument("route " + route.path + ": placeholder '" + std::string(name) +
                                      "' used twice");
      }
      pattern.segments.push_back({std::string(name), true});
    }
  }
  const std::string shape = shapeOf(route.path);
  for (const Route& existing : routes_) {
    if (existing.method == route.method && shapeOf(existing.path) == shape) {
      throw std::invalid_argument("duplicate route " + route.method + " " + route.path);
    }
  }
  routes_.push_back(std::move(route));
  patterns_.push_back(std::move(pattern));
}

bool Router::matchPattern(const Pattern& pattern, std::string_view path, PathParams* params) {
  const std::vector<std::string_view> segments = splitSegments(path);
  if (segments.size() != pattern.segments.size())
    return false;
  PathParams values;
  for (std::size_t i = 0; i < segments.size(); ++i) {
    const Segment& expected = pattern.segments[i];
    if (!expected.placeholder) {
      if (segments[i] != expected.text)
        return false;
      continue;
    }
    if (segments[i].empty())
      return false;
    std::optional<std::string> decoded = percentDecode(segments[i], false);
    if (!decoded || decoded->empty() || decoded->find('/') != std::string::npos)
      return false;
    values.emplace_back(expected.text, std::move(*decoded));
  }
  if (params != nullptr)
    *params = std::move(values);
  return true;
}

RouteMatch Router::match(std::string_view method, std::string_view path) const {
  RouteMatch result;
  const auto noteWrongMethod = [&result](const std::string& other) {
    result.kind = RouteMatch::Kind::WrongMethod;
    // Exact and pattern routes may both know the path with the same method.
    std::string_view remaining = result.allow;
    while (!remaining.empty()) {
      const std::size_t comma = remaining.find(", ");
      if (remaining.substr(0, comma) == other)
        return;
      remaining = comma == std::string_view::npos ? std::string_view() : remaining.substr(comma + 2);
    }
    if (!result.allow.empty())
      result.allow.append(", ");
    result.allow.append(other);
  };
  // Pass 1: exact paths, the hot path of every model request.
  for (std::size_t i = 0; i < routes_.size(); ++i) {
    const Route& route = routes_[i];
    if (!patterns_[i].segments.empty() || route.path != path)
      continue;
    if (route.method == method) {
      result = RouteMatch{};
      result.kind = RouteMatch::Kind::Found;
      result.route = &route;
      return result;
    }
    noteWrongMethod(route.method);
  }
  // Pass 2: patterns, in registration order.
  for (std::size_t i = 0; i < routes_.size(); ++i) {
    const Route& route = routes_[i];
    if (patterns_[i].segments.empty())
      continue;
    if (route.method != method) {
      if (matchPattern(patterns_[i], path, nullptr))
        noteWrongMethod(route.method);
      continue;
    }
    PathParams params;
    if (matchPattern(patterns_[i], path, &params)) {
      result = RouteMatch{};
      result.kind = RouteMatch::Kind::Found;
      result.route = &route;
      result.params = std::move(params);
      return result;
    }
  }
  return result;
}

std::string_view pathOf(std::string_view target) {
  const auto end = target.find_first_of("?#");
  return end == std::string_view::npos ? target : target.substr(0, end);
}

std::string_view queryOf(std::string_view target) {
  const auto fragment = target.find('#');
  if (fragment != std::string_view::npos)
    target = target.substr(0, fragment);
  const auto question = target.find('?');
  return question == std::string_view::npos ? std::string_view() : target.substr(question + 1);
}

} // namespace gatehouse::http
