#include <gatehouse/app/config_locator.hpp>

namespace gatehouse::app {

const std::vector<std::string>& defaultConfigCandidates() {
  static const std::vector<std::string> candidates{"./gatehouse.json", "/etc/gatehouse/gatehouse.json"};
  return candidates;
}

std::variant<LocatedConfig, std::string> locateConfig(const std::optional<std::string>& given,
                                                      const std::function<bool(const std::string&)>& exists) {
  if (given)
    return LocatedConfig{*given, true};
  std::string tried;
  for (const std::string& candidate : defaultConfigCandidates()) {
    if (exists(candidate))
      return LocatedConfig{candidate, false};
    tried += tried.empty() ? candidate : " or " + candidate;
  }
  return "no config file: pass --config PATH (found neither " + tried + ")";
}

} // namespace gatehouse::app
