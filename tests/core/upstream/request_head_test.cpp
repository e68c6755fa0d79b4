#include <gatehouse/upstream/request_head.hpp>

#include <gtest/gtest.h>

namespace gatehouse {
namespace {

UpstreamUrl urlOf(std::string_view text) {
  UpstreamUrl url;
  EXPECT_EQ(UpstreamUrl::parse(text, url), "");
  return url;
}

TEST(RequestHead, WritesTheHostOwnedFields) {
  UpstreamRequest request;
  request.method = "POST";
  request.url = "https://api.example.com/v1/chat/completions?x=1";
  request.headers = {{"Authorization", "Bearer k"}, {"Content-Type", "application/json"}};
  request.bodyParts = {"{\"a\":", "1}"};
  std::string head;
  writeRequestHead(request, urlOf(request.url), false, "", head);
  EXPECT_EQ(head, "POST /v1/chat/completions?x=1 HTTP/1.1\r\nHost: api.example.com\r\n"
                  "Authorization: Bearer k\r\nContent-Type: application/json\r\n"
                  "Accept-Encoding: identity\r\nContent-Length: 7\r\nConnection: keep-alive\r\n\r\n");
}

TEST(RequestHead, KeepsThePluginsAcceptEncodingAndNamesANonDefaultPort) {
  UpstreamRequest request;
  request.method = "GET";
  request.url = "http://127.0.0.1:8080/v1/models";
  request.headers = {{"accept-encoding", "gzip"}};
  std::string head;
  writeRequestHead(request, urlOf(request.url), false, "", head);
  EXPECT_EQ(head, "GET /v1/models HTTP/1.1\r\nHost: 127.0.0.1:8080\r\naccept-encoding: gzip\r\n"
                  "Connection: keep-alive\r\n\r\n"); // no body, no Content-Length for GET
}

TEST(RequestHead, PostWithoutBodySaysContentLengthZero) {
  UpstreamRequest request;
  request.method = "POST";
  request.url = "http://h/x";
  std::string head;
  writeRequestHead(request, urlOf(request.url), false, "", head);
  EXPECT_NE(head.find("\r\nContent-Length: 0\r\n"), std::string::npos) << head;
}

TEST(RequestHead, AbsoluteFormForAProxy) {
  UpstreamRequest request;
  request.method = "GET";
  request.url = "http://example.com:81/p?q";
  std::string head;
  writeRequestHead(request, urlOf(request.url), true, "Proxy-Authorization: Basic eDp5\r\n", head);
  EXPECT_EQ(head.rfind("GET http://example.com:81/p?q HTTP/1.1\r\nHost: example.com:81\r\n", 0), 0u) << head;
  EXPECT_NE(head.find("\r\nProxy-Authorization: Basic eDp5\r\n"), std::string::npos);
}

TEST(RequestHead, RefusesHostOwnedHeadersWhateverTheirCase) {
  for (const char* name : {"Host", "content-length", "CONNECTION", "Transfer-Encoding"}) {
    UpstreamRequest request;
    request.method = "POST";
    request.headers = {{name, "x"}};
    EXPECT_EQ(checkRequest(request),
              "header " + std::string(name) + " is set by the host; a plugin must not set it");
  }
}

TEST(RequestHead, RefusesHeaderInjectionWithoutEchoingTheValue) {
  UpstreamRequest request;
  request.method = "POST";
  request.headers = {{"X-Key", "secret\r\nEvil: 1"}};
  const std::string why = checkRequest(request);
  EXPECT_EQ(why, "header X-Key has a line break or NUL in its value");
  request.headers = {{"Bad Name", "x"}};
  EXPECT_EQ(checkRequest(request), "invalid header name");
  request.headers = {};
  request.method = "GE T";
  EXPECT_EQ(checkRequest(request), "invalid HTTP method");
}

TEST(RequestHead, BodyLengthSumsTheParts) {
  UpstreamRequest request;
  request.bodyParts = {"abc", "", "de"};
  EXPECT_EQ(bodyLength(request), 5u);
}

} // namespace
} // namespace gatehouse
