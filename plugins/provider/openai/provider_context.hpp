// What every endpoint of one configured provider needs: its name (in messages), where its
// requests go and with which headers, and whether streams ask for usage.
#pragma once

#include <string>

#include "upstream_target.hpp"

namespace gatehouse::plugins::openai {

struct ProviderContext {
  std::string name;
  UpstreamTarget target;
  bool streamUsage = true;
};

} // namespace gatehouse::plugins::openai
