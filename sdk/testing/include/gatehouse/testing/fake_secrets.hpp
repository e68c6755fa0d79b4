// Secret references for the FakeHost, resolved by resolve_secret's documented rules but
// from maps the test fills instead of the real environment and file system.
#pragma once

#include <gatehouse/plugin_abi.h>

#include <map>
#include <string>
#include <string_view>
#include <utility>

namespace gatehouse::testing {

class FakeSecrets {
public:
  // What "env:NAME" resolves to. An empty value counts as unset, as in the real host.
  void setEnv(std::string name, std::string value) { env_[std::move(name)] = std::move(value); }
  // What "file:PATH" resolves to; a single trailing "\n" or "\r\n" is removed on
  // resolution, as in the real host.
  void setFile(std::string path, std::string contents) { files_[std::move(path)] = std::move(contents); }

  // On failure `why` names the reference, never a value.
  gh_status resolve(std::string_view reference, std::string& value, std::string& why) const {
    const std::string ref(reference);
    if (ref.rfind("env:", 0) == 0) {
      auto found = env_.find(ref.substr(4));
      if (found == env_.end() || found->second.empty()) {
        return notFound(ref, why);
      }
      value = found->second;
      return GH_OK;
    }
    if (ref.rfind("file:", 0) == 0) {
      auto found = files_.find(ref.substr(5));
      if (found == files_.end()) {
        return notFound(ref, why);
      }
      value = found->second;
      if (!value.empty() && value.back() == '\n') {
        value.pop_back();
        if (!value.empty() && value.back() == '\r') {
          value.pop_back();
        }
      }
      return GH_OK;
    }
    // Not echoed, as in the real host: it may be the secret itself pasted in its place.
    why = "a secret reference must look like env:NAME or file:PATH";
    return GH_ERROR_INVALID_ARGUMENT;
  }

private:
  static gh_status notFound(const std::string& reference, std::string& why) {
    why = "secret " + reference + " cannot be resolved";
    return GH_ERROR_NOT_FOUND;
  }

  std::map<std::string, std::string> env_;
  std::map<std::string, std::string> files_;
};

} // namespace gatehouse::testing
