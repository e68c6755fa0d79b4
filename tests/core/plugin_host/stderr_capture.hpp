// Captures what the process writes to file descriptor 2 (where gatehouse::log writes)
// between construction and finish().
#pragma once

#include <cstdio>
#include <stdexcept>
#include <string>
#include <unistd.h>

namespace gatehouse::host_testing {

class StderrCapture {
public:
  StderrCapture() {
    std::fflush(stderr);
    file_ = std::tmpfile();
    saved_ = ::dup(STDERR_FILENO);
    if (file_ == nullptr || saved_ < 0 || ::dup2(::fileno(file_), STDERR_FILENO) < 0) {
      throw std::runtime_error("cannot capture stderr");
    }
  }
  ~StderrCapture() {
    restore();
    if (file_ != nullptr) {
      std::fclose(file_);
    }
  }
  StderrCapture(const StderrCapture&) = delete;
  StderrCapture& operator=(const StderrCapture&) = delete;

  std::string finish() {
    restore();
    std::string text;
    std::rewind(file_);
    char chunk[4096];
    for (std::size_t n; (n = std::fread(chunk, 1, sizeof chunk, file_)) > 0;) {
      text.append(chunk, n);
    }
    return text;
  }

private:
  void restore() {
    if (saved_ < 0) {
      return;
    }
    std::fflush(stderr);
    ::dup2(saved_, STDERR_FILENO);
    ::close(saved_);
    saved_ = -1;
  }

  std::FILE* file_ = nullptr;
  int saved_ = -1;
};

} // namespace gatehouse::host_testing
