// The fake upstream behind an exchange: answers in the order queued, records every
// request exactly as sent, and refuses requests the ABI forbids.
#include <gatehouse/testing/fake_upstream_script.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

using gatehouse::testing::FakeUpstream;
using gatehouse::testing::FakeUpstreamResponse;
using gatehouse::testing::FakeUpstreamScript;

gh_str str(const char* text) {
  return gh_str{text, std::char_traits<char>::length(text)};
}

// A request the tests adjust, with views into static strings.
struct RawRequest {
  std::vector<gh_header> headers{{str("Authorization"), str("Bearer k")},
                                 {str("Content-Type"), str("text/x")}};
  std::vector<gh_str> parts{str("ab"), str(""), str("cd")};
  gh_upstream_request request{};

  RawRequest() {
    request.struct_size = sizeof request;
    request.method = str("POST");
    request.url = str("https://api.example/v1/x?q=1");
  }
  const gh_upstream_request& get() {
    request.headers = headers.data();
    request.header_count = headers.size();
    request.body_parts = parts.data();
    request.body_part_count = parts.size();
    return request;
  }
};

TEST(FakeUpstreamScript, RecordsTheRequestAndAnswersInQueueOrder) {
  FakeUpstreamScript script;
  script.respond(FakeUpstreamResponse::body(200, "first")).respond(FakeUpstreamResponse::body(503, "second"));
  RawRequest raw;
  gh_upstream* first = nullptr;
  gh_upstream* second = nullptr;
  std::string why;
  ASSERT_EQ(script.send(raw.get(), &first, why), GH_OK) << why;
  ASSERT_EQ(script.send(raw.get(), &second, why), GH_OK) << why;
  EXPECT_EQ(FakeUpstream::from(first).status(), 200);
  EXPECT_EQ(FakeUpstream::from(second).status(), 503);
  EXPECT_EQ(script.unused(), 0u);

  ASSERT_EQ(script.requests().size(), 2u);
  const auto& recorded = script.requests()[0];
  EXPECT_EQ(recorded.method, "POST");
  EXPECT_EQ(recorded.url, "https://api.example/v1/x?q=1");
  EXPECT_EQ(recorded.header("authorization"), "Bearer k");
  EXPECT_TRUE(recorded.hasHeader("CONTENT-TYPE"));
  EXPECT_FALSE(recorded.hasHeader("x-absent"));
  EXPECT_EQ(recorded.bodyParts, (std::vector<std::string>{"ab", "", "cd"}));
  EXPECT_EQ(recorded.body, "abcd");
}

TEST(FakeUpstreamScript, EmptyQueueAndScriptedSendFailuresFailTheSend) {
  FakeUpstreamScript script;
  script.respond(
      FakeUpstreamResponse::sendFailure(GH_ERROR_UPSTREAM_TIMEOUT, "api.example: no answer in 1 s"));
  RawRequest raw;
  gh_upstream* upstream = nullptr;
  std::string why;
  EXPECT_EQ(script.send(raw.get(), &upstream, why), GH_ERROR_UPSTREAM_TIMEOUT);
  EXPECT_EQ(why, "api.example: no answer in 1 s");
  EXPECT_EQ(script.send(raw.get(), &upstream, why), GH_ERROR_UPSTREAM);
  EXPECT_NE(why.find("no response queued"), std::string::npos) << why;
  EXPECT_EQ(upstream, nullptr);
  EXPECT_EQ(script.requests().size(), 2u); // both were sent
  EXPECT_TRUE(script.misuses().empty());
}

TEST(FakeUpstreamScript, RefusesRequestsTheAbiForbids) {
  struct Case {
    const char* what;
    void (*spoil)(RawRequest&);
  };
  const Case cases[] = {
      {"relative url", [](RawRequest& r) { r.request.url = str("/v1/x"); }},
      {"other scheme", [](RawRequest& r) { r.request.url = str("ftp://h/x"); }},
      {"empty method", [](RawRequest& r) { r.request.method = str(""); }},
      {"small struct", [](RawRequest& r) { r.request.struct_size = 8; }},
      {"null view",
       [](RawRequest& r) {
         r.request.url = gh_str{nullptr, 3};
       }},
      {"Host header",
       [](RawRequest& r) {
         r.headers.push_back({str("host"), str("x")});
       }},
      {"Content-Length header",
       [](RawRequest& r) {
         r.headers.push_back({str("Content-Length"), str("4")});
       }},
      {"Connection header",
       [](RawRequest& r) {
         r.headers.push_back({str("connection"), str("close")});
       }},
      {"header injection",
       [](RawRequest& r) {
         r.headers.push_back({str("X-A"), str("1\r\nX-B: 2")});
       }},
      {"bad header name",
       [](RawRequest& r) {
         r.headers.push_back({str("X A"), str("1")});
       }},
  };
  for (const Case& c : cases) {
    FakeUpstreamScript script;
    script.respond(FakeUpstreamResponse::body(200, "{}"));
    RawRequest raw;
    c.spoil(raw);
    gh_upstream* upstream = nullptr;
    std::string why;
    EXPECT_EQ(script.send(raw.get(), &upstream, why), GH_ERROR_INVALID_ARGUMENT) << c.what;
    EXPECT_EQ(script.misuses().size(), 1u) << c.what;
    EXPECT_TRUE(script.requests().empty()) << c.what;
    EXPECT_EQ(script.unused(), 1u) << c.what;
  }
}

TEST(FakeUpstreamScript, TracksWhatIsLeftOpenAndClosesItForTheHost) {
  FakeUpstreamScript script;
  script.respond(FakeUpstreamResponse::body(200, "a")).respond(FakeUpstreamResponse::body(200, "b"));
  RawRequest raw;
  gh_upstream* first = nullptr;
  gh_upstream* second = nullptr;
  std::string why;
  ASSERT_EQ(script.send(raw.get(), &first, why), GH_OK);
  ASSERT_EQ(script.send(raw.get(), &second, why), GH_OK);
  FakeUpstream::from(first).close(false);
  EXPECT_EQ(script.leftOpen(), 1u);
  script.closeAllByHost();
  EXPECT_EQ(script.leftOpen(), 0u);
  EXPECT_EQ(script.closedByHost(), 1u);
  ASSERT_EQ(script.opened().size(), 2u);
  EXPECT_TRUE(script.opened()[1]->closedByHost());
  EXPECT_TRUE(script.misuses().empty());
}

} // namespace
