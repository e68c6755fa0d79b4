// multipart/form-data for provider tests: FakeMultipartForm writes a body the way client
// libraries do, and multipartField finds a part's value the way exchange_form_field does
// (a view INTO the body, so a plugin can forward the body around it).
#pragma once

#include <cctype>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gatehouse::testing {

class FakeMultipartForm {
public:
  explicit FakeMultipartForm(std::string boundary = "----gatehouse-test-boundary-7MA4YWxkTrZu0gW")
      : boundary_(std::move(boundary)) {}

  FakeMultipartForm& field(std::string_view name, std::string_view value) {
    body_ += "--" + boundary_ + "\r\nContent-Disposition: form-data; name=\"" + std::string(name) +
             "\"\r\n\r\n" + std::string(value) + "\r\n";
    return *this;
  }
  FakeMultipartForm& file(std::string_view name, std::string_view filename, std::string_view contentType,
                          std::string_view data) {
    body_ += "--" + boundary_ + "\r\nContent-Disposition: form-data; name=\"" + std::string(name) +
             "\"; filename=\"" + std::string(filename) + "\"\r\nContent-Type: " + std::string(contentType) +
             "\r\n\r\n" + std::string(data) + "\r\n";
    return *this;
  }

  std::string body() const { return body_ + "--" + boundary_ + "--\r\n"; }
  std::string contentType() const { return "multipart/form-data; boundary=" + boundary_; }

private:
  std::string boundary_;
  std::string body_;
};

namespace detail {

inline bool equalsIgnoringCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) {
    return false;
  }
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

// The value of parameter `name` in a header value such as `form-data; name="x"`.
inline std::optional<std::string_view> headerParameter(std::string_view value, std::string_view name) {
  std::size_t at = value.find(';');
  while (at != std::string_view::npos) {
    std::string_view rest = value.substr(at + 1);
    while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t')) {
      rest.remove_prefix(1);
    }
    const std::size_t equals = rest.find('=');
    if (equals != std::string_view::npos && equalsIgnoringCase(rest.substr(0, equals), name)) {
      std::string_view found = rest.substr(equals + 1);
      if (!found.empty() && found.front() == '"') {
        const std::size_t close = found.find('"', 1);
        return close == std::string_view::npos ? found.substr(1) : found.substr(1, close - 1);
      }
      return found.substr(0, found.find(';'));
    }
    const std::size_t next = rest.find(';');
    at = next == std::string_view::npos ? next : value.size() - rest.size() + next;
  }
  return std::nullopt;
}

} // namespace detail

// The content of the first part named `name`, or nullopt when there is none or the body
// is not multipart/form-data (by `contentType`).
inline std::optional<std::string_view> multipartField(std::string_view body, std::string_view contentType,
                                                      std::string_view name) {
  const std::size_t semicolon = contentType.find(';');
  std::string_view mediaType = contentType.substr(0, semicolon);
  while (!mediaType.empty() && mediaType.back() == ' ') {
    mediaType.remove_suffix(1);
  }
  if (!detail::equalsIgnoringCase(mediaType, "multipart/form-data")) {
    return std::nullopt;
  }
  const std::optional<std::string_view> boundary = detail::headerParameter(contentType, "boundary");
  if (!boundary || boundary->empty()) {
    return std::nullopt;
  }
  const std::string delimiter = "--" + std::string(*boundary);
  std::size_t at = body.find(delimiter);
  while (at != std::string_view::npos) {
    const std::size_t headersStart = at + delimiter.size();
    if (body.compare(headersStart, 2, "--") == 0) {
      return std::nullopt; // the closing delimiter
    }
    const std::size_t headersEnd = body.find("\r\n\r\n", headersStart);
    if (headersEnd == std::string_view::npos) {
      return std::nullopt;
    }
    const std::size_t contentStart = headersEnd + 4;
    const std::size_t next = body.find("\r\n" + delimiter, contentStart);
    if (next == std::string_view::npos) {
      return std::nullopt;
    }
    std::string_view headers = body.substr(headersStart, headersEnd - headersStart);
    while (!headers.empty()) {
      const std::size_t lineEnd = headers.find("\r\n");
      const std::string_view line = headers.substr(0, lineEnd);
      headers = lineEnd == std::string_view::npos ? std::string_view() : headers.substr(lineEnd + 2);
      const std::size_t colon = line.find(':');
      if (colon != std::string_view::npos &&
          detail::equalsIgnoringCase(line.substr(0, colon), "content-disposition") &&
          detail::headerParameter(line.substr(colon + 1), "name") == name) {
        return body.substr(contentStart, next - contentStart);
      }
    }
    at = next + 2;
  }
  return std::nullopt;
}

} // namespace gatehouse::testing
