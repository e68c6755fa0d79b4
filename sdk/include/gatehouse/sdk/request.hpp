// A client's HTTP request as an auth plugin sees it (read-only). Valid only during the
// call it was handed to; every view it returns is owned by the host and valid as long.
#pragma once

#include <gatehouse/plugin_abi.h>
#include <gatehouse/sdk/str.hpp>

#include <string_view>

namespace gatehouse::sdk {

class Request {
public:
  Request(const gh_host_api& api, gh_request* request) noexcept : api_(&api), request_(request) {}

  // Case-insensitive name; empty when the header is absent.
  std::string_view header(std::string_view name) const noexcept {
    return view(api_->request_header(request_, ghStr(name)));
  }
  std::string_view method() const noexcept { return view(api_->request_method(request_)); }
  // Without the query string, e.g. "/v1/chat/completions".
  std::string_view path() const noexcept { return view(api_->request_path(request_)); }
  std::string_view clientAddress() const noexcept { return view(api_->request_client_address(request_)); }

  gh_request* handle() const noexcept { return request_; }

private:
  const gh_host_api* api_;
  gh_request* request_;
};

} // namespace gatehouse::sdk
