// The TLS settings of one provider's upstream connections: trust anchors, verification and
// the host name check POCO would skip for loopback addresses.
#pragma once

#include <Poco/Net/Context.h>
#include <Poco/Net/SecureStreamSocket.h>

#include <string>
#include <string_view>

namespace gatehouse {

class TlsClientContext {
public:
  // verify: check the chain against `caFile` (a PEM bundle) or, when empty, the system's
  // CAs, and the host name; !verify: accept any certificate (test rigs only). Throws
  // std::runtime_error when the CA file cannot be used.
  TlsClientContext(bool verify, const std::string& caFile);

  const Poco::Net::Context::Ptr& context() const { return context_; }
  bool verifies() const { return verify_; }

  // Call right before a handshake on this thread; afterwards verifyFailure() says why the
  // chain was refused ("unable to get local issuer certificate"), empty when it was not.
  static void clearVerifyFailure();
  static std::string_view verifyFailure();

  // Empty when the peer's certificate names `host` (a DNS name or an IP address, RFC 6125
  // rules as OpenSSL implements them), otherwise why not.
  std::string checkHostName(const Poco::Net::SecureStreamSocket& socket, std::string_view host) const;

private:
  bool verify_;
  Poco::Net::Context::Ptr context_;
};

} // namespace gatehouse
