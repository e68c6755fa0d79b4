// Maps the parsed JSON document onto GatewayConfig, key by key (private to the loader).
// Checks shape only: types, ranges, unknown and required keys. Rules across entries
// (names, references, collisions) are config_validator's job.
#pragma once

#include <gatehouse/config/config.hpp>

#include <rapidjson/document.h>

#include <string>

namespace gatehouse::config_detail {

// Throws ConfigError (with the path of the bad key) when the document does not fit.
GatewayConfig readGatewayConfig(const rapidjson::Value& root, const std::string& source);

} // namespace gatehouse::config_detail
