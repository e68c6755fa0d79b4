#include "embeddings_service.hpp"

#include <algorithm>

#include "client_error.hpp"
#include "embeddings_request.hpp"
#include "embeddings_response.hpp"

namespace gatehouse::plugins::gemini {

void serveEmbeddings(sdk::Exchange& exchange, const UpstreamTarget& target) {
  const EmbeddingsRequest request = parseEmbeddingsRequest(exchange.requestBody());
  const std::string_view model =
      exchange.upstreamModel().empty() ? exchange.model() : exchange.upstreamModel();
  const std::string resource = UpstreamTarget::modelResource(model);
  const std::string url = target.methodUrl(resource, "batchEmbedContents");
  const std::string_view apiKey = target.keyFor(exchange.credential());

  std::vector<Embedding> embeddings;
  embeddings.reserve(request.inputs.size());
  for (std::size_t begin = 0; begin < request.inputs.size(); begin += kMaxEmbeddingBatch) {
    const std::size_t end = std::min(request.inputs.size(), begin + kMaxEmbeddingBatch);
    sdk::Upstream upstream =
        exchange.send(target.request(apiKey, "POST", url, batchEmbedBody(request, begin, end, resource)));
    const std::string body = upstream.readBody();
    if (upstream.status() < 200 || upstream.status() >= 300) {
      throw ClientError(translateGeminiError(upstream.status(), body, target.errors(apiKey)));
    }
    readBatchEmbeddings(body, end - begin, embeddings, target.errors(apiKey));
  }
  const std::int64_t tokens = estimateEmbeddingTokens(request.inputs);
  gh_usage usage{};
  usage.prompt_tokens = tokens;
  exchange.reportUsage(usage);
  exchange.respond(200, "application/json",
                   openAiEmbeddings(embeddings, request.base64, exchange.model(), tokens));
}

} // namespace gatehouse::plugins::gemini
