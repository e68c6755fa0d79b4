#include <gatehouse/common/secret_reference.hpp>

#include <gatehouse/testing/temp_dir.hpp>

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

namespace gatehouse {
namespace {

constexpr const char* kSecret = "sk-live-0123456789";

// The tests are single-threaded, so the environment's lack of thread safety does not apply.
void setEnvironment(const char* name, const char* value) {
  ::setenv(name, value, 1); // NOLINT(concurrency-mt-unsafe)
}
void clearEnvironment(const char* name) {
  ::unsetenv(name); // NOLINT(concurrency-mt-unsafe)
}

// A private directory for one test's secret files, removed afterwards.
class TempDir : public gatehouse::testing::TempDir {
public:
  TempDir() : gatehouse::testing::TempDir("gatehouse-secret") {}
};

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

// --- parseSecretReference (the config's form check) ---------------------------------

TEST(SecretReference, ParsesEnvironmentReference) {
  const auto reference = parseSecretReference("env:GH_DB_PASSWORD_2");
  ASSERT_TRUE(reference.has_value());
  EXPECT_EQ(reference->source, SecretSource::Environment);
  EXPECT_EQ(reference->target, "GH_DB_PASSWORD_2");
}

TEST(SecretReference, ParsesFileReferenceKeepingThePathAsWritten) {
  const auto reference = parseSecretReference("file:secrets/db password.txt");
  ASSERT_TRUE(reference.has_value());
  EXPECT_EQ(reference->source, SecretSource::File);
  EXPECT_EQ(reference->target, "secrets/db password.txt");
}

TEST(SecretReference, AcceptsUnderscoreFirstEnvironmentName) {
  EXPECT_TRUE(parseSecretReference("env:_X").has_value());
}

class SecretReferenceRefused : public ::testing::TestWithParam<const char*> {};

TEST_P(SecretReferenceRefused, IsNotAReference) {
  EXPECT_FALSE(parseSecretReference(GetParam()).has_value());
}

// resolveSecret refuses exactly what the config refuses, without echoing it.
TEST_P(SecretReferenceRefused, IsNotResolvedAndNotEchoed) {
  const Resolved result = resolve(GetParam());
  EXPECT_EQ(result.status, GH_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(result.value, "");
  EXPECT_EQ(result.error, "a secret reference must look like env:NAME or file:PATH");
}

INSTANTIATE_TEST_SUITE_P(NotReferences, SecretReferenceRefused,
                         ::testing::Values("", "hunter2", "env:", "file:", "env:1ABC", "env:A-B", "env:A B",
                                         "ENV:X", "File:/x", "env", " env:X", "vault:secret/x"));

// --- resolveSecret: environment -------------------------------------------------------

TEST(ResolveSecret, ReadsEnvironmentVariable) {
  setEnvironment("GATEHOUSE_TEST_SECRET_ENV", kSecret);
  const Resolved result = resolve("env:GATEHOUSE_TEST_SECRET_ENV");
  EXPECT_EQ(result.status, GH_OK);
  EXPECT_EQ(result.value, kSecret);
  EXPECT_EQ(result.error, "");
}

TEST(ResolveSecret, KeepsAnEnvironmentValueExactly) {
  setEnvironment("GATEHOUSE_TEST_SECRET_SPACES", "s3cret value\n");
  EXPECT_EQ(resolve("env:GATEHOUSE_TEST_SECRET_SPACES").value, "s3cret value\n");
}

TEST(ResolveSecret, AppendsToWhatIsAlreadyThere) {
  setEnvironment("GATEHOUSE_TEST_SECRET_APPEND", "tail");
  std::string value = "Bearer ";
  std::string error;
  ASSERT_EQ(resolveSecret("env:GATEHOUSE_TEST_SECRET_APPEND", value, error), GH_OK);
  EXPECT_EQ(value, "Bearer tail");
}

TEST(ResolveSecret, UnsetVariableIsNotFoundAndNamesTheReference) {
  clearEnvironment("GATEHOUSE_TEST_SECRET_UNSET");
  const Resolved result = resolve("env:GATEHOUSE_TEST_SECRET_UNSET");
  EXPECT_EQ(result.status, GH_ERROR_NOT_FOUND);
  EXPECT_NE(result.error.find("env:GATEHOUSE_TEST_SECRET_UNSET"), std::string::npos) << result.error;
  EXPECT_EQ(result.value, "");
}

TEST(ResolveSecret, EmptyVariableIsNotFound) {
  setEnvironment("GATEHOUSE_TEST_SECRET_EMPTY", "");
  EXPECT_EQ(resolve("env:GATEHOUSE_TEST_SECRET_EMPTY").status, GH_ERROR_NOT_FOUND);
}

// --- resolveSecret: files -------------------------------------------------------------

TEST(ResolveSecret, ReadsFileWithOneTrailingNewlineRemoved) {
  TempDir dir;
  const std::string path = dir.write("key", std::string(kSecret) + "\n");
  const Resolved result = resolve("file:" + path);
  EXPECT_EQ(result.status, GH_OK);
  EXPECT_EQ(result.value, kSecret);
}

TEST(ResolveSecret, RemovesOneCarriageReturnLineFeed) {
  TempDir dir;
  EXPECT_EQ(resolve("file:" + dir.write("crlf", "p@ss word\r\n")).value, "p@ss word");
}

TEST(ResolveSecret, RemovesOnlyOneLineEnding) {
  TempDir dir;
  EXPECT_EQ(resolve("file:" + dir.write("two", "abc\n\n")).value, "abc\n");
  EXPECT_EQ(resolve("file:" + dir.write("two-crlf", "abc\r\n\r\n")).value, "abc\r\n");
  EXPECT_EQ(resolve("file:" + dir.write("none", "abc")).value, "abc");
  // A lone trailing "\r" is not a line ending, so it is part of the secret.
  EXPECT_EQ(resolve("file:" + dir.write("cr", "abc\r")).value, "abc\r");
  EXPECT_EQ(resolve("file:" + dir.write("only", "\r\n")).value, "");
}

TEST(ResolveSecret, MissingFileIsNotFoundAndNamesTheReference) {
  TempDir dir;
  const std::string reference = "file:" + dir.file("absent");
  const Resolved result = resolve(reference);
  EXPECT_EQ(result.status, GH_ERROR_NOT_FOUND);
  EXPECT_NE(result.error.find(reference), std::string::npos) << result.error;
  EXPECT_NE(result.error.find("cannot be read"), std::string::npos) << result.error;
}

TEST(ResolveSecret, DirectoryIsNotReadable) {
  TempDir dir;
  EXPECT_EQ(resolve("file:" + dir.file("")).status, GH_ERROR_NOT_FOUND);
}

TEST(ResolveSecret, OversizedFileIsRefusedWithoutEchoingIt) {
  TempDir dir;
  const std::string contents = std::string(kSecret) + std::string(std::size_t{70} * 1024, 'x');
  const Resolved result = resolve("file:" + dir.write("big", contents));
  EXPECT_EQ(result.status, GH_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(result.value, "");
  EXPECT_EQ(result.error.find(kSecret), std::string::npos) << result.error;
  EXPECT_NE(result.error.find("64 KiB"), std::string::npos) << result.error;
}

TEST(ResolveSecret, FileOfExactlyTheLimitIsRead) {
  TempDir dir;
  const Resolved result = resolve("file:" + dir.write("limit", std::string(kMaxSecretFileBytes, 'k')));
  EXPECT_EQ(result.status, GH_OK);
  EXPECT_EQ(result.value.size(), 64u * 1024u);
}

TEST(ResolveSecret, FileOneByteOverTheLimitIsRefused) {
  TempDir dir;
  EXPECT_EQ(resolve("file:" + dir.write("over", std::string(kMaxSecretFileBytes + 1, 'k'))).status,
            GH_ERROR_INVALID_ARGUMENT);
}

TEST(ResolveSecret, ErrorsNeverContainTheValue) {
  // The value exists, but the reference is wrong in a way that fails.
  setEnvironment("GATEHOUSE_TEST_SECRET_PRESENT", kSecret);
  for (const char* reference : {"env:GATEHOUSE_TEST_SECRET_PRESENT_NOT", "ENV:GATEHOUSE_TEST_SECRET_PRESENT",
                                "file:/nonexistent/gatehouse", kSecret}) {
    const Resolved result = resolve(reference);
    EXPECT_NE(result.status, GH_OK) << reference;
    EXPECT_EQ(result.error.find(kSecret), std::string::npos) << result.error;
  }
}

} // namespace
} // namespace gatehouse
