#include <gtest/gtest.h>

#include "model_list_json.hpp"

namespace gatehouse::providers {
namespace {

TEST(ModelListJson, ListsEveryModelOwnedByTheProvider) {
  EXPECT_EQ(modelListJson({{"claude-sonnet-4", 1747872000}, {"gemini-2.0-flash", 0}}, "prod \"eu\""),
            R"({"object":"list","data":[)"
            R"({"id":"claude-sonnet-4","object":"model","created":1747872000,"owned_by":"prod \"eu\""},)"
            R"({"id":"gemini-2.0-flash","object":"model","created":0,"owned_by":"prod \"eu\""}]})");
}

TEST(ModelListJson, AnEmptyListIsStillAList) {
  EXPECT_EQ(modelListJson({}, "google"), R"({"object":"list","data":[]})");
}

} // namespace
} // namespace gatehouse::providers
