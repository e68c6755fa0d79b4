#include <gatehouse/upstream/upstream_url.hpp>

#include <cctype>
#include <charconv>

namespace gatehouse {
namespace {

bool startsWithIgnoreCase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) {
    return false;
  }
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    const char c = text[i] >= 'A' && text[i] <= 'Z' ? static_cast<char>(text[i] - 'A' + 'a') : text[i];
    if (c != prefix[i]) {
      return false;
    }
  }
  return true;
}

bool isHostChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
         c == '_';
}

// The request target goes into the request line as is: anything that could end or split
// that line is refused rather than escaped, since the plugin built the URL on purpose.
bool isTargetChar(char c) {
  return static_cast<unsigned char>(c) > 0x20 && c != 0x7f;
}

} // namespace

std::string UpstreamUrl::authority() const {
  std::string text(hostField);
  text.push_back(':');
  text.append(std::to_string(port));
  return text;
}

std::string UpstreamUrl::parse(std::string_view url, UpstreamUrl& out) {
  constexpr std::string_view kHttp = "http://";
  constexpr std::string_view kHttps = "https://";
  if (startsWithIgnoreCase(url, kHttps)) {
    out.tls = true;
    url.remove_prefix(kHttps.size());
  } else if (startsWithIgnoreCase(url, kHttp)) {
    out.tls = false;
    url.remove_prefix(kHttp.size());
  } else {
    return "expected an absolute http:// or https:// URL";
  }
  const std::size_t authorityEnd = url.find_first_of("/?#");
  const std::string_view authority = url.substr(0, authorityEnd);
  std::string_view rest =
      authorityEnd == std::string_view::npos ? std::string_view() : url.substr(authorityEnd);
  if (authority.find('@') != std::string_view::npos) {
    return "credentials in the URL are not supported";
  }
  std::string_view portText;
  if (!authority.empty() && authority.front() == '[') {
    const std::size_t close = authority.find(']');
    if (close == std::string_view::npos) {
      return "unterminated IPv6 address";
    }
    out.hostField = authority.substr(0, close + 1);
    out.host = authority.substr(1, close - 1);
    const std::string_view after = authority.substr(close + 1);
    if (!after.empty() && after.front() != ':') {
      return "invalid host";
    }
    portText = after.empty() ? std::string_view() : after.substr(1);
    for (char c : out.host) {
      if (!(std::isxdigit(static_cast<unsigned char>(c)) || c == ':' || c == '.')) {
        return "invalid host";
      }
    }
  } else {
    const std::size_t colon = authority.find(':');
    out.hostField = authority.substr(0, colon);
    out.host = out.hostField;
    portText = colon == std::string_view::npos ? std::string_view() : authority.substr(colon + 1);
    for (char c : out.host) {
      if (!isHostChar(c)) {
        return "invalid host";
      }
    }
  }
  if (out.host.empty()) {
    return "missing host";
  }
  const std::uint16_t schemePort = out.tls ? 443 : 80;
  out.port = schemePort;
  if (!portText.empty()) {
    unsigned port = 0;
    const auto [end, ec] = std::from_chars(portText.data(), portText.data() + portText.size(), port);
    if (ec != std::errc() || end != portText.data() + portText.size() || port == 0 || port > 65535) {
      return "invalid port";
    }
    out.port = static_cast<std::uint16_t>(port);
  }
  out.defaultPort = out.port == schemePort;
  rest = rest.substr(0, rest.find('#'));
  for (char c : rest) {
    if (!isTargetChar(c)) {
      return "the path or query holds a space or control character";
    }
  }
  out.target = rest.empty() || rest.front() == '?' ? std::string_view() : rest;
  if (out.target.empty()) {
    // "http://h?x" has an empty path: the request line needs "/?x". Views cannot add the
    // slash, so such a URL is refused; plugins always build a path.
    if (!rest.empty()) {
      return "a query needs a path (\"/?...\")";
    }
    out.target = "/";
  }
  return "";
}

} // namespace gatehouse
