// The status a client gets for each upstream error status.
#include <gtest/gtest.h>

#include "upstream_status.hpp"

namespace gatehouse::providers {
namespace {

TEST(UpstreamStatus, ClientErrorsKeepTheirStatus) {
  for (int status : {400, 401, 403, 404, 408, 409, 413, 418, 422, 429, 499}) {
    EXPECT_EQ(clientStatusForUpstream(status), status);
  }
}

TEST(UpstreamStatus, ServerErrorsBecomeTheGatewaysOwn) {
  EXPECT_EQ(clientStatusForUpstream(500), 502);
  EXPECT_EQ(clientStatusForUpstream(501), 502);
  EXPECT_EQ(clientStatusForUpstream(502), 502);
  EXPECT_EQ(clientStatusForUpstream(503), 503);
  EXPECT_EQ(clientStatusForUpstream(529), 503);
  EXPECT_EQ(clientStatusForUpstream(504), 504);
  EXPECT_EQ(clientStatusForUpstream(599), 502);
  EXPECT_EQ(clientStatusForUpstream(301), 502);
  EXPECT_EQ(clientStatusForUpstream(100), 502);
}

TEST(UpstreamStatus, SuccessIsEvery2xx) {
  EXPECT_TRUE(isSuccess(200));
  EXPECT_TRUE(isSuccess(204));
  EXPECT_FALSE(isSuccess(199));
  EXPECT_FALSE(isSuccess(300));
}

} // namespace
} // namespace gatehouse::providers
