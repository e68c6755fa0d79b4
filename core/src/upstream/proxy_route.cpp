#include <gatehouse/common/secret_reference.hpp>
#include <gatehouse/config/config_proxy_url.hpp>
#include <gatehouse/upstream/proxy_route.hpp>

#include <algorithm>
#include <stdexcept>

namespace gatehouse {
namespace {

std::string lowerCase(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
  return out;
}

std::string base64(std::string_view bytes) {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const unsigned n = static_cast<unsigned char>(bytes[i]) << 16 |
                       static_cast<unsigned char>(bytes[i + 1]) << 8 |
                       static_cast<unsigned char>(bytes[i + 2]);
    out.push_back(kAlphabet[(n >> 18) & 63]);
    out.push_back(kAlphabet[(n >> 12) & 63]);
    out.push_back(kAlphabet[(n >> 6) & 63]);
    out.push_back(kAlphabet[n & 63]);
  }
  if (i + 1 == bytes.size()) {
    const unsigned n = static_cast<unsigned char>(bytes[i]) << 16;
    out.push_back(kAlphabet[(n >> 18) & 63]);
    out.push_back(kAlphabet[(n >> 12) & 63]);
    out.append("==");
  } else if (i + 2 == bytes.size()) {
    const unsigned n = static_cast<unsigned char>(bytes[i]) << 16 | static_cast<unsigned char>(bytes[i + 1])
                                                                        << 8;
    out.push_back(kAlphabet[(n >> 18) & 63]);
    out.push_back(kAlphabet[(n >> 12) & 63]);
    out.push_back(kAlphabet[(n >> 6) & 63]);
    out.push_back('=');
  }
  return out;
}

} // namespace

ProxyRoute::ProxyRoute(const UpstreamConfig& config) {
  if (config.proxy.empty()) {
    return;
  }
  const auto address = parseProxyUrl(config.proxy);
  if (!address) {
    throw std::runtime_error("upstream.proxy must be \"http://host:port\"");
  }
  host_ = address->host;
  port_ = address->port;
  label_ = "proxy " + (host_.find(':') != std::string::npos ? "[" + host_ + "]" : host_) + ":" +
           std::to_string(port_);
  for (const std::string& entry : config.noProxy) {
    noProxy_.push_back(lowerCase(entry));
  }
  if (config.proxyUser.empty()) {
    return;
  }
  std::string password;
  if (!config.proxyPasswordRef.empty()) {
    std::string error;
    if (resolveSecret(config.proxyPasswordRef, password, error) != GH_OK) {
      throw std::runtime_error("upstream.proxy_password: " + error);
    }
  }
  std::string credentials = config.proxyUser + ":" + password;
  authorizationLine_ = "Proxy-Authorization: Basic " + base64(credentials) + "\r\n";
  std::fill(credentials.begin(), credentials.end(), '\0');
  std::fill(password.begin(), password.end(), '\0');
}

bool ProxyRoute::bypasses(std::string_view host) const {
  if (!enabled()) {
    return true;
  }
  if (noProxy_.empty()) {
    return false;
  }
  const std::string name = lowerCase(host);
  for (const std::string& entry : noProxy_) {
    if (entry == "*") {
      return true;
    }
    const std::string_view domain = entry.front() == '.' ? std::string_view(entry).substr(1) : entry;
    if (name == domain) {
      return true;
    }
    if (entry.front() == '.' && name.size() > entry.size() &&
        std::string_view(name).substr(name.size() - entry.size()) == entry) {
      return true;
    }
  }
  return false;
}

} // namespace gatehouse
