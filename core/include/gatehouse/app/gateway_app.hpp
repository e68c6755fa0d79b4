// The running gateway: plugins, providers, routing, endpoints and the HTTP server,
// built from one config and torn down in the right order.
#pragma once

#include <gatehouse/admin/admin_api.hpp>
#include <gatehouse/admin/sign_in_routes.hpp>
#include <gatehouse/app/auth_services.hpp>
#include <gatehouse/config/config.hpp>
#include <gatehouse/gateway/admission.hpp>
#include <gatehouse/gateway/authenticator.hpp>
#include <gatehouse/gateway/billing_usage_sink.hpp>
#include <gatehouse/gateway/model_catalog.hpp>
#include <gatehouse/gateway/model_pipeline.hpp>
#include <gatehouse/gateway/models_endpoint.hpp>
#include <gatehouse/gateway/readiness.hpp>
#include <gatehouse/http/server.hpp>
#include <gatehouse/plugin_host/plugin_host.hpp>
#include <gatehouse/usage/usage_sink.hpp>

#include <chrono>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace gatehouse::app {

// What main wires in from outside the request path: where usage goes (the store's
// sink), readiness checks beyond "config" and "plugins" (e.g. {"store", ...}), and the
// auth services. With `auth`, plugins get credential_find and identity_resolve, the
// session cookie authenticates (when any auth plugin is configured), and the admin API,
// the sign-in routes and the "keys" readiness check are served.
struct AppServices {
  UsageSink* usage = nullptr;
  AuthServices* auth = nullptr;
  std::size_t billingQueueCapacity = 65536; // events waiting for the billing plugins
  std::vector<std::pair<std::string, gateway::Readiness::Check>> readinessChecks;
};

class GatewayApp {
public:
  // Loads the plugins (config.pluginDir must already be resolved) and creates every
  // provider with its own upstream client. Throws PluginLoadError or std::runtime_error
  // with a one-line message (naming the provider when its upstream settings are unusable,
  // or auth.login_plugin when it names no plugin that offers sign-in).
  GatewayApp(GatewayConfig config, AppServices services);
  ~GatewayApp();
  GatewayApp(const GatewayApp&) = delete;
  GatewayApp& operator=(const GatewayApp&) = delete;

  std::size_t pluginCount() const { return host_->pluginCount(); }
  std::size_t providerCount() const { return providers_.size(); }
  std::size_t modelCount() const { return catalog_->modelCount(); }

  // Binds and serves. Throws std::runtime_error (e.g. the port is in use).
  void start();
  std::uint16_t port() const { return server_->port(); }
  const std::string& host() const { return config_.server.host; }
  // Where browsers reach the gateway: auth.public_url, else http://host:port with the
  // port actually bound.
  std::string publicUrl() const;

  // Graceful stop: not ready, stop accepting, let in-flight requests (streams
  // included) finish within `grace`, close idle connections. False when the grace
  // period ended with requests still running (the caller then exits without waiting).
  bool shutdown(std::chrono::milliseconds grace);
  int inFlight() const { return server_->inFlight(); }

  // After shutdown(): lets the billing plugins price and record what is queued until the
  // deadline and forwards everything to services.usage (the rest unpriced). Requests still
  // running afterwards hand their usage straight to services.usage. No-op without billing
  // plugins.
  void stopBilling(std::chrono::milliseconds timeout);
  bool billingInstalled() const { return billing_ != nullptr; }

private:
  http::Router buildRouter();

  GatewayConfig config_;
  AppServices services_;
  std::unique_ptr<PluginHost> host_;
  gateway::ModelCatalog::ProviderMap providers_;
  std::unique_ptr<gateway::ModelCatalog> catalog_;
  gateway::Authenticator authenticator_;
  gateway::Admission admission_;
  // Declared after host_: destroyed (its thread joined) before the plugins are unloaded.
  std::unique_ptr<gateway::BillingUsageSink> billing_;
  std::unique_ptr<gateway::ModelPipeline> pipeline_;
  std::unique_ptr<gateway::ModelsEndpoint> models_;
  gateway::Readiness readiness_;
  // With services.auth: the admin API's and the sign-in routes' wiring (the routes keep
  // references to these).
  std::unique_ptr<admin::AdminContext> adminContext_;
  std::unique_ptr<admin::PluginSignInProvider> signInProvider_;
  std::unique_ptr<admin::SignInContext> signInContext_;
  std::unique_ptr<http::Server> server_;
};

} // namespace gatehouse::app
