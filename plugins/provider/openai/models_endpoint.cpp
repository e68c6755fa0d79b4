#include <string>
#include <vector>

#include "endpoints.hpp"
#include "json_body.hpp"
#include "json_util.hpp"
#include "model_list_json.hpp"
#include "upstream_call.hpp"
#include "upstream_error.hpp"

namespace gatehouse::plugins::openai {
namespace {

// {"object":"list","data":[{"id","object":"model","created","owned_by"}]}: the upstream's
// ids and creation times; owned_by names this provider, which is who serves them here.
std::string modelList(const ProviderContext& context, const rapidjson::Value& data) {
  std::vector<providers::ListedModel> models;
  for (const rapidjson::Value& model : data.GetArray()) {
    const std::string_view id = providers::stringMember(model, "id");
    if (!id.empty()) {
      models.push_back({std::string(id), readCount(model, "created")});
    }
  }
  return providers::modelListJson(models, context.name);
}

} // namespace

void serveModels(const ProviderContext& context, sdk::Exchange& exchange) {
  sdk::UpstreamRequest request;
  request.method = "GET";
  request.url = context.target.modelsUrl();
  request.headers = context.target.headers(exchangeKey(context, exchange));
  sdk::Upstream upstream = exchange.send(request);
  if (answeredWithError(context, exchange, upstream)) {
    return;
  }
  std::string body;
  const rapidjson::Document answer = readJsonAnswer(context, exchange, upstream, body);
  const rapidjson::Value* data = nullptr;
  if (answer.IsObject()) {
    const auto found = answer.FindMember("data");
    data = found != answer.MemberEnd() && found->value.IsArray() ? &found->value : nullptr;
  }
  if (data == nullptr) {
    throw sdk::Error(GH_ERROR_UPSTREAM,
                     upstreamMessage(context.name, "answered the model list without a \"data\" array",
                                     exchangeKey(context, exchange)));
  }
  exchange.respond(200, "application/json", modelList(context, *data));
}

} // namespace gatehouse::plugins::openai
