// The rules that span more than one value of a GatewayConfig: names, references between
// entries and routing collisions. parseConfig runs it; call it again after changing a
// config in code.
#pragma once

#include <gatehouse/config/config.hpp>

namespace gatehouse {

// Throws ConfigError (source: config.sourcePath, path: the offending entry) when
//  - a plugin, provider or model name, or an alias, is empty;
//  - a provider or model name or an alias contains '/' (reserved for "provider/model");
//  - two plugins or two providers share a name;
//  - a provider names a plugin that is not in config.plugins;
//  - a provider has no models;
//  - auth.login_plugin is set but names no plugin, or a provider plugin;
//  - a public model name (name or alias) is used twice across all providers, since a
//    name must route to exactly one model.
void validateConfig(const GatewayConfig& config);

} // namespace gatehouse
