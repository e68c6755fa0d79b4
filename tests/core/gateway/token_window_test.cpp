#include <gatehouse/gateway/token_window.hpp>

#include <gtest/gtest.h>

#include <cstdint>

namespace gatehouse::gateway {
namespace {

TEST(TokenWindow, SumsTheLastMinute) {
  TokenWindow window;
  EXPECT_TRUE(window.empty(0));
  window.add(1'000, 100);
  window.add(1'500, 50); // same second
  window.add(30'000, 25);
  EXPECT_EQ(window.used(30'000), 175);
  EXPECT_EQ(window.used(60'999), 175);
  EXPECT_EQ(window.used(61'000), 25); // second 1 left the window
  EXPECT_EQ(window.used(89'999), 25);
  EXPECT_EQ(window.used(90'000), 0);
  EXPECT_TRUE(window.empty(90'000));
}

TEST(TokenWindow, IgnoresNothingAndNegatives) {
  TokenWindow window;
  window.add(0, 0);
  window.add(0, -5);
  EXPECT_TRUE(window.empty(0));
}

TEST(TokenWindow, ASlotIsReusedAMinuteLater) {
  TokenWindow window;
  window.add(2'000, 10);
  window.add(62'000, 3); // the same slot, a minute on
  EXPECT_EQ(window.used(62'000), 3);
}

TEST(TokenWindow, TimesUntilBelowAndEmpty) {
  TokenWindow window;
  window.add(0, 600);
  window.add(10'000, 300);
  window.add(20'000, 200);
  // 1100 used; below 1000 once second 0 leaves (at 60 s), below 300 once second 10 does.
  EXPECT_EQ(window.msUntilBelow(25'000, 1000), 35'000);
  EXPECT_EQ(window.msUntilBelow(25'000, 300), 45'000);
  EXPECT_EQ(window.msUntilBelow(25'000, 1200), 0);
  EXPECT_EQ(window.msUntilEmpty(25'000), 55'000);
  EXPECT_EQ(window.msUntilEmpty(80'000), 0);
}

TEST(TokenWindow, SaturatesInsteadOfOverflowing) {
  TokenWindow window;
  window.add(0, INT64_MAX);
  window.add(1'000, INT64_MAX);
  EXPECT_EQ(window.used(1'000), INT64_MAX);
}

} // namespace
} // namespace gatehouse::gateway
