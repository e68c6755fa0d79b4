#include "upstream_status.hpp"

namespace gatehouse::providers {

int clientStatusForUpstream(int upstreamStatus) {
  if (upstreamStatus >= 400 && upstreamStatus < 500) {
    return upstreamStatus;
  }
  switch (upstreamStatus) {
  case 503:
  case 529: return 503;
  case 504: return 504;
  default: return 502;
  }
}

} // namespace gatehouse::providers
