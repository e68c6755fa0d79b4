#include "endpoints.hpp"
#include "event_relay.hpp"
#include "json_body.hpp"
#include "upstream_call.hpp"
#include "usage_json.hpp"

namespace gatehouse::plugins::openai {
namespace {

std::string_view requiredField(const sdk::Exchange& exchange, std::string_view name) {
  const std::string_view value = exchange.formField(name);
  if (value.data() == nullptr) {
    throw sdk::Error(GH_ERROR_INVALID_ARGUMENT,
                     "the multipart form needs a '" + std::string(name) + "' field");
  }
  return value;
}

void relayTranscriptionStream(const ProviderContext& context, sdk::Exchange& exchange,
                              sdk::Upstream& upstream) {
  gh_usage usage{};
  bool counted = false;
  relayEvents(
      context, exchange, upstream,
      [&](const rapidjson::Value& event) {
        if (memberObject(event, "usage") != nullptr) { // on "transcript.text.done"
          usage = gh_usage{};
          addTranscriptionUsage(event, usage);
          counted = true;
        }
        return EventVerdict::Forward;
      },
      [&] {
        if (counted) {
          exchange.reportUsage(usage);
        }
      });
}

} // namespace

void serveTranscription(const ProviderContext& context, sdk::Exchange& exchange) {
  const std::string_view body = exchange.requestBody();
  const std::string_view model = requiredField(exchange, "model");
  requiredField(exchange, "file");
  const std::string_view contentType = exchange.requestHeader("Content-Type");
  if (model.data() < body.data() || model.data() + model.size() > body.data() + body.size()) {
    throw sdk::Error(GH_ERROR_INTERNAL, "the host's form field does not point into the request body");
  }
  const auto modelAt = static_cast<std::size_t>(model.data() - body.data());
  const std::string upstreamModel(exchange.upstreamModel());

  sdk::UpstreamRequest request =
      postRequest(context, exchange, context.target.url("audio/transcriptions", upstreamModel),
                  std::string(contentType), {});
  // The upload is forwarded in place; only the model's value is swapped.
  request.bodyParts = {body.substr(0, modelAt), upstreamModel, body.substr(modelAt + model.size())};
  const bool stream = exchange.wantsStream() || exchange.formField("stream") == "true";
  if (stream) {
    request.headers.emplace_back("Accept", "text/event-stream");
  }
  sdk::Upstream upstream = exchange.send(request);
  if (answeredWithError(context, exchange, upstream)) {
    return;
  }
  const std::string_view answeredType = upstream.header("Content-Type");
  if (stream && hasMediaType(answeredType, "text/event-stream")) {
    relayTranscriptionStream(context, exchange, upstream);
    return;
  }
  // Every format passes through as it is. json and verbose_json carry usage; srt and vtt
  // at least tell how far the speech went; plain text tells nothing.
  const std::string answer = upstream.readBody();
  rapidjson::Document document;
  gh_usage usage{};
  if (parseJson(answer, document) && document.IsObject()) {
    addTranscriptionUsage(document, usage);
    exchange.reportUsage(usage);
  } else if ((usage.audio_milliseconds = subtitleEndMilliseconds(answer)) > 0) {
    exchange.reportUsage(usage);
  }
  exchange.respond(upstream.status(), answeredType.empty() ? "application/json" : answeredType, answer);
}

} // namespace gatehouse::plugins::openai
