#include "event_relay.hpp"

#include "json_body.hpp"
#include "upstream_call.hpp"
#include "upstream_error.hpp"

namespace gatehouse::plugins::openai {
namespace {

// Some servers answer "stream": true with a whole JSON body (often an error).
void requireEventStream(const ProviderContext& context, const sdk::Exchange& exchange,
                        sdk::Upstream& upstream) {
  const std::string_view contentType = upstream.header("Content-Type");
  if (contentType.empty() || hasMediaType(contentType, "text/event-stream")) {
    return;
  }
  const std::string what = std::string(contentType);
  const std::string body = upstream.readBody();
  rapidjson::Document document;
  std::string message = parseJson(body, document) ? errorMessageOf(document) : std::string();
  if (message.empty()) {
    message = "answered a stream request with " + what + " instead of an event stream";
  }
  throw sdk::Error(GH_ERROR_UPSTREAM, upstreamMessage(context.name, message, exchangeKey(context, exchange)));
}

// After "[DONE]" the body normally ends at once; reading that end lets the host keep the
// connection for the next request instead of closing it. Anything else is abandoned.
void readTheEnd(sdk::Upstream& upstream) {
  try {
    upstream.nextEvent();
  } catch (const sdk::Error&) {
    // The client has everything it needs; a broken tail changes nothing for it.
  }
}

} // namespace

void relayEvents(const ProviderContext& context, sdk::Exchange& exchange, sdk::Upstream& upstream,
                 const std::function<EventVerdict(const rapidjson::Value&)>& inspect,
                 const std::function<void()>& report) {
  bool reported = false;
  const auto finish = [&] {
    if (!reported) {
      reported = true;
      report();
    }
  };
  try {
    requireEventStream(context, exchange, upstream);
    while (const std::optional<sdk::SseEvent> event = upstream.nextEvent()) {
      if (event->data == "[DONE]") {
        finish();
        readTheEnd(upstream);
        return;
      }
      rapidjson::Document document;
      if (parseJson(event->data, document) && document.IsObject()) {
        const std::string error = errorMessageOf(document);
        if (!error.empty()) {
          throw sdk::Error(GH_ERROR_UPSTREAM,
                           upstreamMessage(context.name, error, exchangeKey(context, exchange)));
        }
        if (inspect(document) == EventVerdict::Drop) {
          continue;
        }
      }
      if (!exchange.streamEvent(event->data)) {
        break; // the client went away: closing the upstream stops it
      }
    }
  } catch (...) {
    finish();
    throw;
  }
  finish();
}

} // namespace gatehouse::plugins::openai
