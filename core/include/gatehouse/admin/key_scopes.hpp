// The scopes of an API key as the admin API shows and takes them
//   {"models": ["gpt-4o*", "claude-*"], "endpoints": ["chat", "embeddings"]}
// and as they are stored and carried in a principal: "model:<glob>" and
// "endpoint:<name>" items. No model item means every model; no endpoint item means every
// endpoint. The gateway enforces them (gateway/scopes.hpp); this is the admin API's side:
// validating new scopes and comparing two sets.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gatehouse::admin {

// The endpoint names a scope may use, in the order documented.
inline constexpr std::string_view kEndpointNames[] = {"chat",   "embeddings",     "images",
                                                      "speech", "transcriptions", "models"};
inline constexpr std::size_t kMaxModelPatternLength = 200;

struct KeyScopes {
  std::vector<std::string> models;    // globs; '*' matches any run of characters
  std::vector<std::string> endpoints; // names from kEndpointNames

  bool operator==(const KeyScopes&) const = default;
};

bool isEndpointName(std::string_view name);

// Why `pattern` is not a usable model glob (empty, too long, whitespace or control
// characters, "**", or glob syntax other than '*'), or nullopt when it is fine.
std::optional<std::string> modelPatternProblem(std::string_view pattern);

// True when every model name `inner` matches is also matched by `outer`
// ("gpt-4o*" covers "gpt-4o-mini*", not the other way round). Decided by matching
// `outer` against `inner`'s text, inner's '*' standing only for itself: conservative,
// it never says yes wrongly.
bool globCovers(std::string_view outer, std::string_view inner);

// "model:x endpoint:chat" (or a vector of such items) -> KeyScopes. Items of other kinds
// are ignored (they are not this API's to show).
KeyScopes scopesFromText(std::string_view spaceSeparated);
KeyScopes scopesFromItems(const std::vector<std::string>& items);
// KeyScopes -> stored items, models first, without duplicates.
std::vector<std::string> scopeItems(const KeyScopes& scopes);

// True when `requested` allows nothing that `allowed` does not: every requested model
// pattern is covered by an allowed one (or `allowed` has no model items), and likewise
// for endpoints. An empty requested list (= everything) is within only an empty allowed one.
bool scopesWithin(const KeyScopes& requested, const KeyScopes& allowed);

} // namespace gatehouse::admin
