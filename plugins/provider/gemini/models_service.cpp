#include "models_service.hpp"

#include "client_error.hpp"
#include "model_list.hpp"
#include "model_list_json.hpp"

namespace gatehouse::plugins::gemini {
namespace {

// Page tokens are opaque base64-like strings; escape anything that could break the query.
std::string queryEscaped(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) != 0 || c == '-' || c == '_' || c == '.' || c == '~') {
      out += c;
    } else {
      out += '%';
      out += kHex[byte >> 4];
      out += kHex[byte & 15];
    }
  }
  return out;
}

} // namespace

void serveModels(sdk::Exchange& exchange, const UpstreamTarget& target) {
  const std::string_view apiKey = target.keyFor(exchange.credential());
  std::vector<providers::ListedModel> listed;
  std::string pageToken;
  for (int page = 0; page < kMaxModelPages; ++page) {
    std::string path = "models?pageSize=1000";
    if (!pageToken.empty()) {
      path += "&pageToken=" + queryEscaped(pageToken);
    }
    sdk::Upstream upstream = exchange.send(target.request(apiKey, "GET", target.url(path), {}));
    const std::string body = upstream.readBody();
    if (upstream.status() < 200 || upstream.status() >= 300) {
      throw ClientError(translateGeminiError(upstream.status(), body, target.errors(apiKey)));
    }
    ModelPage models = readModelPage(body, target.errors(apiKey));
    for (std::string& id : models.ids) {
      listed.push_back({std::move(id), 0}); // Gemini does not say when a model was created
    }
    pageToken = std::move(models.nextPageToken);
    if (pageToken.empty()) {
      break;
    }
  }
  exchange.respond(200, "application/json", providers::modelListJson(listed, "google"));
}

} // namespace gatehouse::plugins::gemini
