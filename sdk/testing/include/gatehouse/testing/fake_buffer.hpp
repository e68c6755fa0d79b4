// The FakeHost's gh_buffer: a growable byte string, owned by the host or (buffer_create)
// by the plugin until buffer_destroy.
#pragma once

#include <gatehouse/plugin_abi.h>

#include <algorithm>
#include <string>

namespace gatehouse::testing {

class FakeBuffer {
public:
  const std::string& contents() const { return contents_; }
  // For host functions that append to the buffer directly (upstream reads).
  std::string& contents() { return contents_; }
  void append(const char* data, std::size_t size) { contents_.append(data, size); }
  void assign(const std::string& text) { contents_ = text; }
  // buffer_clear: zeroed first, since it may hold a secret; the memory is kept.
  void clear() {
    std::fill(contents_.begin(), contents_.end(), '\0');
    contents_.clear();
  }

  FakeBuffer() = default;
  // Zeroed like the real host's buffers, since they may hold a secret.
  ~FakeBuffer() { std::fill(contents_.begin(), contents_.end(), '\0'); }
  FakeBuffer(const FakeBuffer&) = delete;
  FakeBuffer& operator=(const FakeBuffer&) = delete;

  gh_buffer* handle() { return reinterpret_cast<gh_buffer*>(this); }
  static FakeBuffer& from(gh_buffer* buffer) { return *reinterpret_cast<FakeBuffer*>(buffer); }

private:
  std::string contents_;
};

} // namespace gatehouse::testing
