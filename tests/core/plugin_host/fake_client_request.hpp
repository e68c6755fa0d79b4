// A ClientRequest with fixed headers (matched case-insensitively, as the real one does).
#pragma once

#include <gatehouse/plugin_host/exchange.hpp>

#include <algorithm>
#include <cctype>
#include <map>
#include <stdexcept>
#include <string>

namespace gatehouse::host_testing {

class FakeClientRequest : public ClientRequest {
public:
  std::map<std::string, std::string> headers; // keys in lower case
  std::string methodValue = "POST";
  std::string pathValue = "/v1/chat/completions";
  std::string queryValue;
  std::string address = "127.0.0.1";
  bool throwEverywhere = false;
  mutable std::string lastHeaderAsked;

  std::string_view header(std::string_view name) const override {
    failIfAsked();
    lastHeaderAsked = name;
    std::string key(name);
    std::transform(key.begin(), key.end(), key.begin(), [](unsigned char c) { return std::tolower(c); });
    const auto found = headers.find(key);
    return found == headers.end() ? std::string_view() : std::string_view(found->second);
  }
  std::string_view method() const override {
    failIfAsked();
    return methodValue;
  }
  std::string_view path() const override {
    failIfAsked();
    return pathValue;
  }
  std::string_view query() const override {
    failIfAsked();
    return queryValue;
  }
  std::string_view clientAddress() const override {
    failIfAsked();
    return address;
  }

private:
  void failIfAsked() const {
    if (throwEverywhere) {
      throw std::runtime_error("request failed");
    }
  }
};

} // namespace gatehouse::host_testing
