// The FakeSecrets follow resolve_secret's documented rules.
#include <gatehouse/testing/fake_secrets.hpp>

#include <gtest/gtest.h>

namespace {

using gatehouse::testing::FakeSecrets;

TEST(FakeSecrets, ResolvesEnvReferences) {
  FakeSecrets secrets;
  secrets.setEnv("OPENAI_KEY", "sk-test");
  std::string value, why;
  EXPECT_EQ(secrets.resolve("env:OPENAI_KEY", value, why), GH_OK);
  EXPECT_EQ(value, "sk-test");
}

TEST(FakeSecrets, UnsetOrEmptyEnvIsNotFoundNamingTheReference) {
  FakeSecrets secrets;
  secrets.setEnv("EMPTY", "");
  std::string value, why;
  EXPECT_EQ(secrets.resolve("env:MISSING", value, why), GH_ERROR_NOT_FOUND);
  EXPECT_NE(why.find("env:MISSING"), std::string::npos) << why;
  EXPECT_EQ(secrets.resolve("env:EMPTY", value, why), GH_ERROR_NOT_FOUND);
}

TEST(FakeSecrets, FileReferencesLoseExactlyOneTrailingNewline) {
  FakeSecrets secrets;
  secrets.setFile("/run/secrets/key", "abc\n\n");
  secrets.setFile("/run/secrets/plain", "xyz");
  std::string value, why;
  EXPECT_EQ(secrets.resolve("file:/run/secrets/key", value, why), GH_OK);
  EXPECT_EQ(value, "abc\n");
  EXPECT_EQ(secrets.resolve("file:/run/secrets/plain", value, why), GH_OK);
  EXPECT_EQ(value, "xyz");
  EXPECT_EQ(secrets.resolve("file:/nope", value, why), GH_ERROR_NOT_FOUND);
  EXPECT_NE(why.find("file:/nope"), std::string::npos) << why;
}

TEST(FakeSecrets, OtherFormsAreInvalid) {
  FakeSecrets secrets;
  secrets.setEnv("K", "v");
  std::string value, why;
  EXPECT_EQ(secrets.resolve("K", value, why), GH_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(secrets.resolve("vault:K", value, why), GH_ERROR_INVALID_ARGUMENT);
  EXPECT_NE(why.find("env:NAME or file:PATH"), std::string::npos) << why;
  // Not echoed: a malformed reference may be the secret itself pasted in its place.
  EXPECT_EQ(why.find("vault:K"), std::string::npos) << why;
}

} // namespace
