// Temporary files for plugin-host tests.
#pragma once

#include <gatehouse/testing/temp_dir.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace gatehouse::host_testing {

// Plugin-host tests name their folders so a leftover says whose it is.
class TempDir : public gatehouse::testing::TempDir {
public:
  TempDir() : gatehouse::testing::TempDir("gatehouse-plugin-host") {}
};

// The lines of a text file; empty when it does not exist.
inline std::vector<std::string> readLines(const std::string& path) {
  std::vector<std::string> lines;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) {
    lines.push_back(line);
  }
  return lines;
}

} // namespace gatehouse::host_testing
