#include <gatehouse/common/secret_redactor.hpp>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <shared_mutex>
#include <vector>

namespace gatehouse::secrets {
namespace {

struct Registry {
  std::shared_mutex mutex;
  std::vector<std::string> values; // longest first, so a secret containing another is masked whole
  std::atomic<bool> empty{true};
};

Registry& registry() {
  static Registry instance;
  return instance;
}

bool replaceAll(std::string& text, const std::string& secret) {
  bool found = false;
  std::size_t at = text.find(secret);
  while (at != std::string::npos) {
    text.replace(at, secret.size(), kRedactedMarker);
    found = true;
    at = text.find(secret, at + kRedactedMarker.size());
  }
  return found;
}

} // namespace

void remember(std::string_view value) {
  if (value.size() < kMinRedactedLength) {
    return;
  }
  Registry& r = registry();
  const std::unique_lock lock(r.mutex);
  if (std::find(r.values.begin(), r.values.end(), value) != r.values.end()) {
    return;
  }
  r.values.emplace_back(value);
  std::sort(r.values.begin(), r.values.end(),
            [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  r.empty.store(false, std::memory_order_release);
}

bool redact(std::string& text) {
  Registry& r = registry();
  if (r.empty.load(std::memory_order_acquire) || text.size() < kMinRedactedLength) {
    return false;
  }
  const std::shared_lock lock(r.mutex);
  bool found = false;
  for (const std::string& secret : r.values) {
    found = replaceAll(text, secret) || found;
  }
  return found;
}

void forgetAllForTesting() {
  Registry& r = registry();
  const std::unique_lock lock(r.mutex);
  for (std::string& value : r.values) {
    std::fill(value.begin(), value.end(), '\0');
  }
  r.values.clear();
  r.empty.store(true, std::memory_order_release);
}

} // namespace gatehouse::secrets
