#include <gatehouse/plugin_host/open_upstreams.hpp>

#include <gtest/gtest.h>

#include <thread>
#include <vector>

#include "fake_upstream_response.hpp"

namespace gatehouse {
namespace {

using host_testing::FakeUpstreamResponse;
using host_testing::UpstreamTracker;

class OpenUpstreamsTest : public ::testing::Test {
protected:
  std::unique_ptr<UpstreamResponse> response(int status) {
    return std::make_unique<FakeUpstreamResponse>(status, tracker_);
  }

  std::shared_ptr<UpstreamTracker> tracker_ = std::make_shared<UpstreamTracker>();
};

TEST_F(OpenUpstreamsTest, AdoptHandsOutAHandleToTheResponse) {
  OpenUpstreams open;
  gh_upstream* handle = open.adopt(response(201));
  ASSERT_NE(handle, nullptr);
  EXPECT_EQ(open.size(), 1u);
  HostUpstream* entry = HostUpstream::from(handle);
  EXPECT_EQ(entry->owner, &open);
  EXPECT_EQ(entry->response->status(), 201);
  EXPECT_EQ(tracker_->destroyed, 0);
}

TEST_F(OpenUpstreamsTest, CloseDestroysOnlyThatResponse) {
  OpenUpstreams open;
  gh_upstream* first = open.adopt(response(200));
  gh_upstream* second = open.adopt(response(202));
  open.close(first);
  EXPECT_EQ(tracker_->destroyedStatuses, std::vector<int>{200});
  EXPECT_EQ(open.size(), 1u);
  EXPECT_EQ(HostUpstream::from(second)->response->status(), 202);
}

TEST_F(OpenUpstreamsTest, CloseIgnoresAHandleItDoesNotHold) {
  OpenUpstreams mine;
  OpenUpstreams theirs;
  mine.adopt(response(200));
  gh_upstream* foreign = theirs.adopt(response(500));
  mine.close(foreign);
  mine.close(nullptr);
  EXPECT_EQ(mine.size(), 1u);
  EXPECT_EQ(theirs.size(), 1u);
  EXPECT_EQ(tracker_->destroyed, 0);
}

TEST_F(OpenUpstreamsTest, CloseAllDestroysEverythingNewestFirst) {
  OpenUpstreams open;
  open.adopt(response(1));
  open.adopt(response(2));
  open.adopt(response(3));
  open.closeAll();
  EXPECT_EQ(open.size(), 0u);
  EXPECT_EQ(tracker_->destroyedStatuses, (std::vector<int>{3, 2, 1}));
  open.closeAll(); // nothing left: a no-op
  EXPECT_EQ(tracker_->destroyed, 3);
}

TEST_F(OpenUpstreamsTest, DestructionClosesWhatIsStillOpen) {
  {
    OpenUpstreams open;
    open.adopt(response(200));
    open.adopt(response(200));
  }
  EXPECT_EQ(tracker_->destroyed, 2);
}

TEST_F(OpenUpstreamsTest, UsableAgainAfterCloseAll) {
  OpenUpstreams open;
  open.adopt(response(200));
  open.closeAll();
  gh_upstream* again = open.adopt(response(204));
  EXPECT_EQ(open.size(), 1u);
  EXPECT_EQ(HostUpstream::from(again)->response->status(), 204);
}

TEST_F(OpenUpstreamsTest, ThreadsOpenAndCloseAtOnce) {
  // A plugin's http_send handles come and go on any of its threads.
  OpenUpstreams open;
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&open] {
      for (int i = 0; i < 200; ++i) {
        gh_upstream* handle = open.adopt(std::make_unique<FakeUpstreamResponse>(200));
        EXPECT_EQ(HostUpstream::from(handle)->response->status(), 200);
        open.close(handle);
      }
    });
  }
  for (std::thread& thread : threads) {
    thread.join();
  }
  EXPECT_EQ(open.size(), 0u);
}

} // namespace
} // namespace gatehouse
