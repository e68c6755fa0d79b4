#include "fixture.hpp"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace gatehouse::plugins::anthropic::test {

std::string readFixture(const std::string& relativePath) {
  const std::string path = std::string(GATEHOUSE_ANTHROPIC_FIXTURE_DIR) + "/" + relativePath;
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << "cannot read " << path;
  std::ostringstream contents;
  contents << in.rdbuf();
  return contents.str();
}

std::vector<std::string> fixtureNames(const std::string& directory, const std::string& suffix) {
  std::vector<std::string> names;
  for (const auto& entry :
       std::filesystem::directory_iterator(std::string(GATEHOUSE_ANTHROPIC_FIXTURE_DIR) + "/" + directory)) {
    const std::string name = entry.path().filename().string();
    if (name.size() > suffix.size() &&
        name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0) {
      names.push_back(name);
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

rapidjson::Document parse(std::string_view text) {
  rapidjson::Document document;
  document.Parse(text.data(), text.size());
  EXPECT_FALSE(document.HasParseError()) << "not JSON: " << text;
  if (document.HasParseError()) {
    document.SetNull();
  }
  return document;
}

std::string dump(const rapidjson::Value& value) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  value.Accept(writer);
  return std::string(buffer.GetString(), buffer.GetSize());
}

::testing::AssertionResult sameJson(std::string_view actual, const rapidjson::Value& expected) {
  rapidjson::Document parsed;
  parsed.Parse(actual.data(), actual.size());
  if (parsed.HasParseError()) {
    return ::testing::AssertionFailure() << "not JSON: " << actual;
  }
  if (parsed != expected) {
    return ::testing::AssertionFailure() << "\n  actual:   " << actual << "\n  expected: " << dump(expected);
  }
  return ::testing::AssertionSuccess();
}

std::vector<TranscriptEvent> splitTranscript(std::string_view text) {
  std::vector<TranscriptEvent> events;
  TranscriptEvent current;
  bool haveData = false;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    const std::string_view line = text.substr(start, end - start);
    if (line.empty()) {
      if (haveData) {
        events.push_back(current);
      }
      current = TranscriptEvent{};
      haveData = false;
    } else if (line.rfind("event: ", 0) == 0) {
      current.event = std::string(line.substr(7));
    } else if (line.rfind("data: ", 0) == 0) {
      current.data += (haveData ? "\n" : "") + std::string(line.substr(6));
      haveData = true;
    }
    start = end + 1;
  }
  if (haveData) {
    events.push_back(current);
  }
  return events;
}

} // namespace gatehouse::plugins::anthropic::test
