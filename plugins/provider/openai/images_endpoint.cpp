#include "endpoints.hpp"
#include "event_relay.hpp"
#include "image_usage.hpp"
#include "json_body.hpp"
#include "json_util.hpp"
#include "upstream_call.hpp"
#include "usage_json.hpp"

namespace gatehouse::plugins::openai {
namespace {

// gpt-image-* streams partial images and one "image_generation.completed" event per
// image; the completed events carry the size, quality and token usage.
void relayImageStream(const ProviderContext& context, sdk::Exchange& exchange, sdk::Upstream& upstream,
                      const rapidjson::Value& request) {
  gh_usage usage{};
  addImageFacts(request, nullptr, exchange.upstreamModel(), usage);
  relayEvents(
      context, exchange, upstream,
      [&](const rapidjson::Value& event) {
        if (providers::stringMember(event, "type") == "image_generation.completed") {
          ++usage.images;
          addImageFacts(request, &event, exchange.upstreamModel(), usage);
          if (const rapidjson::Value* tokens = memberObject(event, "usage")) {
            gh_usage counted{};
            addTokenUsage(*tokens, counted);
            usage.prompt_tokens += counted.prompt_tokens;
            usage.completion_tokens += counted.completion_tokens;
          }
        }
        return EventVerdict::Forward;
      },
      [&] { exchange.reportUsage(usage); });
}

} // namespace

void serveImages(const ProviderContext& context, sdk::Exchange& exchange) {
  rapidjson::Document request = parseRequestBody(exchange.requestBody());
  const auto prompt = request.FindMember("prompt");
  if (prompt == request.MemberEnd() || !prompt->value.IsString()) {
    throw sdk::Error(GH_ERROR_INVALID_ARGUMENT, "'prompt' must be a string");
  }
  setModel(request, exchange.upstreamModel());
  sdk::UpstreamRequest call =
      postRequest(context, exchange, context.target.url("images/generations", exchange.upstreamModel()),
                  "application/json", providers::toJson(request));
  if (exchange.wantsStream()) {
    call.headers.emplace_back("Accept", "text/event-stream");
  }
  sdk::Upstream upstream = exchange.send(call);
  if (answeredWithError(context, exchange, upstream)) {
    return;
  }
  if (exchange.wantsStream()) {
    relayImageStream(context, exchange, upstream, request);
    return;
  }
  std::string body;
  const rapidjson::Document answer = readJsonAnswer(context, exchange, upstream, body);
  exchange.reportUsage(imageUsage(request, answer, exchange.upstreamModel()));
  exchange.respond(upstream.status(), "application/json", body);
}

} // namespace gatehouse::plugins::openai
