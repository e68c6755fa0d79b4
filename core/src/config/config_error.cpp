#include <gatehouse/config/config_error.hpp>

#include <utility>

namespace gatehouse {
namespace {

std::string composeMessage(const std::string& source, const std::string& path, const std::string& detail) {
  std::string message = source;
  message.append(": ");
  if (!path.empty()) {
    message.append(path).append(": ");
  }
  message.append(detail);
  // A single line keeps the error greppable and safe to put in one log record.
  for (char& c : message) {
    if (c == '\n' || c == '\r') {
      c = ' ';
    }
  }
  return message;
}

} // namespace

ConfigError::ConfigError(std::string source, std::string path, std::string detail)
    : std::runtime_error(composeMessage(source, path, detail)), source_(std::move(source)),
      path_(std::move(path)), detail_(std::move(detail)) {
}

} // namespace gatehouse
