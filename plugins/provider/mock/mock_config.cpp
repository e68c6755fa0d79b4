#include "mock_config.hpp"

#include <gatehouse/sdk/error.hpp>

#include <rapidjson/document.h>

namespace gatehouse::plugins::mock {
namespace {

[[noreturn]] void refuse(const std::string& why) {
  throw sdk::Error(GH_ERROR_CONFIG, "mock provider config: " + why);
}

int readInt(const rapidjson::Value& value, const char* key, int min, int max) {
  if (!value.IsInt() || value.GetInt() < min || value.GetInt() > max) {
    refuse(std::string(key) + " must be an integer from " + std::to_string(min) + " to " +
           std::to_string(max));
  }
  return value.GetInt();
}

} // namespace

MockConfig parseMockConfig(std::string_view json) {
  rapidjson::Document document;
  document.Parse<rapidjson::kParseIterativeFlag>(json.data(), json.size());
  if (document.HasParseError() || !document.IsObject())
    refuse("expected a JSON object");
  MockConfig config;
  for (const auto& member : document.GetObject()) {
    const std::string key(member.name.GetString(), member.name.GetStringLength());
    if (key == "latency_ms") {
      config.latencyMs = readInt(member.value, "latency_ms", 0, kMaxLatencyMs);
    } else if (key == "chunks") {
      config.chunks = readInt(member.value, "chunks", 1, kMaxChunks);
    } else if (key == "reply") {
      if (!member.value.IsString())
        refuse("reply must be a string");
      config.reply.emplace(member.value.GetString(), member.value.GetStringLength());
    } else {
      // A typo in the operator's config must fail start-up, not be silently ignored.
      refuse("unknown key '" + key + "'");
    }
  }
  return config;
}

} // namespace gatehouse::plugins::mock
