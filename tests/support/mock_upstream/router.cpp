#include "router.hpp"

#include <array>

#include "anthropic_messages.hpp"
#include "exchange.hpp"
#include "gemini_embeddings.hpp"
#include "gemini_generate.hpp"
#include "mock_admin.hpp"
#include "model_catalog.hpp"
#include "openai_chat.hpp"
#include "openai_embeddings.hpp"
#include "openai_images.hpp"
#include "openai_speech.hpp"
#include "openai_transcription.hpp"
#include "recorder.hpp"

namespace gatehouse::mock {
namespace {

bool startsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

// Each provider's answer to a path it does not serve.
void notFound(const HttpRequest& request, ResponseWriter& writer, const MockOptions& options,
              Provider provider) {
  Exchange exchange(request, writer, options, provider);
  switch (provider) {
  case Provider::Gemini:
    exchange.sendError({404, "NOT_FOUND", "Requested entity was not found.", "", "", ""});
    break;
  case Provider::Azure: exchange.sendError({404, "404", "Resource not found", "", "", ""}); break;
  default:
    exchange.sendError({404, "invalid_request_error",
                        "Invalid URL (" + request.method + " " + request.path + ")", "", "", ""});
  }
}

} // namespace

void Router::route(const std::shared_ptr<const HttpRequest>& shared, ResponseWriter& writer, bool tls) const {
  const auto& request = *shared;
  const auto& path = request.path;
  if (startsWith(path, "/__mock/")) {
    answerMockAdmin(request, writer, recorder_);
    return;
  }
  if (recorder_)
    recorder_->record(shared, tls);
  if (startsWith(path, "/openai/deployments/"))
    routeAzure(request, writer);
  else if (startsWith(path, "/v1beta/models"))
    routeGemini(request, writer, "/v1beta/models");
  else if (request.method == "POST" && startsWith(path, "/v1/models/") && path.find(':') != std::string::npos)
    routeGemini(request, writer, "/v1/models"); // Gemini's v1 API; GET keeps OpenAI ids like "ft:gpt-4o:org"
  else
    routeOpenAi(request, writer);
}

void Router::routeOpenAi(const HttpRequest& request, ResponseWriter& writer) const {
  const auto& path = request.path;
  bool post = request.method == "POST";
  bool get = request.method == "GET";
  if (post && (path == "/v1/messages" || path == "/v1/messages/count_tokens")) {
    Exchange exchange(request, writer, options_, Provider::Anthropic);
    if (path == "/v1/messages")
      answerAnthropicMessages(exchange);
    else
      answerAnthropicCountTokens(exchange);
    return;
  }
  if (get && (path == "/v1/models" || startsWith(path, "/v1/models/"))) {
    // One path, two providers: Anthropic clients always send their version header.
    bool anthropic = request.header("anthropic-version") || request.header("x-api-key");
    Exchange exchange(request, writer, options_, anthropic ? Provider::Anthropic : Provider::OpenAi);
    if (path == "/v1/models")
      answerModelList(exchange);
    else
      answerModel(exchange, std::string_view(path).substr(std::string_view("/v1/models/").size()));
    return;
  }
  Exchange exchange(request, writer, options_, Provider::OpenAi);
  if (post && path == "/v1/chat/completions")
    answerOpenAiChat(exchange, {});
  else if (post && path == "/v1/embeddings")
    answerOpenAiEmbeddings(exchange, {});
  else if (post && path == "/v1/images/generations")
    answerOpenAiImages(exchange, {});
  else if (post && path == "/v1/audio/speech")
    answerOpenAiSpeech(exchange, {});
  else if (post && path == "/v1/audio/transcriptions")
    answerOpenAiTranscription(exchange, {});
  else
    notFound(request, writer, options_, Provider::OpenAi);
}

void Router::routeAzure(const HttpRequest& request, ResponseWriter& writer) const {
  // /openai/deployments/{deployment}/{operation}?api-version=...; the deployment may hold a
  // "mock-.../" scenario prefix, so the operation is matched at the end.
  static constexpr std::array<std::string_view, 5> kOperations = {
      "/chat/completions", "/embeddings", "/images/generations", "/audio/speech", "/audio/transcriptions"};
  auto rest = std::string_view(request.path).substr(std::string_view("/openai/deployments/").size());
  for (auto operation : kOperations) {
    if (rest.size() <= operation.size() || rest.substr(rest.size() - operation.size()) != operation)
      continue;
    if (request.method != "POST" || !request.queryParam("api-version"))
      break;
    auto deployment = rest.substr(0, rest.size() - operation.size());
    Exchange exchange(request, writer, options_, Provider::Azure);
    if (operation == "/chat/completions")
      answerOpenAiChat(exchange, deployment);
    else if (operation == "/embeddings")
      answerOpenAiEmbeddings(exchange, deployment);
    else if (operation == "/images/generations")
      answerOpenAiImages(exchange, deployment);
    else if (operation == "/audio/speech")
      answerOpenAiSpeech(exchange, deployment);
    else
      answerOpenAiTranscription(exchange, deployment);
    return;
  }
  notFound(request, writer, options_, Provider::Azure);
}

void Router::routeGemini(const HttpRequest& request, ResponseWriter& writer, std::string_view prefix) const {
  Exchange exchange(request, writer, options_, Provider::Gemini);
  auto rest = std::string_view(request.path).substr(prefix.size());
  if (rest.empty() && request.method == "GET") {
    answerGeminiModelList(exchange);
    return;
  }
  if (rest.empty() || rest.front() != '/') {
    notFound(request, writer, options_, Provider::Gemini);
    return;
  }
  rest.remove_prefix(1);
  // The model may carry a "mock-.../" prefix, so the method is after the last ':'.
  auto colon = rest.rfind(':');
  if (colon == std::string_view::npos) {
    if (request.method == "GET")
      answerGeminiModel(exchange, rest);
    else
      notFound(request, writer, options_, Provider::Gemini);
    return;
  }
  auto model = rest.substr(0, colon);
  // Every model method is a POST; anything else does not exist.
  auto method = request.method == "POST" ? rest.substr(colon + 1) : std::string_view();
  if (method == "generateContent") {
    answerGeminiGenerate(exchange, model, GeminiStreaming::None);
  } else if (method == "streamGenerateContent") {
    bool sse = request.queryParam("alt") == "sse";
    answerGeminiGenerate(exchange, model, sse ? GeminiStreaming::Sse : GeminiStreaming::JsonArray);
  } else if (method == "countTokens") {
    answerGeminiCountTokens(exchange, model);
  } else if (method == "batchEmbedContents" || method == "embedContent") {
    answerGeminiEmbedding(exchange, model, method == "batchEmbedContents");
  } else {
    notFound(request, writer, options_, Provider::Gemini);
  }
}

} // namespace gatehouse::mock
