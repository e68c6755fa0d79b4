#include <gatehouse/store/mysql_failure.hpp>

#include <cppconn/exception.h>
#include <gtest/gtest.h>

namespace gatehouse::store {
namespace {

MysqlFailure failure(int code, const std::string& state = "HY000", const std::string& text = "server text") {
  return MysqlFailure::from(sql::SQLException(text, state, code), "ctx");
}

TEST(MysqlFailure, LostConnectionsAreUnavailableAndMarkedForDropping) {
  for (const int code : {2006, 2013, 2003, 1927, 4031}) {
    const MysqlFailure lost = failure(code);
    EXPECT_EQ(lost.kind(), StoreError::Kind::Unavailable) << code;
    EXPECT_TRUE(lost.connectionLost()) << code;
  }
  EXPECT_TRUE(failure(0, "08S01").connectionLost()); // SQLSTATE class 08 without a code
}

TEST(MysqlFailure, DeadlocksAreTransientNotLost) {
  const MysqlFailure deadlock = failure(1213);
  EXPECT_TRUE(deadlock.transient());
  EXPECT_FALSE(deadlock.connectionLost());
  EXPECT_TRUE(failure(1205).transient());
}

TEST(MysqlFailure, ConstraintErrorsAreConflictsWithoutTheValue) {
  const MysqlFailure duplicate = failure(1062, "23000", "Duplicate entry 'sk-secret-hash' for key 'ux'");
  EXPECT_EQ(duplicate.kind(), StoreError::Kind::Conflict);
  EXPECT_EQ(std::string(duplicate.what()).find("sk-secret-hash"), std::string::npos);
  EXPECT_EQ(failure(1452).kind(), StoreError::Kind::Conflict);
}

TEST(MysqlFailure, BadValuesAreInvalidAndRefusedLoginsUnavailable) {
  const MysqlFailure tooLong = failure(1406, "22001", "Data too long for column 'x': 'private text'");
  EXPECT_EQ(tooLong.kind(), StoreError::Kind::Invalid);
  EXPECT_EQ(std::string(tooLong.what()).find("private text"), std::string::npos);
  EXPECT_EQ(failure(1045).kind(), StoreError::Kind::Unavailable);
  EXPECT_FALSE(failure(1045).connectionLost());
  EXPECT_EQ(failure(1064).kind(), StoreError::Kind::Internal); // a bug in our SQL, not an outage
}

} // namespace
} // namespace gatehouse::store
