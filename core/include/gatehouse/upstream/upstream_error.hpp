// How the upstream client reports a failure internally; the client turns it into an
// UpstreamFailure at the UpstreamClient / UpstreamResponse boundary.
#pragma once

#include <gatehouse/plugin_abi.h>

#include <stdexcept>
#include <string>

namespace gatehouse {

class UpstreamError : public std::runtime_error {
public:
  UpstreamError(gh_status status, const std::string& message)
      : std::runtime_error(message), status_(status) {}
  gh_status status() const { return status_; }

private:
  gh_status status_;
};

} // namespace gatehouse
