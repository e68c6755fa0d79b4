// The one exception a plugin throws on purpose. The helper's trampolines catch it at the
// ABI boundary and turn it into its status plus set_error(message); nothing crosses.
#pragma once

#include <gatehouse/plugin_abi.h>

#include <stdexcept>
#include <string>

namespace gatehouse::sdk {

class Error : public std::runtime_error {
public:
  // `message` may reach the client: say what is wrong, never include a secret.
  // GH_OK is not a failure, so it becomes GH_ERROR_INTERNAL: a throw can never report success.
  Error(gh_status status, const std::string& message)
      : std::runtime_error(message), status_(status == GH_OK ? GH_ERROR_INTERNAL : status) {}

  gh_status status() const noexcept { return status_; }

private:
  gh_status status_;
};

} // namespace gatehouse::sdk
