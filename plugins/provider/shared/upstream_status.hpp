// The HTTP status a client gets when the upstream answered with an error status. Client
// errors keep their status, so a client sees the same 400/404/429 it would get from the
// provider directly; server errors become the gateway's own 502/503/504.
#pragma once

namespace gatehouse::providers {

// 4xx: unchanged. 500, 502 and other 5xx: 502. 503 and 529 (overloaded): 503, which
// clients retry. 504: 504. Anything else that is not 2xx (1xx, 3xx): 502.
int clientStatusForUpstream(int upstreamStatus);

// True for 2xx.
inline bool isSuccess(int status) {
  return status >= 200 && status < 300;
}

} // namespace gatehouse::providers
