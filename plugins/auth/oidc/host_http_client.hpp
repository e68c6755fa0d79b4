// The plugin's HttpClient: requests go out through the host (Host::send), which applies
// plugins[].upstream (TLS verification, ca_file, proxy, timeouts).
#pragma once

#include <gatehouse/sdk/host.hpp>

#include "http_client.hpp"

namespace gatehouse::plugins::oidc {

class HostHttpClient final : public HttpClient {
public:
  explicit HostHttpClient(const sdk::Host& host) : host_(host) {}

  HttpResponse send(const sdk::UpstreamRequest& request) override {
    sdk::Upstream upstream = host_.send(request);
    HttpResponse response;
    response.status = upstream.status();
    response.contentType = std::string(upstream.header("Content-Type"));
    response.body = upstream.readBody();
    return response; // the Upstream closes itself, as http_send requires of the plugin
  }

private:
  const sdk::Host& host_;
};

} // namespace gatehouse::plugins::oidc
