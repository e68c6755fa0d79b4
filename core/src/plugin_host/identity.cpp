#include <gatehouse/plugin_host/abi_handles.hpp>
#include <gatehouse/plugin_host/identity.hpp>

#include <cstddef>

namespace gatehouse {
namespace {

// True when the plugin's struct reaches the whole of the field at `offset`.
bool covers(const gh_identity& view, std::size_t offset, std::size_t size) {
  return view.struct_size >= offset + size;
}

std::string_view fieldOf(const gh_identity& view, std::size_t offset, const gh_str& field) {
  return covers(view, offset, sizeof(gh_str)) ? viewOf(field) : std::string_view();
}

} // namespace

std::vector<std::string> splitTeams(std::string_view teams) {
  std::vector<std::string> names;
  while (!teams.empty()) {
    const std::size_t end = teams.find('\n');
    std::string_view name = teams.substr(0, end);
    // A plugin that joined the names with "\r\n" still means the same teams.
    if (!name.empty() && name.back() == '\r') {
      name.remove_suffix(1);
    }
    if (!name.empty()) {
      names.emplace_back(name);
    }
    if (end == std::string_view::npos) {
      break;
    }
    teams.remove_prefix(end + 1);
  }
  return names;
}

IdentityClaims fromAbi(const gh_identity& view) {
  IdentityClaims claims;
  const bool hasRole = covers(view, offsetof(gh_identity, role), sizeof(gh_role));
  claims.role = hasRole && view.role == GH_ROLE_ADMIN ? GH_ROLE_ADMIN : GH_ROLE_MEMBER;
  claims.issuer = fieldOf(view, offsetof(gh_identity, issuer), view.issuer);
  claims.subject = fieldOf(view, offsetof(gh_identity, subject), view.subject);
  claims.email = fieldOf(view, offsetof(gh_identity, email), view.email);
  claims.name = fieldOf(view, offsetof(gh_identity, name), view.name);
  claims.teams = splitTeams(fieldOf(view, offsetof(gh_identity, teams), view.teams));
  claims.isService = covers(view, offsetof(gh_identity, is_service), sizeof(int32_t)) && view.is_service != 0;
  return claims;
}

} // namespace gatehouse
