#include <gatehouse/store/id_generator.hpp>

#include <gtest/gtest.h>

#include <set>

namespace gatehouse::store {
namespace {

TEST(IdGenerator, IdsAre32LowercaseHexCharactersAndDoNotRepeat) {
  std::set<std::string> seen;
  for (int i = 0; i < 10000; ++i) {
    const std::string id = newId();
    ASSERT_EQ(id.size(), 32u);
    EXPECT_EQ(id.find_first_not_of("0123456789abcdef"), std::string::npos) << id;
    seen.insert(id);
  }
  EXPECT_EQ(seen.size(), 10000u);
}

} // namespace
} // namespace gatehouse::store
