// What a principal's scopes (Principal::scopes, space-separated) allow:
//   model:<glob>    a public model name; '*' matches any run of characters ("model:gpt-4o*")
//   endpoint:<name> chat, embeddings, images, speech, transcriptions or models
// No model: scope allows every model; no endpoint: scope allows every endpoint. Other
// tokens (e.g. an identity provider's "openid") are ignored. An endpoint: scope with an
// unknown name still counts as an endpoint restriction that allows nothing more, so a typo
// narrows access rather than widening it. Admin-API access is by role, not scopes.
#pragma once

#include <gatehouse/http/api_error.hpp>
#include <gatehouse/plugin_abi.h>

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <vector>

namespace gatehouse::gateway {

// True when `pattern` ('*' = any run of characters, everything else literal) matches the
// whole of `text`. Linear backtracking; allocates nothing.
bool globMatches(std::string_view pattern, std::string_view text);

// "chat", "embeddings", "images", "speech", "transcriptions", "models"; empty for others.
std::string_view endpointScopeName(gh_endpoint endpoint);

// 403 permission_error "endpoint_not_allowed", naming the endpoint.
http::ApiError endpointNotAllowed(gh_endpoint endpoint);
// 403 permission_error "model_not_allowed" (param "model"), naming the model as the client
// sent it, never the scopes (they are the credential owner's business).
http::ApiError modelNotAllowed(std::string_view model);

class ScopeSet {
public:
  ScopeSet() = default; // allows everything
  static ScopeSet parse(std::string_view scopes);

  bool allowsModel(std::string_view model) const;
  bool allowsEndpoint(gh_endpoint endpoint) const;
  bool restrictsModels() const { return restrictsModels_; }
  bool restrictsEndpoints() const { return restrictsEndpoints_; }

private:
  std::vector<std::string> modelGlobs_;
  std::uint32_t endpoints_ = 0; // bit (1 << gh_endpoint) per allowed endpoint
  bool restrictsModels_ = false;
  bool restrictsEndpoints_ = false;
};

// Parsed scope sets by scope text, so a principal's scopes are parsed once rather than per
// request (principals of one key share the text). Thread-safe; a hit takes a shared lock
// and allocates nothing. Bounded: when full it starts over.
class ScopeCache {
public:
  explicit ScopeCache(std::size_t capacity = 4096) : capacity_(capacity) {}

  std::shared_ptr<const ScopeSet> get(std::string_view scopes) const;

private:
  std::size_t capacity_;
  mutable std::shared_mutex mutex_;
  mutable std::map<std::string, std::shared_ptr<const ScopeSet>, std::less<>> sets_;
};

} // namespace gatehouse::gateway
