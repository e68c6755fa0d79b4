// Test helpers for the anthropic provider: fixture files, JSON comparison and a small
// Server-Sent Events splitter for recorded Anthropic stream transcripts.
#pragma once

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <string>
#include <string_view>
#include <vector>

namespace gatehouse::plugins::anthropic::test {

// The contents of fixtures/<relativePath>; fails the test when it cannot be read.
std::string readFixture(const std::string& relativePath);

// The file names (not paths) in fixtures/<directory> ending with `suffix`, sorted.
std::vector<std::string> fixtureNames(const std::string& directory, const std::string& suffix);

// Parses `text`; fails the test (and returns null) when it is not JSON.
rapidjson::Document parse(std::string_view text);

// Success when `actual` parses to JSON equal to `expected` (member order aside).
::testing::AssertionResult sameJson(std::string_view actual, const rapidjson::Value& expected);

// `value` serialised, for messages.
std::string dump(const rapidjson::Value& value);

struct TranscriptEvent {
  std::string event;
  std::string data;
};

// Splits a recorded "event: x\ndata: {...}\n\n" transcript into its events.
std::vector<TranscriptEvent> splitTranscript(std::string_view text);

} // namespace gatehouse::plugins::anthropic::test
