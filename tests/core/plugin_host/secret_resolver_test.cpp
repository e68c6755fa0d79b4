#include <gatehouse/plugin_host/secret_resolver.hpp>

#include <gtest/gtest.h>

#include "temp_dir.hpp"
#include "test_environment.hpp"

namespace gatehouse {
namespace {

using host_testing::TempDir;

constexpr const char* kSecret = "sk-live-0123456789";

struct Resolved {
  gh_status status = GH_OK;
  std::string value;
  std::string error;
};

Resolved resolve(std::string_view reference) {
  Resolved result;
  result.status = resolveSecret(reference, result.value, result.error);
  return result;
}

TEST(SecretResolver, ReadsEnvironmentVariable) {
  host_testing::setEnvironment("GATEHOUSE_TEST_SECRET_ENV", kSecret);
  const Resolved result = resolve("env:GATEHOUSE_TEST_SECRET_ENV");
  EXPECT_EQ(result.status, GH_OK);
  EXPECT_EQ(result.value, kSecret);
  EXPECT_EQ(result.error, "");
}

TEST(SecretResolver, AppendsToWhatIsAlreadyThere) {
  host_testing::setEnvironment("GATEHOUSE_TEST_SECRET_APPEND", "tail");
  std::string value = "Bearer ";
  std::string error;
  ASSERT_EQ(resolveSecret("env:GATEHOUSE_TEST_SECRET_APPEND", value, error), GH_OK);
  EXPECT_EQ(value, "Bearer tail");
}

TEST(SecretResolver, UnsetVariableIsNotFoundAndNamesTheReference) {
  host_testing::clearEnvironment("GATEHOUSE_TEST_SECRET_UNSET");
  const Resolved result = resolve("env:GATEHOUSE_TEST_SECRET_UNSET");
  EXPECT_EQ(result.status, GH_ERROR_NOT_FOUND);
  EXPECT_NE(result.error.find("env:GATEHOUSE_TEST_SECRET_UNSET"), std::string::npos) << result.error;
  EXPECT_EQ(result.value, "");
}

TEST(SecretResolver, EmptyVariableIsNotFound) {
  host_testing::setEnvironment("GATEHOUSE_TEST_SECRET_EMPTY", "");
  EXPECT_EQ(resolve("env:GATEHOUSE_TEST_SECRET_EMPTY").status, GH_ERROR_NOT_FOUND);
}

TEST(SecretResolver, EnvWithoutNameIsInvalid) {
  EXPECT_EQ(resolve("env:").status, GH_ERROR_INVALID_ARGUMENT);
}

TEST(SecretResolver, ReadsFileWithOneTrailingNewlineRemoved) {
  TempDir dir;
  const std::string path = dir.write("key", std::string(kSecret) + "\n");
  const Resolved result = resolve("file:" + path);
  EXPECT_EQ(result.status, GH_OK);
  EXPECT_EQ(result.value, kSecret);
}

TEST(SecretResolver, RemovesOnlyOneNewline) {
  TempDir dir;
  EXPECT_EQ(resolve("file:" + dir.write("two", "abc\n\n")).value, "abc\n");
  EXPECT_EQ(resolve("file:" + dir.write("none", "abc")).value, "abc");
}

TEST(SecretResolver, MissingFileIsNotFoundAndNamesTheReference) {
  TempDir dir;
  const std::string reference = "file:" + dir.file("absent");
  const Resolved result = resolve(reference);
  EXPECT_EQ(result.status, GH_ERROR_NOT_FOUND);
  EXPECT_NE(result.error.find(reference), std::string::npos) << result.error;
}

TEST(SecretResolver, DirectoryIsNotReadable) {
  TempDir dir;
  EXPECT_EQ(resolve("file:" + dir.file("")).status, GH_ERROR_NOT_FOUND);
}

TEST(SecretResolver, OversizedFileIsRefusedWithoutEchoingIt) {
  TempDir dir;
  const std::string contents = std::string(kSecret) + std::string(std::size_t{70} * 1024, 'x');
  const Resolved result = resolve("file:" + dir.write("big", contents));
  EXPECT_EQ(result.status, GH_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(result.value, "");
  EXPECT_EQ(result.error.find(kSecret), std::string::npos) << result.error;
}

TEST(SecretResolver, FileOfExactlyTheLimitIsRead) {
  TempDir dir;
  const Resolved result = resolve("file:" + dir.write("limit", std::string(std::size_t{64} * 1024, 'k')));
  EXPECT_EQ(result.status, GH_OK);
  EXPECT_EQ(result.value.size(), 64u * 1024u);
}

TEST(SecretResolver, PlainSecretInPlaceOfAReferenceIsNeverEchoed) {
  const Resolved result = resolve(kSecret);
  EXPECT_EQ(result.status, GH_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(result.error.find(kSecret), std::string::npos) << result.error;
  EXPECT_NE(result.error.find("env:NAME or file:PATH"), std::string::npos) << result.error;
}

TEST(SecretResolver, ErrorsNeverContainTheValue) {
  // The value exists, but the reference is wrong in a way that fails.
  host_testing::setEnvironment("GATEHOUSE_TEST_SECRET_PRESENT", kSecret);
  for (const char* reference : {"env:GATEHOUSE_TEST_SECRET_PRESENT_NOT", "ENV:GATEHOUSE_TEST_SECRET_PRESENT",
                                "file:/nonexistent/gatehouse"}) {
    const Resolved result = resolve(reference);
    EXPECT_NE(result.status, GH_OK) << reference;
    EXPECT_EQ(result.error.find(kSecret), std::string::npos) << result.error;
  }
}

} // namespace
} // namespace gatehouse
