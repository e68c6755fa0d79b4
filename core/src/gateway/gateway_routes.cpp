#include <gatehouse/gateway/gateway_routes.hpp>
#include <gatehouse/gateway/health_endpoints.hpp>

namespace gatehouse::gateway {
namespace {

struct ModelEndpointRoute {
  const char* path;
  gh_endpoint endpoint;
  http::BodyPolicy body;
};

constexpr ModelEndpointRoute kModelEndpoints[] = {
    {"/v1/chat/completions", GH_ENDPOINT_CHAT_COMPLETIONS, http::BodyPolicy::Json},
    {"/v1/embeddings", GH_ENDPOINT_EMBEDDINGS, http::BodyPolicy::Json},
    {"/v1/images/generations", GH_ENDPOINT_IMAGES, http::BodyPolicy::Json},
    {"/v1/audio/speech", GH_ENDPOINT_AUDIO_SPEECH, http::BodyPolicy::Json},
    {"/v1/audio/transcriptions", GH_ENDPOINT_AUDIO_TRANSCRIPTION, http::BodyPolicy::Multipart},
};

} // namespace

http::Router buildGatewayRouter(const ModelPipeline& pipeline, const ModelsEndpoint& models,
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
  for (const ModelEndpointRoute& route : kModelEndpoints) {
    const gh_endpoint endpoint = route.endpoint;
    router.add({"POST", route.path, route.body,
                [&pipeline, endpoint](IncomingRequest& request, ResponseSink& response) {
                  pipeline.serve(endpoint, request, response);
                }});
  }
  return router;
}

} // namespace gatehouse::gateway
