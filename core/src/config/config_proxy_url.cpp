#include <gatehouse/config/config_proxy_url.hpp>

#include <charconv>

namespace gatehouse {

std::optional<ProxyAddress> parseProxyUrl(std::string_view url) {
  constexpr std::string_view kScheme = "http://";
  if (url.substr(0, kScheme.size()) != kScheme) {
    return std::nullopt;
  }
  std::string_view authority = url.substr(kScheme.size());
  if (!authority.empty() && authority.back() == '/') {
    authority.remove_suffix(1);
  }
  if (authority.find_first_of("/?#@ \t") != std::string_view::npos) {
    return std::nullopt;
  }
  ProxyAddress address;
  std::string_view portText;
  if (!authority.empty() && authority.front() == '[') {
    const std::size_t close = authority.find(']');
    if (close == std::string_view::npos || close + 1 >= authority.size() || authority[close + 1] != ':') {
      return std::nullopt;
    }
    address.host = std::string(authority.substr(1, close - 1));
    portText = authority.substr(close + 2);
  } else {
    const std::size_t colon = authority.rfind(':');
    if (colon == std::string_view::npos) {
      return std::nullopt;
    }
    address.host = std::string(authority.substr(0, colon));
    portText = authority.substr(colon + 1);
    if (address.host.find(':') != std::string::npos) {
      return std::nullopt; // an IPv6 literal needs brackets
    }
  }
  unsigned port = 0;
  const auto [end, error] = std::from_chars(portText.data(), portText.data() + portText.size(), port);
  if (address.host.empty() || portText.empty() || error != std::errc() ||
      end != portText.data() + portText.size() || port == 0 || port > 65535) {
    return std::nullopt;
  }
  address.port = static_cast<std::uint16_t>(port);
  return address;
}

} // namespace gatehouse
