// Helpers the gemini plugin's tests share: fixture files, JSON comparison that prints both
// sides when they differ, and predictable tool call ids.
#pragma once

#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "json_util.hpp"
#include "tool_call_ids.hpp"

namespace gatehouse::plugins::gemini::testing {

// The text of tests/plugins/provider/gemini/fixtures/<relativePath>.
inline std::string readFixture(const std::string& relativePath) {
  const std::string path = std::string(GEMINI_FIXTURE_DIR) + "/" + relativePath;
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    ADD_FAILURE() << "cannot read fixture " << path;
    return {};
  }
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

inline rapidjson::Document parsed(std::string_view json) {
  rapidjson::Document document;
  document.Parse(json.data(), json.size());
  if (document.HasParseError()) {
    ADD_FAILURE() << "not JSON: " << json;
  }
  return document;
}

inline std::string pretty(const rapidjson::Value& value) {
  rapidjson::StringBuffer buffer;
  rapidjson::PrettyWriter<rapidjson::StringBuffer> writer(buffer);
  value.Accept(writer);
  return std::string(buffer.GetString(), buffer.GetSize());
}

// Same JSON value, object member order aside.
inline ::testing::AssertionResult sameJson(std::string_view actual, const rapidjson::Value& expected) {
  const rapidjson::Document document = parsed(actual);
  if (document.HasParseError()) {
    return ::testing::AssertionFailure() << "not JSON: " << actual;
  }
  if (document == expected) {
    return ::testing::AssertionSuccess();
  }
  return ::testing::AssertionFailure() << "actual:\n"
                                       << pretty(document) << "\nexpected:\n"
                                       << pretty(expected);
}

inline ::testing::AssertionResult sameJson(std::string_view actual, std::string_view expected) {
  return sameJson(actual, static_cast<const rapidjson::Value&>(parsed(expected)));
}

// The data of each event of a Server-Sent Events transcript (Gemini separates events with
// "\r\n\r\n"), as the host's SSE reader hands them to the plugin.
inline std::vector<std::string> sseData(std::string_view transcript) {
  std::vector<std::string> events;
  std::string data;
  bool hasData = false;
  std::size_t start = 0;
  while (start <= transcript.size()) {
    std::size_t end = transcript.find('\n', start);
    if (end == std::string_view::npos) {
      end = transcript.size();
    }
    std::string_view line = transcript.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') {
      line.remove_suffix(1);
    }
    if (line.empty()) {
      if (hasData) {
        events.push_back(data);
      }
      data.clear();
      hasData = false;
    } else if (line.substr(0, 5) == "data:") {
      std::string_view value = line.substr(5);
      if (!value.empty() && value.front() == ' ') {
        value.remove_prefix(1);
      }
      if (hasData) {
        data += '\n';
      }
      data += value;
      hasData = true;
    }
    start = end + 1;
  }
  if (hasData) {
    events.push_back(data);
  }
  return events;
}

// call_1, call_2, ...: predictable ids for comparing against fixtures.
class CountingToolCallIds final : public ToolCallIds {
public:
  std::string next() override { return "call_" + std::to_string(++issued_); }

private:
  int issued_ = 0;
};

} // namespace gatehouse::plugins::gemini::testing
