// How one request to the mock upstream should misbehave, as asked by the test.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace gatehouse::mock {

// `fail:<status>[:<provider error type>]`: answer with that status and the provider's real
// error body instead of the normal reply.
struct FailSpec {
  int status = 500;
  std::string errorType; // empty: the provider's usual type for `status`
};

// Unset or zero fields mean "behave like the real provider".
struct Scenario {
  std::optional<FailSpec> fail;
  std::chrono::milliseconds stall{0};    // before the response head
  std::chrono::milliseconds drip{0};     // between stream events (and audio chunks)
  std::chrono::milliseconds slowBody{0}; // before each of the 4 pieces of a non-stream body
  std::optional<std::size_t> cutAfter;   // events of a stream, else bytes of the body
  bool reset = false;                    // RST instead of any response
  bool midstreamError = false;
  std::string midstreamErrorType; // empty: the provider's usual type
  std::optional<std::size_t> chunks;
  std::optional<std::size_t> toolCalls;
  std::uint64_t cachedTokens = 0;
  std::uint64_t cacheWriteTokens = 0;
  std::uint64_t reasoningTokens = 0;
  std::optional<int> retryAfterSeconds;
};

// Applies the `x-mock-scenario` header form, e.g. "fail:429:rate_limit_error, drip:20": items
// separated by commas, arguments by colons. Returns an error message, empty on success.
std::string applyScenarioHeader(std::string_view text, Scenario& scenario);

// Applies the model-name form used by clients that cannot set headers:
// "mock-<item>[+<item>...]/<model>" with arguments separated by '-', e.g.
// "mock-fail-429+drip-5/gpt-4o". A model without the prefix is left alone. On success
// `model` holds the name without the prefix. Returns an error message, empty on success.
std::string applyModelScenario(std::string_view fullModel, Scenario& scenario, std::string& model);

} // namespace gatehouse::mock
