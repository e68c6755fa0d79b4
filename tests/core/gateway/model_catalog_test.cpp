#include <gatehouse/gateway/model_catalog.hpp>

#include <gtest/gtest.h>

#include <stdexcept>

#include "fake_provider.hpp"

namespace gatehouse::gateway {
namespace {

ProviderConfig provider(std::string name, std::vector<ModelConfig> models) {
  ProviderConfig config;
  config.name = std::move(name);
  config.plugin = "fake";
  config.models = std::move(models);
  return config;
}

class ModelCatalogTest : public ::testing::Test {
protected:
  void SetUp() override {
    providers_["alpha"] = alpha_;
    providers_["beta"] = beta_;
    config_ = {provider("alpha", {{"gpt-x", "gpt-x-2024", {"gx", "shared"}}, {"org/model-7b", "", {}}}),
               provider("beta", {{"claude-y", "claude-y-1", {"shared"}}, {"gpt-x", "beta-gpt", {}}})};
  }

  std::shared_ptr<testing::FakeProvider> alpha_ = std::make_shared<testing::FakeProvider>("alpha");
  std::shared_ptr<testing::FakeProvider> beta_ = std::make_shared<testing::FakeProvider>("beta");
  ModelCatalog::ProviderMap providers_;
  std::vector<ProviderConfig> config_;
};

TEST_F(ModelCatalogTest, ResolvesNamesAndAliasesToTheirProviderAndUpstreamModel) {
  const ModelCatalog catalog(config_, providers_);
  const ModelRoute* byName = catalog.resolve("gpt-x");
  ASSERT_NE(byName, nullptr);
  EXPECT_EQ(byName->provider, alpha_);
  EXPECT_EQ(byName->upstreamModel, "gpt-x-2024");
  EXPECT_EQ(byName->canonicalName, "gpt-x");
  const ModelRoute* byAlias = catalog.resolve("gx");
  ASSERT_NE(byAlias, nullptr);
  EXPECT_EQ(byAlias->upstreamModel, "gpt-x-2024");
  EXPECT_EQ(catalog.resolve("claude-y")->provider, beta_);
}

TEST_F(ModelCatalogTest, UpstreamModelDefaultsToTheName) {
  const ModelCatalog catalog(config_, providers_);
  ASSERT_NE(catalog.resolve("org/model-7b"), nullptr);
  EXPECT_EQ(catalog.resolve("org/model-7b")->upstreamModel, "org/model-7b");
}

TEST_F(ModelCatalogTest, ResolvesTheProviderQualifiedForm) {
  const ModelCatalog catalog(config_, providers_);
  const ModelRoute* qualified = catalog.resolve("beta/gpt-x");
  ASSERT_NE(qualified, nullptr);
  EXPECT_EQ(qualified->provider, beta_);
  EXPECT_EQ(qualified->upstreamModel, "beta-gpt");
  ASSERT_NE(catalog.resolve("beta/shared"), nullptr);
  EXPECT_EQ(catalog.resolve("beta/shared")->provider, beta_);
  ASSERT_NE(catalog.resolve("alpha/org/model-7b"), nullptr);
}

TEST_F(ModelCatalogTest, FirstProviderKeepsADuplicatedName) {
  const ModelCatalog catalog(config_, providers_);
  EXPECT_EQ(catalog.resolve("gpt-x")->provider, alpha_);
  EXPECT_EQ(catalog.resolve("shared")->provider, alpha_);
}

TEST_F(ModelCatalogTest, UnknownNamesDoNotResolve) {
  const ModelCatalog catalog(config_, providers_);
  EXPECT_EQ(catalog.resolve("nope"), nullptr);
  EXPECT_EQ(catalog.resolve("gamma/gpt-x"), nullptr);
  EXPECT_EQ(catalog.resolve("alpha/claude-y"), nullptr);
  EXPECT_EQ(catalog.resolve(""), nullptr);
  EXPECT_EQ(catalog.resolve("GPT-X"), nullptr);
}

TEST_F(ModelCatalogTest, ListsEveryNameAndAliasOnceWithItsOwner) {
  const ModelCatalog catalog(config_, providers_);
  std::vector<std::pair<std::string, std::string>> listed;
  for (const auto& model : catalog.listing())
    listed.emplace_back(model.id, model.ownedBy);
  const std::vector<std::pair<std::string, std::string>> expected{{"gpt-x", "alpha"},
                                                                  {"gx", "alpha"},
                                                                  {"shared", "alpha"},
                                                                  {"org/model-7b", "alpha"},
                                                                  {"claude-y", "beta"}};
  EXPECT_EQ(listed, expected);
  EXPECT_EQ(catalog.modelCount(), 4u);
}

TEST_F(ModelCatalogTest, RefusesAProviderWithoutInstance) {
  providers_.erase("beta");
  EXPECT_THROW(ModelCatalog(config_, providers_), std::invalid_argument);
}

} // namespace
} // namespace gatehouse::gateway
