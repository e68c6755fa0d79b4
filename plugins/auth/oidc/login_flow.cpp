#include "login_flow.hpp"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "claims.hpp"
#include "pkce.hpp"
#include "url_encoding.hpp"

namespace gatehouse::plugins::oidc {

std::string encodeFlow(const FlowSecrets& flow) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  writer.StartObject();
  writer.Key("nonce");
  writer.String(flow.nonce.data(), static_cast<rapidjson::SizeType>(flow.nonce.size()));
  writer.Key("verifier");
  writer.String(flow.verifier.data(), static_cast<rapidjson::SizeType>(flow.verifier.size()));
  writer.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

std::optional<FlowSecrets> decodeFlow(std::string_view json) {
  const std::optional<Claims> document = Claims::parse(json);
  if (!document) {
    return std::nullopt;
  }
  std::optional<std::string> nonce = document->string("nonce");
  std::optional<std::string> verifier = document->string("verifier");
  if (!nonce || !verifier || nonce->empty() || verifier->empty()) {
    return std::nullopt;
  }
  return FlowSecrets{std::move(*nonce), std::move(*verifier)};
}

std::string authorizationUrl(std::string_view authorizationEndpoint, const OidcConfig& config,
                             std::string_view state, std::string_view redirectUri, const FlowSecrets& flow) {
  std::string scope;
  for (const std::string& item : config.scopes) {
    scope += (scope.empty() ? "" : " ") + item;
  }
  const FormFields parameters{
      {"response_type", "code"},
      {"client_id", config.clientId},
      {"redirect_uri", std::string(redirectUri)},
      {"scope", scope},
      {"state", std::string(state)},
      {"nonce", flow.nonce},
      {"code_challenge", codeChallengeS256(flow.verifier)},
      {"code_challenge_method", "S256"},
  };
  std::string url(authorizationEndpoint);
  url += url.find('?') == std::string::npos ? '?' : '&';
  url += encodeForm(parameters);
  return url;
}

} // namespace gatehouse::plugins::oidc
