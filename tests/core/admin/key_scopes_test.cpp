#include <gatehouse/admin/key_scopes.hpp>

#include <gtest/gtest.h>

namespace gatehouse::admin {
namespace {

TEST(GlobCovers, OnlyNarrowerPatternsAreCovered) {
  EXPECT_TRUE(globCovers("gpt-4o*", "gpt-4o-mini*"));
  EXPECT_TRUE(globCovers("gpt-4o*", "gpt-4o"));
  EXPECT_TRUE(globCovers("*", "claude-*"));
  EXPECT_TRUE(globCovers("claude-*", "claude-*-sonnet"));
  EXPECT_FALSE(globCovers("gpt-4o-mini*", "gpt-4o*"));
  EXPECT_FALSE(globCovers("gpt-4o", "gpt-4o*"));
  EXPECT_FALSE(globCovers("claude-*-sonnet", "claude-*"));
  EXPECT_FALSE(globCovers("a*", "*a"));
  EXPECT_TRUE(globCovers("a*b*c", "aXb*c"));
  EXPECT_FALSE(globCovers("a*b*c", "aXb*c-"));
}

TEST(ModelPatternProblem, AcceptsModelNamesAndStars) {
  for (const char* ok : {"gpt-4o", "gpt-4o*", "*", "openai/gpt-4o", "models/gemini-1.5-pro:latest", "a*b*c"})
    EXPECT_FALSE(modelPatternProblem(ok)) << ok;
}

TEST(ModelPatternProblem, RefusesWhatWouldMeanSomethingElse) {
  for (const char* bad : {"", "gpt 4o", "gpt-4o\t", "gpt-?o", "gpt-[45]o", "{a,b}", "a\\*", "**", "a**b"})
    EXPECT_TRUE(modelPatternProblem(bad)) << bad;
  EXPECT_TRUE(modelPatternProblem(std::string(kMaxModelPatternLength + 1, 'a')));
  EXPECT_FALSE(modelPatternProblem(std::string(kMaxModelPatternLength, 'a')));
}

TEST(KeyScopes, ItemsRoundTripWithoutDuplicates) {
  const KeyScopes scopes{{"gpt-4o*", "claude-*", "gpt-4o*"}, {"chat", "models"}};
  const std::vector<std::string> items = scopeItems(scopes);
  EXPECT_EQ(items, (std::vector<std::string>{"model:gpt-4o*", "model:claude-*", "endpoint:chat",
                                             "endpoint:models"}));
  EXPECT_EQ(scopesFromItems(items), (KeyScopes{{"gpt-4o*", "claude-*"}, {"chat", "models"}}));
  EXPECT_EQ(scopesFromText("model:a  endpoint:chat other:x model:a"), (KeyScopes{{"a"}, {"chat"}}));
  EXPECT_EQ(scopesFromText(""), KeyScopes{});
}

TEST(KeyScopes, EndpointNamesAreTheDocumentedOnes) {
  for (const char* name : {"chat", "embeddings", "images", "speech", "transcriptions", "models"})
    EXPECT_TRUE(isEndpointName(name)) << name;
  for (const char* name : {"", "Chat", "completions", "files", "audio"})
    EXPECT_FALSE(isEndpointName(name)) << name;
}

TEST(ScopesWithin, EmptyMeansEverything) {
  const KeyScopes everything;
  const KeyScopes narrow{{"gpt-4o*"}, {"chat"}};
  EXPECT_TRUE(scopesWithin(everything, everything));
  EXPECT_TRUE(scopesWithin(narrow, everything));
  EXPECT_FALSE(scopesWithin(everything, narrow));
  EXPECT_FALSE(scopesWithin(KeyScopes{{"gpt-4o"}, {}}, narrow)); // every endpoint is wider than chat
  EXPECT_FALSE(scopesWithin(KeyScopes{{}, {"chat"}}, narrow));   // every model is wider than gpt-4o*
}

TEST(ScopesWithin, EachRequestedItemNeedsAnAllowedOne) {
  const KeyScopes allowed{{"gpt-4o*", "claude-*"}, {"chat", "embeddings"}};
  EXPECT_TRUE(scopesWithin(KeyScopes{{"gpt-4o-mini", "claude-3*"}, {"embeddings"}}, allowed));
  EXPECT_FALSE(scopesWithin(KeyScopes{{"gpt-4o-mini", "gemini-*"}, {"chat"}}, allowed));
  EXPECT_FALSE(scopesWithin(KeyScopes{{"gpt-4o"}, {"chat", "images"}}, allowed));
  EXPECT_TRUE(scopesWithin(KeyScopes{{"gpt-4o"}, {"images"}}, KeyScopes{{"gpt-*"}, {}}));
}

} // namespace
} // namespace gatehouse::admin
