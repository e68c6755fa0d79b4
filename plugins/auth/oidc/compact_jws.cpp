#include "compact_jws.hpp"

#include "base64url.hpp"
#include "token_error.hpp"

namespace gatehouse::plugins::oidc {
namespace {

// Far above any real ID or access token; bounds the work spent on garbage.
constexpr std::size_t kMaxTokenLength = 16 * 1024;

[[noreturn]] void malformed(const std::string& why) {
  throw TokenError(TokenProblem::Malformed, "the token is malformed: " + why);
}

} // namespace

bool looksLikeJwt(std::string_view token) {
  const std::size_t first = token.find('.');
  if (first == std::string_view::npos || first == 0) {
    return false;
  }
  const std::size_t second = token.find('.', first + 1);
  if (second == std::string_view::npos || second == first + 1 ||
      token.find('.', second + 1) != std::string_view::npos) {
    return false;
  }
  return isBase64UrlText(token.substr(0, first)) &&
         isBase64UrlText(token.substr(first + 1, second - first - 1)) &&
         isBase64UrlText(token.substr(second + 1));
}

CompactJws parseCompactJws(std::string_view token) {
  if (token.size() > kMaxTokenLength) {
    malformed("it is longer than " + std::to_string(kMaxTokenLength) + " characters");
  }
  if (!looksLikeJwt(token)) {
    malformed("expected three base64url parts separated by dots");
  }
  const std::size_t first = token.find('.');
  const std::size_t second = token.find('.', first + 1);
  const std::optional<std::string> header = base64UrlDecode(token.substr(0, first));
  const std::optional<std::string> payload = base64UrlDecode(token.substr(first + 1, second - first - 1));
  const std::optional<std::string> signature = base64UrlDecode(token.substr(second + 1));
  if (!header || !payload || !signature) {
    malformed("a part is not valid base64url");
  }
  std::optional<Claims> headerJson = Claims::parse(*header);
  if (!headerJson) {
    malformed("the header is not a JSON object");
  }
  const rapidjson::Value* alg = headerJson->find("alg");
  if (alg == nullptr || !alg->IsString()) {
    malformed("the header has no \"alg\"");
  }
  if (headerJson->json().HasMember("crit")) {
    malformed("the header names critical extensions (\"crit\"), which are not supported");
  }
  CompactJws jws;
  jws.alg.assign(alg->GetString(), alg->GetStringLength());
  if (const rapidjson::Value* kid = headerJson->find("kid")) {
    if (!kid->IsString()) {
      malformed("the header's \"kid\" is not a string");
    }
    jws.kid = std::string(kid->GetString(), kid->GetStringLength());
  }
  std::optional<Claims> claims = Claims::parse(*payload);
  if (!claims) {
    malformed("the payload is not a JSON object");
  }
  jws.claims = std::move(*claims);
  jws.signingInput = std::string(token.substr(0, second));
  jws.signature = std::move(*signature);
  return jws;
}

} // namespace gatehouse::plugins::oidc
