// The one exception the plugin host throws: the gateway refuses to start with it.
#pragma once

#include <stdexcept>

namespace gatehouse {

// Why a plugin could not be loaded or an instance not be created. what() is one line
// naming the plugin file and the cause, e.g.
//   plugin 'mock' (/x/libfoo.so): ABI major 2 is not supported (host speaks 1.0)
//   provider 'openai-eu': plugin 'openai' is not loaded
class PluginLoadError : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

} // namespace gatehouse
