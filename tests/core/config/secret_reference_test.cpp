#include <gatehouse/config/secret_reference.hpp>

#include <gtest/gtest.h>

namespace gatehouse {
namespace {

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

class SecretReferenceRefused : public testing::TestWithParam<const char*> {};

TEST_P(SecretReferenceRefused, IsNotAReference) {
  EXPECT_FALSE(parseSecretReference(GetParam()).has_value());
}

INSTANTIATE_TEST_SUITE_P(NotReferences, SecretReferenceRefused,
                         testing::Values("", "hunter2", "env:", "file:", "env:1ABC", "env:A-B", "env:A B",
                                         "ENV:X", "File:/x", "env", " env:X", "vault:secret/x"));

} // namespace
} // namespace gatehouse
