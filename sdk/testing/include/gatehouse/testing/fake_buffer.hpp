// The FakeHost's gh_buffer: a growable byte string the host owns.
#pragma once

#include <gatehouse/plugin_abi.h>

#include <string>

namespace gatehouse::testing {

class FakeBuffer {
public:
  const std::string& contents() const { return contents_; }
  void append(const char* data, std::size_t size) { contents_.append(data, size); }

  gh_buffer* handle() { return reinterpret_cast<gh_buffer*>(this); }
  static FakeBuffer& from(gh_buffer* buffer) { return *reinterpret_cast<FakeBuffer*>(buffer); }

private:
  std::string contents_;
};

} // namespace gatehouse::testing
