#include <gatehouse/admin/key_scopes.hpp>
#include <gatehouse/gateway/scopes.hpp>

#include <algorithm>

namespace gatehouse::admin {
namespace {

constexpr std::string_view kModelPrefix = "model:";
constexpr std::string_view kEndpointPrefix = "endpoint:";

void addUnique(std::vector<std::string>& into, std::string_view item) {
  if (std::find(into.begin(), into.end(), item) == into.end())
    into.emplace_back(item);
}

void addItem(KeyScopes& scopes, std::string_view item) {
  if (item.substr(0, kModelPrefix.size()) == kModelPrefix)
    addUnique(scopes.models, item.substr(kModelPrefix.size()));
  else if (item.substr(0, kEndpointPrefix.size()) == kEndpointPrefix)
    addUnique(scopes.endpoints, item.substr(kEndpointPrefix.size()));
}

} // namespace

bool isEndpointName(std::string_view name) {
  return std::find(std::begin(kEndpointNames), std::end(kEndpointNames), name) != std::end(kEndpointNames);
}

std::optional<std::string> modelPatternProblem(std::string_view pattern) {
  if (pattern.empty())
    return "a model pattern must not be empty";
  if (pattern.size() > kMaxModelPatternLength)
    return "a model pattern must be at most " + std::to_string(kMaxModelPatternLength) + " characters";
  for (const char c : pattern) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte <= 0x20 || byte == 0x7F)
      return "a model pattern must not contain spaces or control characters";
    // Only '*' is a wildcard; refusing the rest of glob syntax keeps a pattern from
    // meaning something else than its author thinks.
    if (c == '?' || c == '[' || c == ']' || c == '{' || c == '}' || c == '\\')
      return "only '*' is a wildcard in a model pattern ('?', '[', ']', '{', '}' and '\\' are not allowed)";
  }
  if (pattern.find("**") != std::string_view::npos)
    return "a model pattern must not contain '**' (one '*' already matches any run of characters)";
  return std::nullopt;
}

bool globCovers(std::string_view outer, std::string_view inner) {
  // A '*' in `inner` is a literal character to `outer`'s letters (patterns never hold a
  // literal '*'), so only one of outer's own '*'s can absorb it, and whatever inner's '*'
  // later expands to, that same '*' of outer absorbs too.
  return gateway::globMatches(outer, inner);
}

KeyScopes scopesFromText(std::string_view spaceSeparated) {
  KeyScopes scopes;
  while (!spaceSeparated.empty()) {
    const std::size_t space = spaceSeparated.find(' ');
    const std::string_view item = spaceSeparated.substr(0, space);
    spaceSeparated = space == std::string_view::npos ? std::string_view() : spaceSeparated.substr(space + 1);
    if (!item.empty())
      addItem(scopes, item);
  }
  return scopes;
}

KeyScopes scopesFromItems(const std::vector<std::string>& items) {
  KeyScopes scopes;
  for (const std::string& item : items)
    addItem(scopes, item);
  return scopes;
}

std::vector<std::string> scopeItems(const KeyScopes& scopes) {
  std::vector<std::string> items;
  for (const std::string& model : scopes.models)
    addUnique(items, std::string(kModelPrefix) + model);
  for (const std::string& endpoint : scopes.endpoints)
    addUnique(items, std::string(kEndpointPrefix) + endpoint);
  return items;
}

bool scopesWithin(const KeyScopes& requested, const KeyScopes& allowed) {
  if (!allowed.models.empty()) {
    if (requested.models.empty())
      return false;
    for (const std::string& model : requested.models) {
      const bool covered =
          std::any_of(allowed.models.begin(), allowed.models.end(),
                      [&model](const std::string& outer) { return globCovers(outer, model); });
      if (!covered)
        return false;
    }
  }
  if (!allowed.endpoints.empty()) {
    if (requested.endpoints.empty())
      return false;
    for (const std::string& endpoint : requested.endpoints) {
      if (std::find(allowed.endpoints.begin(), allowed.endpoints.end(), endpoint) == allowed.endpoints.end())
        return false;
    }
  }
  return true;
}

} // namespace gatehouse::admin
