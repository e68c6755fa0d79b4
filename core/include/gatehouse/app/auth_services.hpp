// Who-is-calling services of a running gateway, built from the store and the "auth"
// config block: the key directory (auth plugins' credential_find), the identity
// directory (identity_resolve and sign-in), and browser sessions, whose expired rows a
// background task deletes every minute.
#pragma once

#include <gatehouse/app/periodic_task.hpp>
#include <gatehouse/auth/identity_directory.hpp>
#include <gatehouse/auth/key_directory.hpp>
#include <gatehouse/auth/session_service.hpp>
#include <gatehouse/config/config.hpp>
#include <gatehouse/plugin_host/host_services.hpp>
#include <gatehouse/store/store.hpp>

#include <chrono>
#include <string>

namespace gatehouse::app {

class AuthServices {
public:
  static constexpr std::chrono::minutes kSweepInterval{1};

  // `store` must outlive this object.
  AuthServices(store::Store& store, const AuthConfig& config);
  ~AuthServices(); // stops the sweeper and the key refresher
  AuthServices(const AuthServices&) = delete;
  AuthServices& operator=(const AuthServices&) = delete;

  // Loads every API key (throws StoreError when the store is down), then starts the key
  // refresher and the session sweeper. Call before serving.
  void start();
  void stop();

  store::Store& store() { return store_; }
  auth::KeyDirectory& keys() { return keys_; }
  auth::IdentityDirectory& identities() { return identities_; }
  auth::SessionService& sessions() { return sessions_; }
  // For PluginHost::load: what credential_find and identity_resolve use.
  HostServices hostServices() { return HostServices{&keys_, &identities_, {}}; }

  // A gateway::Readiness::Check: the key directory has loaded.
  bool keysReady(std::string& why) const;

private:
  void sweep();

  store::Store& store_;
  auth::KeyDirectory keys_;
  auth::IdentityDirectory identities_;
  auth::SessionService sessions_;
  PeriodicTask sweeper_;
};

} // namespace gatehouse::app
