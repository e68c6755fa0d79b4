// Which config file the gateway runs with when --config is not given. Nothing is
// assumed silently: the caller logs the choice.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace gatehouse::app {

// In order: ./gatehouse.json, /etc/gatehouse/gatehouse.json.
const std::vector<std::string>& defaultConfigCandidates();

struct LocatedConfig {
  std::string path;
  bool explicitlyGiven = false; // true when it came from the command line
};

// The given path when there is one (even if missing: loading reports that), else the
// first candidate that `exists`. Otherwise a one-line error naming what was tried.
std::variant<LocatedConfig, std::string> locateConfig(const std::optional<std::string>& given,
                                                      const std::function<bool(const std::string&)>& exists);

} // namespace gatehouse::app
