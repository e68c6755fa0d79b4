// ClientRequest (what auth plugins see) over a POCO server request.
#pragma once

#include <gatehouse/plugin_host/exchange.hpp>

#include <optional>
#include <string>

namespace Poco::Net {
class HTTPServerRequest;
}

namespace gatehouse::http {

class PocoClientRequest final : public ClientRequest {
public:
  PocoClientRequest(const Poco::Net::HTTPServerRequest& request, std::string_view path);

  std::string_view header(std::string_view name) const override;
  std::string_view method() const override;
  std::string_view path() const override { return path_; }
  std::string_view query() const override;
  std::string_view clientAddress() const override;

private:
  const Poco::Net::HTTPServerRequest& request_;
  std::string_view path_;
  // Formatted on first use: most requests never ask for it.
  mutable std::optional<std::string> clientAddress_;
};

} // namespace gatehouse::http
