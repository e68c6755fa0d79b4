// Turns a validated token's claims into the gateway's identity: who (issuer + subject),
// their email and name, admin or member (role_claim against admin_values) and their
// teams (teams_claim, filtered by team_prefix).
#pragma once

#include <gatehouse/sdk/identity.hpp>

#include "claims.hpp"
#include "oidc_config.hpp"

namespace gatehouse::plugins::oidc {

// A person who signed in with the browser: "sub" is required (the ID token's validation
// already made sure of it).
sdk::Identity identityFromIdToken(const Claims& claims, const OidcConfig& config);

// The caller behind an access token. A token without an email claim, or whose "gty" is
// "client-credentials", is a service; its subject is "sub", or "client_id" when the
// token has no sub (some IdPs leave it out of client-credentials tokens). Throws
// TokenError(MissingClaim) when it has neither.
sdk::Identity identityFromAccessToken(const Claims& claims, const OidcConfig& config);

} // namespace gatehouse::plugins::oidc
