#pragma once

#include <cstdint>

namespace gatehouse::testing {

// A TCP port on 127.0.0.1 that was free a moment ago (bound to port 0, read back, released).
// Another process may take it before you bind it: prefer letting the server bind port 0
// and report its port, and use this only for programs that cannot.
std::uint16_t pickFreeLoopbackPort();

} // namespace gatehouse::testing
