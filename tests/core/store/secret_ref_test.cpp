#include <gatehouse/store/secret_ref.hpp>
#include <gatehouse/store/store_error.hpp>

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace gatehouse::store {
namespace {

std::string errorOf(const std::string& reference) {
  try {
    resolveSecretRef(reference, "storage.mysql.password");
  } catch (const StoreError& error) {
    EXPECT_EQ(error.kind(), StoreError::Kind::Invalid);
    return error.what();
  }
  ADD_FAILURE() << "no error for " << reference;
  return {};
}

TEST(SecretRef, ReadsAnEnvironmentVariable) {
  setenv("GATEHOUSE_TEST_SECRET", "s3cret value", 1);
  EXPECT_EQ(resolveSecretRef("env:GATEHOUSE_TEST_SECRET", "x"), "s3cret value");
  unsetenv("GATEHOUSE_TEST_SECRET");
}

TEST(SecretRef, ReadsAFileWithoutItsTrailingNewline) {
  const auto path = std::filesystem::temp_directory_path() / "gatehouse_secret_ref_test";
  std::ofstream(path) << "p@ss word\n\n";
  EXPECT_EQ(resolveSecretRef("file:" + path.string(), "x"), "p@ss word");
  std::filesystem::remove(path);
}

TEST(SecretRef, EmptyReferenceMeansNoSecret) {
  EXPECT_EQ(resolveSecretRef("", "x"), "");
}

TEST(SecretRef, ErrorsNameTheSettingAndNeverAValue) {
  unsetenv("GATEHOUSE_TEST_MISSING");
  const std::string missing = errorOf("env:GATEHOUSE_TEST_MISSING");
  EXPECT_NE(missing.find("storage.mysql.password"), std::string::npos);
  EXPECT_NE(missing.find("GATEHOUSE_TEST_MISSING is not set"), std::string::npos);
  EXPECT_NE(errorOf("file:/nonexistent/secret").find("cannot read"), std::string::npos);
  // A password pasted straight into the config must not be echoed back.
  const std::string literal = errorOf("hunter2");
  EXPECT_EQ(literal.find("hunter2"), std::string::npos);
  EXPECT_NE(literal.find("env:NAME"), std::string::npos);
  errorOf("env:");
  errorOf("file:");
}

} // namespace
} // namespace gatehouse::store
