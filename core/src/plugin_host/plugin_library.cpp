#include <gatehouse/plugin_host/plugin_library.hpp>

#include <dlfcn.h>
#include <system_error>
#include <type_traits>

namespace gatehouse {
namespace {

// dlerror() starts with "<path>: "; the caller already names the file.
std::string loaderReason(const std::filesystem::path& path, const boost::dll::fs::error_code& error) {
  // glibc keeps dlerror's state per thread, so concurrent loads cannot mix reasons.
  const char* detail = ::dlerror(); // NOLINT(concurrency-mt-unsafe)
  std::string reason = detail ? std::string(detail) : error.message();
  const std::string prefix = path.string() + ": ";
  if (reason.compare(0, prefix.size(), prefix) == 0) {
    reason.erase(0, prefix.size());
  }
  return reason;
}

} // namespace

std::string PluginLibrary::open(const std::filesystem::path& path) {
  std::error_code statusError;
  const bool exists = std::filesystem::exists(path, statusError);
  if (statusError) {
    return "cannot access file: " + statusError.message();
  }
  if (!exists) {
    return "file not found";
  }
  ::dlerror(); // NOLINT(concurrency-mt-unsafe): clears a stale reason, see loaderReason
  boost::dll::fs::error_code error;
  library_.load(boost::dll::fs::path(path.string()), error,
                boost::dll::load_mode::rtld_now | boost::dll::load_mode::rtld_local);
  if (error || !library_.is_loaded()) {
    return "not a loadable shared library: " + loaderReason(path, error);
  }
  return {};
}

gh_plugin_entry_fn PluginLibrary::entryPoint() const {
  if (!library_.is_loaded() || !library_.has(GH_PLUGIN_ENTRY_SYMBOL)) {
    return nullptr;
  }
  return &library_.get<std::remove_pointer_t<gh_plugin_entry_fn>>(GH_PLUGIN_ENTRY_SYMBOL);
}

} // namespace gatehouse
