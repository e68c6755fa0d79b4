// Keeps the company's Anthropic key out of anything a client or a log may see. Upstream
// error messages can quote a key (e.g. a proxy repeating the header it rejected), so each
// message from upstream passes through redact() before it goes anywhere.
#pragma once

#include <key_redaction.hpp>
#include <string>
#include <string_view>
#include <utility>

namespace gatehouse::plugins::anthropic {

class KeyRedactor {
public:
  // `apiKey` is the configured key; it is replaced wherever it appears verbatim.
  explicit KeyRedactor(std::string apiKey = {}) : apiKey_(std::move(apiKey)) {}

  // `text` with the configured key and every key-like token (sk-ant-..., masked forms
  // included) replaced by [REDACTED].
  std::string redact(std::string_view text) const { return providers::redactKeys(text, apiKey_); }

private:
  std::string apiKey_;
};

} // namespace gatehouse::plugins::anthropic
