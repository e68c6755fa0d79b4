#include <gatehouse/config/config_error.hpp>
#include <gatehouse/config/config_loader.hpp>
#include <gatehouse/config/config_validator.hpp>

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <cerrno>
#include <fcntl.h>
#include <filesystem>
#include <system_error>
#include <unistd.h>

#include "config_schema.hpp"
#include "text_position.hpp"

namespace gatehouse {
namespace {

namespace fs = std::filesystem;

// strerror() is not thread-safe; the error_code message is.
std::string errorText(int error) {
  return std::error_code(error, std::generic_category()).message();
}

// POSIX calls rather than iostreams: they report the real errno (ENOENT, EACCES, EISDIR)
// for the one-line error, where ifstream only says "failed".
std::string readWholeFile(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    throw ConfigError(path, "", "cannot read config file: " + errorText(errno));
  }
  std::string contents;
  char chunk[64 * 1024];
  for (;;) {
    const ssize_t got = ::read(fd, chunk, sizeof chunk);
    if (got > 0) {
      contents.append(chunk, static_cast<std::size_t>(got));
    } else if (got == 0) {
      break;
    } else if (errno != EINTR) {
      const int readError = errno;
      ::close(fd);
      throw ConfigError(path, "", "cannot read config file: " + errorText(readError));
    }
  }
  ::close(fd);
  return contents;
}

fs::path baseDirectoryOf(const std::string& sourceName) {
  std::error_code error;
  const fs::path absolute = fs::absolute(sourceName.empty() ? fs::path(".") : fs::path(sourceName), error);
  if (error) {
    return fs::path(sourceName).parent_path(); // no working directory: stay relative
  }
  return absolute.parent_path();
}

// Relative paths in a config file mean "next to this file", so the same file works
// whatever directory the service is started from (systemd starts it in /).
void resolveAgainst(const fs::path& base, std::string& path) {
  if (path.empty() || fs::path(path).is_absolute()) {
    return;
  }
  path = (base / path).lexically_normal().string();
}

void resolveRelativePaths(GatewayConfig& config, const fs::path& base) {
  resolveAgainst(base, config.pluginDir);
  // ":memory:" names SQLite's in-memory database, not a file.
  if (config.storage.sqlite.path != ":memory:") {
    resolveAgainst(base, config.storage.sqlite.path);
  }
  resolveAgainst(base, config.storage.mysql.tlsCaFile);
  resolveAgainst(base, config.usage.spoolPath);
  resolveAgainst(base, config.upstream.caFile);
  for (ProviderConfig& provider : config.providers) {
    resolveAgainst(base, provider.upstream.caFile); // idempotent for one inherited from the top level
  }
  for (PluginConfig& plugin : config.plugins) {
    resolveAgainst(base, plugin.upstream.caFile);
  }
}

} // namespace

GatewayConfig parseConfig(std::string_view json, const std::string& sourceName) {
  rapidjson::Document document;
  // Iterative parsing: nesting depth cannot exhaust the stack.
  constexpr unsigned kFlags = rapidjson::kParseValidateEncodingFlag | rapidjson::kParseIterativeFlag;
  document.Parse<kFlags>(json.empty() ? "" : json.data(), json.size());
  if (document.HasParseError()) {
    const config_detail::TextPosition at = config_detail::positionAt(json, document.GetErrorOffset());
    throw ConfigError(sourceName, "",
                      "line " + std::to_string(at.line) + " column " + std::to_string(at.column) +
                          ": invalid JSON: " + rapidjson::GetParseError_En(document.GetParseError()));
  }
  GatewayConfig config = config_detail::readGatewayConfig(document, sourceName);
  resolveRelativePaths(config, baseDirectoryOf(sourceName));
  validateConfig(config);
  return config;
}

GatewayConfig loadConfigFile(const std::string& path) {
  return parseConfig(readWholeFile(path), path);
}

} // namespace gatehouse
