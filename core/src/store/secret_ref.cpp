#include <gatehouse/store/secret_ref.hpp>
#include <gatehouse/store/store_error.hpp>

#include <cstdlib>
#include <fstream>
#include <iterator>

namespace gatehouse::store {
namespace {

[[noreturn]] void invalid(std::string_view setting, std::string_view why) {
  std::string message(setting);
  message.append(": ").append(why);
  throw StoreError(StoreError::Kind::Invalid, message);
}

} // namespace

std::string resolveSecretRef(std::string_view reference, std::string_view setting) {
  if (reference.empty())
    return {};
  if (reference.starts_with("env:")) {
    const std::string name(reference.substr(4));
    if (name.empty())
      invalid(setting, "env: needs a variable name");
    const char* value = std::getenv(name.c_str());
    if (value == nullptr)
      invalid(setting, "environment variable " + name + " is not set");
    return value;
  }
  if (reference.starts_with("file:")) {
    const std::string path(reference.substr(5));
    if (path.empty())
      invalid(setting, "file: needs a path");
    std::ifstream file(path, std::ios::binary);
    if (!file)
      invalid(setting, "cannot read " + path);
    std::string secret((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    // Files written by `echo` or an editor end in a newline that is not part of the secret.
    while (!secret.empty() && (secret.back() == '\n' || secret.back() == '\r'))
      secret.pop_back();
    return secret;
  }
  invalid(setting, "must be \"env:NAME\" or \"file:PATH\" (a secret is never written into the config)");
}

} // namespace gatehouse::store
