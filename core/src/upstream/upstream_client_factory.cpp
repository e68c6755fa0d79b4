#include <gatehouse/upstream/pooled_upstream_client.hpp>
#include <gatehouse/upstream/upstream_client_factory.hpp>

#include <csignal>
#include <mutex>
#include <stdexcept>

namespace gatehouse {
namespace {

// OpenSSL writes to its socket without MSG_NOSIGNAL, so an upstream that closed its side
// would kill the process with SIGPIPE. Only a default disposition is changed: a handler
// someone installed on purpose stays.
void ignoreSigpipe() {
  static std::once_flag once;
  std::call_once(once, [] {
    struct sigaction current {};
    if (sigaction(SIGPIPE, nullptr, &current) == 0 && current.sa_handler == SIG_DFL) {
      std::signal(SIGPIPE, SIG_IGN);
    }
  });
}

} // namespace

std::shared_ptr<UpstreamClient> makeUpstreamClient(const UpstreamConfig& config, std::string providerName) {
  ignoreSigpipe();
  try {
    return std::make_shared<PooledUpstreamClient>(config, providerName);
  } catch (const std::runtime_error& error) {
    throw std::runtime_error("provider " + providerName + ": " + error.what());
  }
}

} // namespace gatehouse
