// The FakeHost's gh_call: one call into the plugin and the error message it set.
#pragma once

#include <gatehouse/plugin_abi.h>

#include <string>

namespace gatehouse::testing {

struct FakeCall {
  std::string message; // the last set_error on this call wins, as in the real host

  gh_call* handle() { return reinterpret_cast<gh_call*>(this); }
  static FakeCall& from(gh_call* call) { return *reinterpret_cast<FakeCall*>(call); }
};

} // namespace gatehouse::testing
