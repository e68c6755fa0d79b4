// Reads the gateway's one JSON config file into a validated GatewayConfig. The schema,
// with every key's type, default and accepted range, is documented in conf/README.md;
// conf/gatehouse.json is the documented default.
#pragma once

#include <gatehouse/config/config.hpp>

#include <string>
#include <string_view>

namespace gatehouse {

// Reads and parses the file at `path`. Throws ConfigError when the file cannot be read
// (message names the cause) and for everything parseConfig refuses.
GatewayConfig loadConfigFile(const std::string& path);

// Parses config text. `sourceName` is used in error messages, kept as sourcePath, and
// its directory is the base for relative plugin_dir, storage.sqlite.path and
// storage.mysql.tls_ca_file (made absolute against the working directory when the name
// has no directory part). An empty plugin_dir stays empty: the app picks the default.
// Throws ConfigError, one line with the JSON path of the first problem:
//  - JSON syntax errors (with line and column), a non-object document;
//  - unknown or repeated keys anywhere outside the free-form "config" objects;
//  - wrong types, out-of-range numbers, empty required strings, missing required keys;
//  - a storage.mysql.password that is not an "env:" or "file:" secret reference;
//  - everything validateConfig (config_validator.hpp) refuses.
GatewayConfig parseConfig(std::string_view json, const std::string& sourceName);

} // namespace gatehouse
