// Session-cookie authentication, the first step of the app's Authenticator. It acts only
// when the request carries the gatehouse_session cookie (then the cookie decides alone:
// an unknown, expired or ended session, or one of a disabled user, is a 401 like any bad
// credential); without the cookie it says "not mine" and the auth plugins are asked.
#pragma once

#include <gatehouse/auth/session_service.hpp>
#include <gatehouse/gateway/authenticator.hpp>

namespace gatehouse::admin {

// `sessions` must outlive the step.
gateway::Authenticator::Step sessionAuthStep(auth::SessionService& sessions);

} // namespace gatehouse::admin
