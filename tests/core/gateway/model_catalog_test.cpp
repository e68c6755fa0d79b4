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
  const auto byName = catalog.resolve("gpt-x");
  ASSERT_TRUE(byName.has_value());
  EXPECT_EQ(byName->provider, alpha_.get());
  EXPECT_EQ(byName->upstreamModel, "gpt-x-2024");
  EXPECT_EQ(byName->canonicalName, "gpt-x");
  const auto byAlias = catalog.resolve("gx");
  ASSERT_TRUE(byAlias.has_value());
  EXPECT_EQ(byAlias->upstreamModel, "gpt-x-2024");
  EXPECT_EQ(byAlias->canonicalName, "gpt-x");
  EXPECT_EQ(catalog.resolve("claude-y")->provider, beta_.get());
}

TEST_F(ModelCatalogTest, UpstreamModelDefaultsToTheName) {
  const ModelCatalog catalog(config_, providers_);
  ASSERT_TRUE(catalog.resolve("org/model-7b").has_value());
  EXPECT_EQ(catalog.resolve("org/model-7b")->upstreamModel, "org/model-7b");
}

TEST_F(ModelCatalogTest, ResolvesTheProviderQualifiedForm) {
  const ModelCatalog catalog(config_, providers_);
  const auto qualified = catalog.resolve("beta/gpt-x");
  ASSERT_TRUE(qualified.has_value());
  EXPECT_EQ(qualified->provider, beta_.get());
  EXPECT_EQ(qualified->upstreamModel, "beta-gpt");
  ASSERT_TRUE(catalog.resolve("beta/shared").has_value());
  EXPECT_EQ(catalog.resolve("beta/shared")->provider, beta_.get());
  ASSERT_TRUE(catalog.resolve("alpha/org/model-7b").has_value());
}

TEST_F(ModelCatalogTest, FirstProviderKeepsADuplicatedName) {
  const ModelCatalog catalog(config_, providers_);
  EXPECT_EQ(catalog.resolve("gpt-x")->provider, alpha_.get());
  EXPECT_EQ(catalog.resolve("shared")->provider, alpha_.get());
}

TEST_F(ModelCatalogTest, UnknownNamesDoNotResolve) {
  const ModelCatalog catalog(config_, providers_);
  EXPECT_FALSE(catalog.resolve("nope").has_value());
  EXPECT_FALSE(catalog.resolve("gamma/gpt-x").has_value());
  EXPECT_FALSE(catalog.resolve("alpha/claude-y").has_value());
  EXPECT_FALSE(catalog.resolve("").has_value());
  EXPECT_FALSE(catalog.resolve("GPT-X").has_value());
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

// --- providers that list their upstream's models -------------------------------------

class ListingCatalogTest : public ModelCatalogTest {
protected:
  void SetUp() override {
    ModelCatalogTest::SetUp();
    providers_["open"] = open_;
    ProviderConfig open = provider("open", {{"fast", "gpt-4o-mini", {}}});
    open.listUpstreamModels = true;
    ProviderConfig bare = provider("bare", {});
    bare.listUpstreamModels = true;
    providers_["bare"] = bare_;
    config_.push_back(open);
    config_.push_back(bare);
  }

  std::shared_ptr<testing::FakeProvider> open_ = std::make_shared<testing::FakeProvider>("open");
  std::shared_ptr<testing::FakeProvider> bare_ = std::make_shared<testing::FakeProvider>("bare");
};

TEST_F(ListingCatalogTest, RoutesAnyIdBehindTheProviderNameWithTheIdAsUpstreamModel) {
  const ModelCatalog catalog(config_, providers_);
  const std::string requested = "open/gpt-4.1-2025-04-14";
  const auto route = catalog.resolve(requested);
  ASSERT_TRUE(route.has_value());
  EXPECT_EQ(route->provider, open_.get());
  EXPECT_EQ(route->upstreamModel, "gpt-4.1-2025-04-14");
  EXPECT_EQ(route->canonicalName, requested);
  const auto nested = catalog.resolve("bare/org/model:tag");
  ASSERT_TRUE(nested.has_value());
  EXPECT_EQ(nested->provider, bare_.get());
  EXPECT_EQ(nested->upstreamModel, "org/model:tag");
}

TEST_F(ListingCatalogTest, ConfiguredNamesStillWin) {
  const ModelCatalog catalog(config_, providers_);
  const auto configured = catalog.resolve("open/fast");
  ASSERT_TRUE(configured.has_value());
  EXPECT_EQ(configured->upstreamModel, "gpt-4o-mini"); // the configured mapping, not "fast"
  EXPECT_EQ(configured->canonicalName, "fast");
  EXPECT_EQ(catalog.resolve("fast")->provider, open_.get());
}

TEST_F(ListingCatalogTest, OnlyListingProvidersTakeUnknownIds) {
  const ModelCatalog catalog(config_, providers_);
  EXPECT_FALSE(catalog.resolve("alpha/anything").has_value());
  EXPECT_FALSE(catalog.resolve("open/").has_value());
  EXPECT_FALSE(catalog.resolve("open").has_value());
  EXPECT_FALSE(catalog.resolve("opener/x").has_value());
  EXPECT_FALSE(catalog.resolve("ope/x").has_value());
}

TEST_F(ListingCatalogTest, NamesTheListingProvidersInConfigOrder) {
  const ModelCatalog catalog(config_, providers_);
  ASSERT_EQ(catalog.listingProviders().size(), 2u);
  EXPECT_EQ(catalog.listingProviders()[0].name, "open");
  EXPECT_EQ(catalog.listingProviders()[0].provider, open_);
  EXPECT_EQ(catalog.listingProviders()[1].name, "bare");
  EXPECT_EQ(catalog.modelCount(), 5u);
}

} // namespace
} // namespace gatehouse::gateway
