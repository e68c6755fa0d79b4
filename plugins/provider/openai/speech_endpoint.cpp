#include <cstdint>

#include "endpoints.hpp"
#include "json_body.hpp"
#include "json_util.hpp"
#include "upstream_call.hpp"

namespace gatehouse::plugins::openai {
namespace {

// Unicode code points of UTF-8 text: every byte but the continuation bytes 10xxxxxx.
std::int64_t codePoints(std::string_view text) {
  std::int64_t count = 0;
  for (const char c : text) {
    count += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  }
  return count;
}

} // namespace

void serveSpeech(const ProviderContext& context, sdk::Exchange& exchange) {
  rapidjson::Document request = parseRequestBody(exchange.requestBody());
  const auto input = request.FindMember("input");
  if (input == request.MemberEnd() || !input->value.IsString()) {
    throw sdk::Error(GH_ERROR_INVALID_ARGUMENT, "'input' must be a string");
  }
  if (!request.HasMember("voice")) {
    throw sdk::Error(GH_ERROR_INVALID_ARGUMENT, "'voice' is required");
  }
  gh_usage usage{};
  usage.characters = codePoints(std::string_view(input->value.GetString(), input->value.GetStringLength()));
  setModel(request, exchange.upstreamModel());
  sdk::Upstream upstream = exchange.send(
      postRequest(context, exchange, context.target.url("audio/speech", exchange.upstreamModel()),
                  "application/json", providers::toJson(request)));
  if (answeredWithError(context, exchange, upstream)) {
    return;
  }
  // The upstream accepted the text and is synthesising it: that is what is billed, even
  // when the client leaves before the audio is through.
  exchange.reportUsage(usage);
  const std::string_view contentType = upstream.header("Content-Type");
  if (!exchange.streamBegin(upstream.status(),
                            contentType.empty() ? "application/octet-stream" : contentType)) {
    return;
  }
  std::string chunk;
  while (upstream.readChunk(chunk)) {
    if (!exchange.streamWrite(chunk)) {
      return; // the client went away: closing the upstream stops it
    }
  }
}

} // namespace gatehouse::plugins::openai
