// A person or service as an identity provider asserted it (ABI 1.2 gh_identity), after the
// plugin applied its claim mappings. A sign-in plugin's loginFinish returns one; any auth
// plugin can turn one into the user's principal with Host::resolveIdentity.
#pragma once

#include <gatehouse/plugin_abi.h>
#include <gatehouse/sdk/error.hpp>
#include <gatehouse/sdk/str.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace gatehouse::sdk {

struct Identity {
  gh_role role = GH_ROLE_MEMBER;  // from the plugin's claim mapping
  std::string issuer;             // e.g. "https://login.example.com"
  std::string subject;            // the issuer's stable id for them ("sub")
  std::string email;              // may be empty
  std::string name;               // display name; may be empty
  std::vector<std::string> teams; // team names; the first is the principal's team
  bool isService = false;         // e.g. a client-credentials token, not a person
};

namespace detail {

// gh_identity carries the teams as one "\n"-separated string. A name with a line break
// would silently become two teams, so it is refused; empty names are left out.
inline std::string joinTeams(const std::vector<std::string>& teams) {
  std::string joined;
  for (const std::string& team : teams) {
    if (team.find_first_of("\r\n") != std::string::npos) {
      throw Error(GH_ERROR_INVALID_ARGUMENT, "a team name must not contain a line break");
    }
    if (team.empty()) {
      continue;
    }
    if (!joined.empty()) {
      joined += '\n';
    }
    joined += team;
  }
  return joined;
}

inline std::vector<std::string> splitTeams(std::string_view joined) {
  std::vector<std::string> teams;
  while (!joined.empty()) {
    const std::size_t end = joined.find('\n');
    const std::string_view team = joined.substr(0, end);
    if (!team.empty()) {
      teams.emplace_back(team);
    }
    joined = end == std::string_view::npos ? std::string_view() : joined.substr(end + 1);
  }
  return teams;
}

// The ABI view of `identity`, borrowing its strings and `joinedTeams` (joinTeams of its
// teams): keep both alive while the view is read.
inline gh_identity identityView(const Identity& identity, const std::string& joinedTeams) noexcept {
  gh_identity out{};
  out.struct_size = sizeof(gh_identity);
  out.role = identity.role;
  out.issuer = ghStr(identity.issuer);
  out.subject = ghStr(identity.subject);
  out.email = ghStr(identity.email);
  out.name = ghStr(identity.name);
  out.teams = ghStr(joinedTeams);
  out.is_service = identity.isService ? 1 : 0;
  return out;
}

// Copies what a writer put into `raw`.
inline Identity identityFrom(const gh_identity& raw) {
  Identity identity;
  identity.role = raw.role;
  identity.issuer = std::string(view(raw.issuer));
  identity.subject = std::string(view(raw.subject));
  identity.email = std::string(view(raw.email));
  identity.name = std::string(view(raw.name));
  identity.teams = splitTeams(view(raw.teams));
  identity.isService = raw.is_service != 0;
  return identity;
}

} // namespace detail
} // namespace gatehouse::sdk
