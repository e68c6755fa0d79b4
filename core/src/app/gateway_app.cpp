#include <gatehouse/admin/session_auth_step.hpp>
#include <gatehouse/admin/session_cookies.hpp>
#include <gatehouse/app/gateway_app.hpp>
#include <gatehouse/common/log.hpp>
#include <gatehouse/common/secret_reference.hpp>
#include <gatehouse/config/config_public_url.hpp>
#include <gatehouse/gateway/gateway_routes.hpp>
#include <gatehouse/gateway/plugin_provider.hpp>
#include <gatehouse/http/same_origin_guard.hpp>
#include <gatehouse/upstream/upstream_client_factory.hpp>

#include <ctime>
#include <stdexcept>

namespace gatehouse::app {
namespace {

// A config the upstream client cannot use is a start-up error like any other config
// error: one line that says which provider to fix.
std::shared_ptr<UpstreamClient> upstreamClientFor(const ProviderConfig& provider) {
  try {
    return makeUpstreamClient(provider.upstream, provider.name);
  } catch (const std::exception& e) {
    const std::string what = e.what();
    if (what.find(provider.name) != std::string::npos)
      throw std::runtime_error(what); // the factory's message already says which provider
    throw std::runtime_error("provider '" + provider.name + "': upstream: " + what);
  }
}

// Resolves every pooled key now, so a missing one stops the start with one line that
// names the provider and the credential (resolveSecret also registers each value with
// the redactor). Null when the provider has no pool.
std::unique_ptr<gateway::CredentialPool> credentialPoolFor(const ProviderConfig& provider) {
  if (provider.credentials.empty())
    return nullptr;
  std::vector<gateway::CredentialPool::Credential> credentials;
  for (const ProviderCredentialConfig& credential : provider.credentials) {
    std::string secret, error;
    if (resolveSecret(credential.apiKeyRef, secret, error) != GH_OK)
      throw std::runtime_error("provider '" + provider.name + "': credential '" + credential.name +
                               "': " + error);
    credentials.push_back({credential.name, std::move(secret), credential.weight});
  }
  return std::make_unique<gateway::CredentialPool>(provider.name, std::move(credentials));
}

HostServices hostServicesOf(const AppServices& services) {
  HostServices host = services.auth != nullptr ? services.auth->hostServices() : HostServices{};
  host.httpClients = makeUpstreamClient; // plugins' own HTTP (ABI 1.2 http_send)
  return host;
}

// The session cookie goes first: a browser request carrying it is decided by it alone.
// Without any auth plugin the gateway stays open (anonymous), so there is no step at all.
gateway::Authenticator makeAuthenticator(const GatewayConfig& config, const PluginHost& host,
                                         AuthServices* auth) {
  std::vector<gateway::Authenticator::Step> steps = gateway::Authenticator::stepsFor(host.authPlugins());
  if (auth != nullptr && !steps.empty())
    steps.insert(steps.begin(), admin::sessionAuthStep(auth->sessions()));
  return gateway::Authenticator(std::move(steps), config.auth.failedAuth);
}

} // namespace

GatewayApp::GatewayApp(GatewayConfig config, AppServices services)
    : config_(std::move(config)), services_(std::move(services)),
      host_(PluginHost::load(config_, hostServicesOf(services_))) {
  for (const ProviderConfig& provider : config_.providers) {
    std::shared_ptr<UpstreamClient> upstream = upstreamClientFor(provider);
    providers_[provider.name] = std::make_shared<gateway::PluginProvider>(
        host_->createProvider(provider), std::move(upstream), credentialPoolFor(provider));
  }
  catalog_ = std::make_unique<gateway::ModelCatalog>(config_.providers, providers_);
  authenticator_ = makeAuthenticator(config_, *host_, services_.auth);
  admission_ = gateway::Admission::fromPlugins(host_->billingPlugins());
  UsageSink* usage = services_.usage;
  if (!host_->billingPlugins().empty()) {
    // Pricing and recording call plugin code that may be slow: never on the request path.
    billing_ = std::make_unique<gateway::BillingUsageSink>(
        gateway::BillingUsageSink::billersFrom(host_->billingPlugins()), services_.usage,
        services_.billingQueueCapacity);
    usage = billing_.get();
  }
  pipeline_ = std::make_unique<gateway::ModelPipeline>(*catalog_, authenticator_, usage, &admission_);
  models_ = std::make_unique<gateway::ModelsEndpoint>(*catalog_, authenticator_,
                                                      static_cast<std::int64_t>(std::time(nullptr)));

  readiness_.addCheck("config", [this](std::string& why) {
    why = "no config loaded";
    return !config_.sourcePath.empty() || !config_.providers.empty();
  });
  readiness_.addCheck("plugins", [this](std::string& why) {
    why = "plugins or providers are not loaded";
    return host_ != nullptr && providers_.size() == config_.providers.size();
  });
  for (auto& [name, check] : services_.readinessChecks)
    readiness_.addCheck(name, check);
  if (services_.auth != nullptr) {
    AuthServices* auth = services_.auth;
    readiness_.addCheck("keys", [auth](std::string& why) { return auth->keysReady(why); });
  }

  server_ = std::make_unique<http::Server>(http::serverOptionsFrom(config_.server), buildRouter());
}

http::Router GatewayApp::buildRouter() {
  http::Router router = gateway::buildGatewayRouter(*pipeline_, *models_, readiness_);
  // Checked even without auth services (--check-config): a login_plugin that cannot sign
  // anyone in is a config error.
  const AuthPlugin* loginPlugin = admin::chooseLoginPlugin(host_->authPlugins(), config_.auth.loginPlugin);
  AuthServices* auth = services_.auth;
  if (auth == nullptr)
    return router;

  adminContext_ = std::make_unique<admin::AdminContext>(
      admin::AdminContext{auth->store(), auth->keys(), auth->sessions(), &auth->identities(), authenticator_,
                          store::currentTimeMs});
  admin::addAdminRoutes(router, *adminContext_);
  if (loginPlugin != nullptr)
    signInProvider_ = std::make_unique<admin::PluginSignInProvider>(*loginPlugin);
  signInContext_ = std::make_unique<admin::SignInContext>(
      admin::SignInContext{signInProvider_.get(), auth->sessions(), auth->identities(), auth->store(),
                           [this] { return publicUrl(); }});
  admin::addSignInRoutes(router, *signInContext_);
  // Every route, not only the admin ones: a browser carrying the session cookie must not
  // be made to spend on a model endpoint from another site either.
  const http::SameOriginGuard guard(std::string(admin::kSessionCookie), [this] { return publicUrl(); });
  return guard.wrapAll(router);
}

std::string GatewayApp::publicUrl() const {
  if (!config_.auth.publicUrl.empty())
    return config_.auth.publicUrl;
  GatewayConfig bound;
  bound.server.host = config_.server.host;
  bound.server.port = server_ != nullptr && server_->port() != 0 ? server_->port() : config_.server.port;
  return effectivePublicUrl(bound);
}

GatewayApp::~GatewayApp() {
  // The server's threads call into providers and plugins: stop it before they go.
  server_.reset();
  billing_.reset();
}

void GatewayApp::stopBilling(std::chrono::milliseconds timeout) {
  if (billing_ == nullptr)
    return;
  billing_->stop(timeout);
  const gateway::BillingSinkStats stats = billing_->stats();
  log::info("app", "billing stopped: " + std::to_string(stats.priced) + " priced, " +
                       std::to_string(stats.unpriced) + " unpriced, " + std::to_string(stats.bypassed) +
                       " passed on unpriced, " + std::to_string(stats.pluginFailures) + " plugin failures");
}

void GatewayApp::start() {
  server_->start();
}

bool GatewayApp::shutdown(std::chrono::milliseconds grace) {
  readiness_.markShuttingDown();
  server_->stopAccepting();
  const int inFlightNow = server_->inFlight();
  log::info("app", "shutting down: stopped accepting; " + std::to_string(inFlightNow) +
                       " request(s) in flight, grace period " + std::to_string(grace.count()) + " ms");
  if (!server_->waitForIdle(grace)) {
    log::warn("app", "grace period ended with " + std::to_string(server_->inFlight()) +
                         " request(s) still in flight; exiting without them");
    return false;
  }
  server_->stop();
  log::info("app", "all requests finished; stopped");
  return true;
}

} // namespace gatehouse::app
