#include <gatehouse/common/ascii_text.hpp>
#include <gatehouse/gateway/credential_headers.hpp>
#include <gatehouse/gateway/header_parameters.hpp>

#include <array>

namespace gatehouse::gateway {

bool isCredentialHeader(std::string_view name) {
  static constexpr std::array<std::string_view, 6> kCredentialHeaders = {
      "authorization", "proxy-authorization", "cookie", "x-api-key", "x-goog-api-key", "api-key"};
  for (const std::string_view credential : kCredentialHeaders) {
    if (ascii::equalsIgnoreCase(name, credential))
      return true;
  }
  return false;
}

} // namespace gatehouse::gateway
