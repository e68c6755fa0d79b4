#include <gatehouse/gateway/scopes.hpp>

#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

namespace gatehouse::gateway {
namespace {

TEST(GlobMatches, StarMatchesAnyRun) {
  EXPECT_TRUE(globMatches("gpt-4o*", "gpt-4o"));
  EXPECT_TRUE(globMatches("gpt-4o*", "gpt-4o-mini"));
  EXPECT_FALSE(globMatches("gpt-4o*", "gpt-4"));
  EXPECT_FALSE(globMatches("gpt-4o*", "my-gpt-4o"));
  EXPECT_TRUE(globMatches("claude-*", "claude-3-5-sonnet"));
  EXPECT_TRUE(globMatches("*", ""));
  EXPECT_TRUE(globMatches("*", "anything/at all"));
  EXPECT_TRUE(globMatches("*-mini", "gpt-4o-mini"));
  EXPECT_FALSE(globMatches("*-mini", "gpt-4o-mini-2"));
  EXPECT_TRUE(globMatches("a*b*c", "a-x-b-y-b-c"));
  EXPECT_FALSE(globMatches("a*b*c", "a-x-c-b"));
  EXPECT_TRUE(globMatches("**x", "x"));
  EXPECT_TRUE(globMatches("openai/*", "openai/o3"));
}

TEST(GlobMatches, EverythingElseIsLiteral) {
  EXPECT_TRUE(globMatches("gpt-4o", "gpt-4o"));
  EXPECT_FALSE(globMatches("gpt-4o", "gpt-4o-mini"));
  EXPECT_FALSE(globMatches("gpt.4o", "gpt-4o"));
  EXPECT_FALSE(globMatches("gpt-4?", "gpt-4o"));
  EXPECT_TRUE(globMatches("gpt-4?", "gpt-4?"));
  EXPECT_FALSE(globMatches("", "x"));
  EXPECT_TRUE(globMatches("", ""));
  EXPECT_FALSE(globMatches("GPT-4o", "gpt-4o")); // case matters, as in model names
}

TEST(GlobMatches, ManyStarsStayFast) {
  const std::string text(5000, 'a');
  EXPECT_FALSE(globMatches("*a*a*a*a*a*a*a*a*b", text));
}

TEST(ScopeSet, NoScopesAllowEverything) {
  const ScopeSet scopes = ScopeSet::parse("");
  EXPECT_FALSE(scopes.restrictsModels());
  EXPECT_FALSE(scopes.restrictsEndpoints());
  EXPECT_TRUE(scopes.allowsModel("any"));
  EXPECT_TRUE(scopes.allowsEndpoint(GH_ENDPOINT_CHAT_COMPLETIONS));
  EXPECT_TRUE(scopes.allowsEndpoint(GH_ENDPOINT_MODELS));
}

TEST(ScopeSet, ModelScopesAllowOnlyMatchingNames) {
  const ScopeSet scopes = ScopeSet::parse("model:gpt-4o* model:claude-*");
  EXPECT_TRUE(scopes.restrictsModels());
  EXPECT_FALSE(scopes.restrictsEndpoints());
  EXPECT_TRUE(scopes.allowsModel("gpt-4o-mini"));
  EXPECT_TRUE(scopes.allowsModel("claude-opus"));
  EXPECT_FALSE(scopes.allowsModel("o3"));
  EXPECT_TRUE(scopes.allowsEndpoint(GH_ENDPOINT_EMBEDDINGS)); // endpoints not restricted
}

TEST(ScopeSet, EndpointScopesAllowOnlyThoseEndpoints) {
  const ScopeSet scopes = ScopeSet::parse("endpoint:chat endpoint:models");
  EXPECT_FALSE(scopes.restrictsModels());
  EXPECT_TRUE(scopes.allowsEndpoint(GH_ENDPOINT_CHAT_COMPLETIONS));
  EXPECT_TRUE(scopes.allowsEndpoint(GH_ENDPOINT_MODELS));
  EXPECT_FALSE(scopes.allowsEndpoint(GH_ENDPOINT_EMBEDDINGS));
  EXPECT_FALSE(scopes.allowsEndpoint(GH_ENDPOINT_IMAGES));
  EXPECT_FALSE(scopes.allowsEndpoint(GH_ENDPOINT_AUDIO_SPEECH));
  EXPECT_FALSE(scopes.allowsEndpoint(GH_ENDPOINT_AUDIO_TRANSCRIPTION));
  EXPECT_FALSE(scopes.allowsEndpoint(99));
}

TEST(ScopeSet, EveryEndpointHasItsName) {
  const std::vector<std::pair<gh_endpoint, std::string>> names = {
      {GH_ENDPOINT_CHAT_COMPLETIONS, "chat"},
      {GH_ENDPOINT_EMBEDDINGS, "embeddings"},
      {GH_ENDPOINT_IMAGES, "images"},
      {GH_ENDPOINT_AUDIO_SPEECH, "speech"},
      {GH_ENDPOINT_AUDIO_TRANSCRIPTION, "transcriptions"},
      {GH_ENDPOINT_MODELS, "models"}};
  for (const auto& [endpoint, name] : names) {
    EXPECT_EQ(endpointScopeName(endpoint), name);
    const ScopeSet only = ScopeSet::parse("endpoint:" + name);
    for (const auto& [other, otherName] : names)
      EXPECT_EQ(only.allowsEndpoint(other), other == endpoint) << name << " vs " << otherName;
  }
}

TEST(ScopeSet, AnUnknownEndpointNameNarrowsInsteadOfWidening) {
  const ScopeSet scopes = ScopeSet::parse("endpoint:chatt");
  EXPECT_TRUE(scopes.restrictsEndpoints());
  EXPECT_FALSE(scopes.allowsEndpoint(GH_ENDPOINT_CHAT_COMPLETIONS));
}

TEST(ScopeSet, OtherTokensAndExtraSpaceAreIgnored) {
  const ScopeSet scopes = ScopeSet::parse("  openid   profile\tmodel:o3  admin ");
  EXPECT_TRUE(scopes.allowsModel("o3"));
  EXPECT_FALSE(scopes.allowsModel("gpt-4o"));
  EXPECT_FALSE(scopes.restrictsEndpoints());
}

TEST(ScopeSet, AnEmptyModelGlobAllowsNoModel) {
  const ScopeSet scopes = ScopeSet::parse("model:");
  EXPECT_TRUE(scopes.restrictsModels());
  EXPECT_FALSE(scopes.allowsModel("gpt-4o"));
}

TEST(ScopeErrors, NameTheModelAndTheEndpointButNotTheScopes) {
  const http::ApiError model = modelNotAllowed("o3-pro");
  EXPECT_EQ(model.status, 403);
  EXPECT_EQ(model.type, http::ErrorType::Permission);
  EXPECT_EQ(model.code, "model_not_allowed");
  EXPECT_EQ(model.param, "model");
  EXPECT_NE(model.message.find("'o3-pro'"), std::string::npos);
  const http::ApiError endpoint = endpointNotAllowed(GH_ENDPOINT_EMBEDDINGS);
  EXPECT_EQ(endpoint.status, 403);
  EXPECT_EQ(endpoint.code, "endpoint_not_allowed");
  EXPECT_NE(endpoint.message.find("embeddings"), std::string::npos);
}

TEST(ScopeCache, ParsesEachTextOnce) {
  const ScopeCache cache;
  const auto first = cache.get("model:gpt-4o*");
  const auto second = cache.get("model:gpt-4o*");
  EXPECT_EQ(first.get(), second.get());
  EXPECT_TRUE(first->allowsModel("gpt-4o"));
  EXPECT_NE(cache.get("model:o3").get(), first.get());
}

TEST(ScopeCache, StaysBoundedAndKeepsAnsweringCorrectly) {
  const ScopeCache cache(8);
  std::vector<std::shared_ptr<const ScopeSet>> held;
  for (int i = 0; i < 100; ++i)
    held.push_back(cache.get("model:m" + std::to_string(i)));
  for (int i = 0; i < 100; ++i) {
    EXPECT_TRUE(held[static_cast<std::size_t>(i)]->allowsModel("m" + std::to_string(i)));
    EXPECT_TRUE(cache.get("model:m" + std::to_string(i))->allowsModel("m" + std::to_string(i)));
  }
}

TEST(ScopeCache, IsSafeFromManyThreads) {
  const ScopeCache cache(4);
  std::vector<std::thread> threads;
  std::atomic<int> wrong{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&cache, &wrong, t] {
      for (int i = 0; i < 500; ++i) {
        const std::string model = "m" + std::to_string((i + t) % 10);
        if (!cache.get("model:" + model)->allowsModel(model))
          ++wrong;
      }
    });
  }
  for (std::thread& thread : threads)
    thread.join();
  EXPECT_EQ(wrong.load(), 0);
}

} // namespace
} // namespace gatehouse::gateway
