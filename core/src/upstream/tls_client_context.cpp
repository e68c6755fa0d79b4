#include <gatehouse/upstream/tls_client_context.hpp>

#include <Poco/Net/SSLException.h>
#include <Poco/Net/X509Certificate.h>

#include <fstream>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>
#include <stdexcept>

namespace gatehouse {
namespace {

// Handshakes run on the calling thread, so the reason the chain was refused can be handed
// from OpenSSL's callback to the code that reports the failure through a thread_local.
thread_local const char* tVerifyFailure = nullptr;

// Replaces POCO's callback, which would route failures to SSLManager's invalid-certificate
// handler (a console prompt, or an "accept anyway" handler someone else installed):
// OpenSSL's own verdict is final here.
int recordVerifyResult(int preverified, X509_STORE_CTX* store) {
  if (preverified == 0 && tVerifyFailure == nullptr) {
    tVerifyFailure = X509_verify_cert_error_string(X509_STORE_CTX_get_error(store));
  }
  return preverified;
}

bool isIpAddress(std::string_view host) {
  return host.find(':') != std::string_view::npos ||
         host.find_first_not_of("0123456789.") == std::string_view::npos;
}

} // namespace

TlsClientContext::TlsClientContext(bool verify, const std::string& caFile) : verify_(verify) {
  if (verify && !caFile.empty() && !std::ifstream(caFile).good()) {
    throw std::runtime_error("cannot read ca_file " + caFile);
  }
  Poco::Net::Context::Params params;
  params.verificationMode = verify ? Poco::Net::Context::VERIFY_STRICT : Poco::Net::Context::VERIFY_NONE;
  params.loadDefaultCAs = verify && caFile.empty();
  params.caLocation = verify ? caFile : std::string();
  params.cipherList = "DEFAULT";
  try {
    context_ = new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, params);
  } catch (const Poco::Exception& error) {
    throw std::runtime_error("cannot use ca_file " + caFile + ": " + error.displayText());
  }
  context_->requireMinimumProtocol(Poco::Net::Context::PROTO_TLSV1_2);
  // POCO's own host check skips loopback names and resolves certificate names through
  // DNS; checkHostName does it properly instead.
  context_->enableExtendedCertificateVerification(false);
  SSL_CTX_set_verify(context_->sslContext(), verify ? SSL_VERIFY_PEER : SSL_VERIFY_NONE,
                     verify ? &recordVerifyResult : nullptr);
}

void TlsClientContext::clearVerifyFailure() {
  tVerifyFailure = nullptr;
}

std::string_view TlsClientContext::verifyFailure() {
  return tVerifyFailure == nullptr ? std::string_view() : std::string_view(tVerifyFailure);
}

std::string TlsClientContext::checkHostName(const Poco::Net::SecureStreamSocket& socket,
                                            std::string_view host) const {
  if (!verify_) {
    return "";
  }
  if (!socket.havePeerCertificate()) {
    return "the server sent no certificate";
  }
  const Poco::Net::X509Certificate certificate = socket.peerCertificate();
  // OpenSSL takes a non-const X509* but only reads it.
  X509* x509 = const_cast<X509*>(certificate.certificate());
  const std::string name(host);
  const int matched = isIpAddress(name) ? X509_check_ip_asc(x509, name.c_str(), 0)
                                        : X509_check_host(x509, name.data(), name.size(), 0, nullptr);
  if (matched == 1) {
    return "";
  }
  return "the certificate is not valid for " + name;
}

} // namespace gatehouse
