// Why a config could not be loaded. Thrown by the loader and the validator; the app prints
// what() and exits, so what() is always exactly one line that locates the problem.
#pragma once

#include <stdexcept>
#include <string>

namespace gatehouse {

class ConfigError : public std::runtime_error {
public:
  // what() is "<source>: <path>: <detail>", or "<source>: <detail>" when path is empty
  // (syntax errors, unreadable files), e.g.
  //   /etc/gatehouse.json: $.server.port: expected an integer from 0 to 65535, got "80"
  //   /etc/gatehouse.json: line 12 column 5: invalid JSON: Missing a name for object member.
  ConfigError(std::string source, std::string path, std::string detail);

  // The config file (or caller-given source name) the error is about.
  const std::string& source() const { return source_; }
  // JSONPath-like location of the bad value ("$.providers[1].models[0].name"); empty
  // when the problem is not one value (file unreadable, JSON syntax).
  const std::string& path() const { return path_; }
  // The message without the source and path prefix.
  const std::string& detail() const { return detail_; }

private:
  std::string source_;
  std::string path_;
  std::string detail_;
};

} // namespace gatehouse
