#include <gatehouse/config/config_public_url.hpp>

#include <algorithm>
#include <charconv>

namespace gatehouse {
namespace {

constexpr std::string_view kHttp = "http://";
constexpr std::string_view kHttps = "https://";

bool isHostNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
         c == '_';
}

bool isIpv6LiteralChar(char c) {
  return (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || (c >= '0' && c <= '9') || c == ':' || c == '.';
}

bool isValidPort(std::string_view text) {
  unsigned port = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), port);
  return !text.empty() && error == std::errc() && end == text.data() + text.size() && port >= 1 &&
         port <= 65535;
}

} // namespace

bool isValidPublicUrl(std::string_view url) {
  std::string_view authority;
  if (url.substr(0, kHttps.size()) == kHttps) {
    authority = url.substr(kHttps.size());
  } else if (url.substr(0, kHttp.size()) == kHttp) {
    authority = url.substr(kHttp.size());
  } else {
    return false;
  }
  std::string_view host = authority;
  std::string_view port;
  bool hasPort = false;
  if (!authority.empty() && authority.front() == '[') {
    const std::size_t close = authority.find(']');
    if (close == std::string_view::npos) {
      return false;
    }
    host = authority.substr(1, close - 1);
    const std::string_view rest = authority.substr(close + 1);
    if (!rest.empty()) {
      if (rest.front() != ':') {
        return false;
      }
      hasPort = true;
      port = rest.substr(1);
    }
    if (host.find(':') == std::string_view::npos ||
        !std::all_of(host.begin(), host.end(), isIpv6LiteralChar)) {
      return false;
    }
  } else {
    const std::size_t colon = authority.find(':');
    if (colon != std::string_view::npos) {
      host = authority.substr(0, colon);
      hasPort = true;
      port = authority.substr(colon + 1);
    }
    // Anything outside a host name's characters ("/", "?", "#", "@", spaces, a second
    // ":") means a path, a query, credentials or a typo.
    if (!std::all_of(host.begin(), host.end(), isHostNameChar)) {
      return false;
    }
  }
  return !host.empty() && (!hasPort || isValidPort(port));
}

std::string effectivePublicUrl(const GatewayConfig& config) {
  if (!config.auth.publicUrl.empty()) {
    return config.auth.publicUrl;
  }
  const std::string& host = config.server.host;
  const bool ipv6 = host.find(':') != std::string::npos;
  return std::string(kHttp) + (ipv6 ? "[" + host + "]" : host) + ":" + std::to_string(config.server.port);
}

bool isHttpsUrl(std::string_view publicUrl) {
  return publicUrl.substr(0, kHttps.size()) == kHttps;
}

} // namespace gatehouse
