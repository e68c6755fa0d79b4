// Process-wide structured logging: one line per event on stderr, safe from any thread.
#pragma once

#include <string_view>

namespace gatehouse::log {

enum class Level { Debug = 0, Info = 1, Warn = 2, Error = 3 };

void setLevel(Level level);
Level level();
bool enabled(Level level);
// Parses "debug" / "info" / "warn" / "error"; false when unknown.
bool parseLevel(std::string_view text, Level& out);

// Writes "2026-11-27T16:58:11.123Z level component: message". `component` names the
// subsystem or plugin. Messages must never contain secrets.
void write(Level level, std::string_view component, std::string_view message);

inline void debug(std::string_view component, std::string_view message) { if (enabled(Level::Debug)) write(Level::Debug, component, message); }
inline void info(std::string_view component, std::string_view message) { if (enabled(Level::Info)) write(Level::Info, component, message); }
inline void warn(std::string_view component, std::string_view message) { if (enabled(Level::Warn)) write(Level::Warn, component, message); }
inline void error(std::string_view component, std::string_view message) { write(Level::Error, component, message); }

} // namespace gatehouse::log
