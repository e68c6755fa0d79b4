#include <gatehouse/app/auth_services.hpp>
#include <gatehouse/common/log.hpp>

#include <exception>

namespace gatehouse::app {
namespace {

auth::KeyDirectoryOptions keyOptions(const AuthConfig& config) {
  auth::KeyDirectoryOptions options;
  options.refreshInterval = std::chrono::milliseconds(config.keyRefreshMs);
  return options;
}

auth::SessionOptions sessionOptions(const AuthConfig& config) {
  auth::SessionOptions options;
  options.lifetime = std::chrono::seconds(config.sessionLifetimeSeconds);
  options.cacheTtl = std::chrono::milliseconds(config.sessionCacheMs);
  return options;
}

} // namespace

AuthServices::AuthServices(store::Store& store, const AuthConfig& config)
    : store_(store), keys_(store, keyOptions(config)), identities_(store, auth::IdentityDirectoryOptions{}),
      sessions_(store, sessionOptions(config)), sweeper_("gh-session-sweep", [this] { sweep(); }, kSweepInterval) {
}

AuthServices::~AuthServices() {
  stop();
}

void AuthServices::start() {
  keys_.start();
  sweeper_.start();
}

void AuthServices::stop() {
  sweeper_.stop();
  keys_.stop();
}

bool AuthServices::keysReady(std::string& why) const {
  if (keys_.lastRefreshMs() > 0)
    return true;
  why = "API keys are not loaded yet";
  return false;
}

void AuthServices::sweep() {
  try {
    sessions_.sweep();
  } catch (const std::exception& error) {
    // Expired sessions are refused on lookup anyway; sweeping only keeps the table small,
    // so the next minute's attempt is soon enough.
    log::warn("auth", std::string("deleting expired sessions failed: ") + error.what());
  }
}

} // namespace gatehouse::app
