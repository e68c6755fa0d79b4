// A client's HTTP request for an auth plugin's unit test.
#pragma once

#include <gatehouse/plugin_abi.h>

#include <cctype>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gatehouse::testing {

class FakeRequest {
public:
  // Adds a header; names compare case-insensitively, as HTTP's do. The first match wins.
  FakeRequest& setHeader(std::string name, std::string value) {
    headers_.emplace_back(std::move(name), std::move(value));
    return *this;
  }
  FakeRequest& setMethod(std::string method) {
    method_ = std::move(method);
    return *this;
  }
  FakeRequest& setPath(std::string path) {
    path_ = std::move(path);
    return *this;
  }
  FakeRequest& setClientAddress(std::string address) {
    clientAddress_ = std::move(address);
    return *this;
  }

  // Empty when absent, as request_header promises.
  std::string_view header(std::string_view name) const {
    for (const auto& [key, value] : headers_) {
      if (equalsIgnoringCase(key, name)) {
        return value;
      }
    }
    return {};
  }
  const std::string& method() const { return method_; }
  const std::string& path() const { return path_; }
  const std::string& clientAddress() const { return clientAddress_; }

  gh_request* handle() { return reinterpret_cast<gh_request*>(this); }
  static const FakeRequest& from(gh_request* request) { return *reinterpret_cast<FakeRequest*>(request); }

private:
  static bool equalsIgnoringCase(std::string_view a, std::string_view b) {
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

  std::vector<std::pair<std::string, std::string>> headers_;
  std::string method_ = "POST";
  std::string path_ = "/v1/chat/completions";
  std::string clientAddress_ = "127.0.0.1";
};

} // namespace gatehouse::testing
