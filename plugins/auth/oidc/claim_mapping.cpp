#include "claim_mapping.hpp"

#include <algorithm>

#include "token_error.hpp"

namespace gatehouse::plugins::oidc {
namespace {

// Claims are the IdP's text; a control character in a team name or a display name would
// only corrupt logs and the "\n"-joined team list of the ABI.
bool hasControlCharacter(std::string_view text) {
  return std::any_of(text.begin(), text.end(),
                     [](char c) { return static_cast<unsigned char>(c) < ' ' || c == 127; });
}

gh_role roleOf(const Claims& claims, const OidcConfig& config) {
  if (config.roleClaim.empty() || config.adminValues.empty()) {
    return GH_ROLE_MEMBER;
  }
  for (const std::string& value : claims.strings(config.roleClaim)) {
    if (std::find(config.adminValues.begin(), config.adminValues.end(), value) != config.adminValues.end()) {
      return GH_ROLE_ADMIN;
    }
  }
  return GH_ROLE_MEMBER;
}

std::vector<std::string> teamsOf(const Claims& claims, const OidcConfig& config) {
  std::vector<std::string> teams;
  if (config.teamsClaim.empty()) {
    return teams;
  }
  for (const std::string& value : claims.strings(config.teamsClaim)) {
    if (value.size() <= config.teamPrefix.size() ||
        value.compare(0, config.teamPrefix.size(), config.teamPrefix) != 0) {
      continue;
    }
    std::string team = value.substr(config.teamPrefix.size());
    if (hasControlCharacter(team) || std::find(teams.begin(), teams.end(), team) != teams.end()) {
      continue;
    }
    teams.push_back(std::move(team));
  }
  return teams;
}

std::string plainClaim(const Claims& claims, const std::string& name) {
  if (name.empty()) {
    return {};
  }
  std::string value = claims.string(name).value_or("");
  return hasControlCharacter(value) ? std::string() : value;
}

sdk::Identity mapCommon(const Claims& claims, const OidcConfig& config) {
  sdk::Identity identity;
  identity.issuer = config.issuer;
  identity.role = roleOf(claims, config);
  identity.teams = teamsOf(claims, config);
  identity.email = plainClaim(claims, config.emailClaim);
  identity.name = plainClaim(claims, config.nameClaim);
  return identity;
}

} // namespace

sdk::Identity identityFromIdToken(const Claims& claims, const OidcConfig& config) {
  sdk::Identity identity = mapCommon(claims, config);
  identity.subject = claims.string("sub").value_or("");
  if (identity.subject.empty()) {
    throw TokenError(TokenProblem::MissingClaim, "the ID token has no \"sub\" (subject) claim");
  }
  return identity;
}

sdk::Identity identityFromAccessToken(const Claims& claims, const OidcConfig& config) {
  sdk::Identity identity = mapCommon(claims, config);
  identity.subject = claims.string("sub").value_or("");
  if (identity.subject.empty()) {
    identity.subject = claims.string("client_id").value_or("");
  }
  if (identity.subject.empty()) {
    throw TokenError(TokenProblem::MissingClaim,
                     "the access token has neither a \"sub\" nor a \"client_id\" claim");
  }
  identity.isService =
      identity.email.empty() || claims.string("gty") == std::optional<std::string>("client-credentials");
  return identity;
}

} // namespace gatehouse::plugins::oidc
