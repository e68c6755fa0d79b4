#include "mock_options.hpp"

#include <charconv>

namespace gatehouse::mock {
namespace {

bool parseInt(const std::string& text, long long min, long long max, long long& out) {
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return !text.empty() && ec == std::errc() && end == text.data() + text.size() && out >= min && out <= max;
}

std::optional<Provider> providerNamed(std::string_view name) {
  if (name == "openai")
    return Provider::OpenAi;
  if (name == "azure")
    return Provider::Azure;
  if (name == "anthropic")
    return Provider::Anthropic;
  if (name == "gemini")
    return Provider::Gemini;
  return std::nullopt;
}

} // namespace

std::optional<std::string_view> MockOptions::expectedKey(Provider provider) const {
  if (auto found = expectKeys.find(provider); found != expectKeys.end())
    return found->second;
  if (expectKeyForAll)
    return *expectKeyForAll;
  return std::nullopt;
}

std::string usageText() {
  return "usage: gatehouse_mock_upstream [--host 127.0.0.1] [--port 0] [--tls-cert FILE --tls-key FILE]\n"
         "       [--threads N] [--expect-key [openai=|azure=|anthropic=|gemini=]KEY]...\n"
         "       [--no-record] [--record-limit N] [--max-body-bytes N] [--idle-timeout S]\n";
}

OptionsParse parseOptions(const std::vector<std::string>& args) {
  OptionsParse result;
  auto& o = result.options;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const auto& name = args[i];
    auto value = [&]() -> const std::string* { return i + 1 < args.size() ? &args[++i] : nullptr; };
    long long number = 0;
    if (name == "--help" || name == "-h") {
      result.help = true;
    } else if (name == "--no-record") {
      o.record = false;
    } else if (name == "--host" || name == "--tls-cert" || name == "--tls-key" || name == "--expect-key") {
      const auto* text = value();
      if (!text || text->empty()) {
        result.error = name + " needs a value";
        return result;
      }
      if (name == "--host") {
        o.host = *text;
      } else if (name == "--tls-cert") {
        o.tlsCert = *text;
      } else if (name == "--tls-key") {
        o.tlsKey = *text;
      } else {
        // "anthropic=KEY" sets one provider's key; anything else is a key for all.
        auto eq = text->find('=');
        auto provider =
            eq == std::string::npos ? std::nullopt : providerNamed(std::string_view(*text).substr(0, eq));
        if (provider)
          o.expectKeys[*provider] = text->substr(eq + 1);
        else
          o.expectKeyForAll = *text;
      }
    } else if (name == "--port" || name == "--threads" || name == "--record-limit" ||
               name == "--max-body-bytes" || name == "--idle-timeout") {
      const auto* text = value();
      long long max = name == "--port" ? 65535 : name == "--max-body-bytes" ? (1LL << 32) : 1'000'000;
      long long min = name == "--port" ? 0 : 1;
      if (!text || !parseInt(*text, min, max, number)) {
        result.error = name + " needs a number from " + std::to_string(min) + " to " + std::to_string(max);
        return result;
      }
      if (name == "--port")
        o.port = static_cast<std::uint16_t>(number);
      else if (name == "--threads")
        o.threads = static_cast<int>(number);
      else if (name == "--record-limit")
        o.recordLimit = static_cast<std::size_t>(number);
      else if (name == "--max-body-bytes")
        o.maxBodyBytes = static_cast<std::size_t>(number);
      else
        o.idleTimeoutSeconds = static_cast<int>(number);
    } else {
      result.error = "unknown argument '" + name + "'";
      return result;
    }
  }
  if (o.tlsCert.empty() != o.tlsKey.empty())
    result.error = "--tls-cert and --tls-key go together";
  return result;
}

} // namespace gatehouse::mock
