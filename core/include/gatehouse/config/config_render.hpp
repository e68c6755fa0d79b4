// The effective config (after defaults and path resolution) as JSON, for
// `gatehouse --check-config` and the start-up log.
#pragma once

#include <gatehouse/config/config.hpp>

#include <string>

namespace gatehouse {

enum class JsonLayout { Pretty, Compact };

// Uses the config file's own key names, with every default filled in, so the output is
// itself a valid config that parses back to the same GatewayConfig. Safe to print: the
// MySQL password is only ever a reference ("env:NAME" / "file:PATH"), and plugin and
// provider config blocks hold references by design, so they are shown as they are.
// sourcePath is not part of the output (it is not a config key).
std::string renderConfigJson(const GatewayConfig& config, JsonLayout layout = JsonLayout::Pretty);

} // namespace gatehouse
