#include <gatehouse/http/router.hpp>

#include <stdexcept>

namespace gatehouse::http {

void Router::add(Route route) {
  for (const Route& existing : routes_) {
    if (existing.method == route.method && existing.path == route.path) {
      throw std::invalid_argument("duplicate route " + route.method + " " + route.path);
    }
  }
  routes_.push_back(std::move(route));
}

RouteMatch Router::match(std::string_view method, std::string_view path) const {
  RouteMatch result;
  for (const Route& route : routes_) {
    if (route.path != path)
      continue;
    if (route.method == method) {
      result.kind = RouteMatch::Kind::Found;
      result.route = &route;
      result.allow.clear();
      return result;
    }
    result.kind = RouteMatch::Kind::WrongMethod;
    if (!result.allow.empty())
      result.allow.append(", ");
    result.allow.append(route.method);
  }
  return result;
}

std::string_view pathOf(std::string_view target) {
  const auto end = target.find_first_of("?#");
  return end == std::string_view::npos ? target : target.substr(0, end);
}

} // namespace gatehouse::http
