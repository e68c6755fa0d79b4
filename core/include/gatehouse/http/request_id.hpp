// Request ids: one per request, sent back as x-request-id on every response and
// carried into logs and usage events so a client's report can be traced.
#pragma once

#include <string>
#include <string_view>

namespace gatehouse::http {

inline constexpr std::size_t kMaxRequestIdLength = 128;

// A client-supplied id is kept when it is 1..128 visible ASCII characters (0x21-0x7E),
// so it cannot smuggle spaces, control characters or header injections into logs.
bool isAcceptableRequestId(std::string_view candidate);

// 128 random bits as 32 lowercase hex characters.
std::string generateRequestId();

// The client's id when acceptable, else a fresh one.
std::string resolveRequestId(std::string_view clientValue);

} // namespace gatehouse::http
