#include <gatehouse/gateway/scopes.hpp>
#include <gatehouse/http/text_sanitizer.hpp>

#include <array>
#include <mutex>

namespace gatehouse::gateway {
namespace {

constexpr std::string_view kModelPrefix = "model:";
constexpr std::string_view kEndpointPrefix = "endpoint:";

struct EndpointName {
  gh_endpoint endpoint;
  std::string_view name;
};

constexpr std::array<EndpointName, 6> kEndpointNames = {{
    {GH_ENDPOINT_CHAT_COMPLETIONS, "chat"},
    {GH_ENDPOINT_EMBEDDINGS, "embeddings"},
    {GH_ENDPOINT_IMAGES, "images"},
    {GH_ENDPOINT_AUDIO_SPEECH, "speech"},
    {GH_ENDPOINT_AUDIO_TRANSCRIPTION, "transcriptions"},
    {GH_ENDPOINT_MODELS, "models"},
}};

std::uint32_t bitOf(gh_endpoint endpoint) {
  return endpoint >= 0 && endpoint < 32 ? std::uint32_t{1} << endpoint : 0;
}

bool isSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

} // namespace

bool globMatches(std::string_view pattern, std::string_view text) {
  // The classic two-pointer match: on a mismatch after a '*', let that star swallow one
  // more character and retry. Each '*' only moves forward, so this is O(|pattern| x |text|)
  // at worst and linear in practice.
  std::size_t p = 0;
  std::size_t t = 0;
  std::size_t starAt = std::string_view::npos;
  std::size_t resumeAt = 0;
  while (t < text.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      starAt = p++;
      resumeAt = t;
    } else if (p < pattern.size() && pattern[p] == text[t]) {
      ++p;
      ++t;
    } else if (starAt != std::string_view::npos) {
      p = starAt + 1;
      t = ++resumeAt;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*')
    ++p;
  return p == pattern.size();
}

std::string_view endpointScopeName(gh_endpoint endpoint) {
  for (const EndpointName& entry : kEndpointNames) {
    if (entry.endpoint == endpoint)
      return entry.name;
  }
  return {};
}

http::ApiError endpointNotAllowed(gh_endpoint endpoint) {
  return http::ApiError{403,
                        http::ErrorType::Permission,
                        "These credentials are not allowed to use the " +
                            std::string(endpointScopeName(endpoint)) + " endpoint.",
                        {},
                        "endpoint_not_allowed"};
}

http::ApiError modelNotAllowed(std::string_view model) {
  return http::ApiError{403, http::ErrorType::Permission,
                        "These credentials are not allowed to use the model '" +
                            http::sanitizeForMessage(model) + "'.",
                        "model", "model_not_allowed"};
}

ScopeSet ScopeSet::parse(std::string_view scopes) {
  ScopeSet set;
  std::size_t at = 0;
  while (at < scopes.size()) {
    while (at < scopes.size() && isSpace(scopes[at]))
      ++at;
    std::size_t end = at;
    while (end < scopes.size() && !isSpace(scopes[end]))
      ++end;
    const std::string_view token = scopes.substr(at, end - at);
    at = end;
    if (token.substr(0, kModelPrefix.size()) == kModelPrefix) {
      set.restrictsModels_ = true;
      set.modelGlobs_.emplace_back(token.substr(kModelPrefix.size()));
    } else if (token.substr(0, kEndpointPrefix.size()) == kEndpointPrefix) {
      set.restrictsEndpoints_ = true;
      const std::string_view name = token.substr(kEndpointPrefix.size());
      for (const EndpointName& entry : kEndpointNames) {
        if (entry.name == name)
          set.endpoints_ |= bitOf(entry.endpoint);
      }
    }
  }
  return set;
}

bool ScopeSet::allowsModel(std::string_view model) const {
  if (!restrictsModels_)
    return true;
  for (const std::string& glob : modelGlobs_) {
    if (globMatches(glob, model))
      return true;
  }
  return false;
}

bool ScopeSet::allowsEndpoint(gh_endpoint endpoint) const {
  return !restrictsEndpoints_ || (endpoints_ & bitOf(endpoint)) != 0;
}

std::shared_ptr<const ScopeSet> ScopeCache::get(std::string_view scopes) const {
  {
    const std::shared_lock lock(mutex_);
    if (const auto found = sets_.find(scopes); found != sets_.end())
      return found->second;
  }
  auto parsed = std::make_shared<const ScopeSet>(ScopeSet::parse(scopes));
  const std::unique_lock lock(mutex_);
  if (sets_.size() >= capacity_)
    sets_.clear(); // far more distinct scope texts than keys share: start over
  return sets_.emplace(std::string(scopes), std::move(parsed)).first->second;
}

} // namespace gatehouse::gateway
