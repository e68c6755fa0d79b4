// The two cookies of browser sign-in and how they are set.
//
//   gatehouse_login    the state of a sign-in in progress; binds the identity provider's
//                      callback to the browser that started it. Path=/auth, 10 minutes.
//   gatehouse_session  the session id. Path=/, for the session's lifetime.
//
// Both HttpOnly (page scripts never see them) and SameSite=Lax (sent on the top-level
// redirect back from the identity provider, not on cross-site subrequests); Secure when
// the public URL is https.
#pragma once

#include <gatehouse/http/cookies.hpp>

#include <chrono>
#include <string_view>

namespace gatehouse::admin {

inline constexpr std::string_view kSessionCookie = "gatehouse_session";
inline constexpr std::string_view kLoginCookie = "gatehouse_login";
inline constexpr std::chrono::seconds kLoginCookieLifetime{600};

http::CookieAttributes loginCookieAttributes(std::string_view publicUrl);
http::CookieAttributes sessionCookieAttributes(std::string_view publicUrl, std::chrono::seconds lifetime);

} // namespace gatehouse::admin
