#include <gatehouse/gateway/gateway_routes.hpp>
#include <gatehouse/gateway/health_endpoints.hpp>

namespace gatehouse::gateway {

http::Router buildGatewayRouter(const ChatPipeline& chat, const ModelsEndpoint& models,
                                const Readiness& readiness) {
  using http::BodyPolicy;
  using http::IncomingRequest;
  using http::ResponseSink;
  http::Router router;
  router.add({"GET", "/healthz", BodyPolicy::None, &serveHealthz});
  router.add({"GET", "/readyz", BodyPolicy::None,
              [&readiness](IncomingRequest&, ResponseSink& response) { serveReadyz(readiness, response); }});
  router.add(
      {"GET", "/v1/models", BodyPolicy::None,
       [&models](IncomingRequest& request, ResponseSink& response) { models.serve(request, response); }});
  router.add({"POST", "/v1/chat/completions", BodyPolicy::Json,
              [&chat](IncomingRequest& request, ResponseSink& response) { chat.serve(request, response); }});
  return router;
}

} // namespace gatehouse::gateway
