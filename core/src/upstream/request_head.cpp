#include <gatehouse/common/ascii_text.hpp>
#include <gatehouse/upstream/request_head.hpp>
#include <gatehouse/upstream/response_head.hpp>

#include <algorithm>
#include <array>
#include <charconv>

namespace gatehouse {
namespace {

constexpr std::array<std::string_view, 4> kHostOwnedHeaders = {"host", "content-length", "connection",
                                                               "transfer-encoding"};

bool isToken(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
  });
}

bool isFieldValue(std::string_view value) {
  return std::none_of(value.begin(), value.end(), [](char c) { return c == '\r' || c == '\n' || c == '\0'; });
}

bool methodHasBody(std::string_view method) {
  return method == "POST" || method == "PUT" || method == "PATCH";
}

} // namespace

std::string checkRequest(const UpstreamRequest& request) {
  if (!isToken(request.method)) {
    return "invalid HTTP method";
  }
  for (const auto& [name, value] : request.headers) {
    if (!isToken(name)) {
      return "invalid header name";
    }
    for (std::string_view owned : kHostOwnedHeaders) {
      if (ascii::equalsIgnoreCase(name, owned)) {
        return "header " + std::string(name) + " is set by the host; a plugin must not set it";
      }
    }
    if (!isFieldValue(value)) {
      return "header " + std::string(name) + " has a line break or NUL in its value";
    }
  }
  return "";
}

std::size_t bodyLength(const UpstreamRequest& request) {
  std::size_t total = 0;
  for (std::string_view part : request.bodyParts) {
    total += part.size();
  }
  return total;
}

void writeRequestHead(const UpstreamRequest& request, const UpstreamUrl& url, bool absoluteForm,
                      std::string_view proxyAuthorization, std::string& out) {
  out.clear();
  out.append(request.method).push_back(' ');
  if (absoluteForm) {
    out.append("http://").append(url.hostField);
    if (!url.defaultPort) {
      out.push_back(':');
      out.append(std::to_string(url.port));
    }
  }
  out.append(url.target).append(" HTTP/1.1\r\nHost: ").append(url.hostField);
  if (!url.defaultPort) {
    char port[8];
    const auto end = std::to_chars(port, port + sizeof port, url.port).ptr;
    out.push_back(':');
    out.append(port, end);
  }
  out.append("\r\n");
  bool acceptEncoding = false;
  for (const auto& [name, value] : request.headers) {
    out.append(name).append(": ").append(value).append("\r\n");
    acceptEncoding = acceptEncoding || ascii::equalsIgnoreCase(name, "accept-encoding");
  }
  if (!acceptEncoding) {
    // Bodies are handed to plugins as they arrive; nothing here inflates gzip.
    out.append("Accept-Encoding: identity\r\n");
  }
  if (!request.bodyParts.empty() || methodHasBody(request.method)) {
    char length[24];
    const auto end = std::to_chars(length, length + sizeof length, bodyLength(request)).ptr;
    out.append("Content-Length: ").append(length, end).append("\r\n");
  }
  if (absoluteForm) {
    out.append(proxyAuthorization);
  }
  out.append("Connection: keep-alive\r\n\r\n");
}

} // namespace gatehouse
