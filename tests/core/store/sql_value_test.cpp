#include <gatehouse/store/sql_value.hpp>
#include <gatehouse/store/store_error.hpp>

#include <gtest/gtest.h>

namespace gatehouse::store {
namespace {

TEST(SqlRow, ConvertsWhatDriversReturn) {
  const SqlRow row({SqlValue(std::int64_t{42}), SqlValue(std::string("17")), SqlValue(std::string("9.0000")),
                    SqlValue(std::monostate{}), SqlValue(SqlBlob{std::string("\0\1", 2)})});
  EXPECT_EQ(row.int64(0), 42);
  EXPECT_EQ(row.int64(1), 17); // MySQL hands SUM() back as DECIMAL text
  EXPECT_EQ(row.int64(2), 9);
  EXPECT_EQ(row.int64(3), 0);
  EXPECT_FALSE(row.optionalInt64(3));
  EXPECT_EQ(row.optionalInt64(0), 42);
  EXPECT_TRUE(row.isNull(3));
  EXPECT_EQ(row.text(0), "42");
  EXPECT_EQ(row.text(3), "");
  EXPECT_EQ(row.text(4), std::string("\0\1", 2));
}

TEST(SqlRow, RefusesTextThatIsNotANumber) {
  const SqlRow row({SqlValue(std::string("12abc")), SqlValue(SqlBlob{"x"})});
  EXPECT_THROW(row.int64(0), StoreError);
  EXPECT_THROW(row.int64(1), StoreError);
}

TEST(SqlValues, OptionalReferencesBecomeNull) {
  EXPECT_TRUE(std::holds_alternative<std::monostate>(sqlNullIfEmpty("")));
  EXPECT_EQ(std::get<std::string>(sqlNullIfEmpty("t1")), "t1");
  EXPECT_TRUE(std::holds_alternative<std::monostate>(sqlOptional(std::nullopt)));
  EXPECT_EQ(std::get<std::int64_t>(sqlOptional(5)), 5);
  EXPECT_EQ(std::get<std::int64_t>(sqlBool(true)), 1);
}

} // namespace
} // namespace gatehouse::store
