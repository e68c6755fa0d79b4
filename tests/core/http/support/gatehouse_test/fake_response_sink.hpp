// In-memory ResponseSink and ClientRequest for tests of handlers and the pipeline.
#pragma once

#include <gatehouse/http/response_sink.hpp>
#include <gatehouse/plugin_host/exchange.hpp>

#include <algorithm>
#include <cctype>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace gatehouse::testing {

class FakeResponseSink final : public http::ResponseSink {
public:
  bool started() const override { return started_; }
  void setHeader(std::string_view name, std::string_view value) override {
    if (!started_)
      headers[std::string(name)] = std::string(value);
  }
  void addHeader(std::string_view name, std::string_view value) override {
    if (!started_)
      addedHeaders.emplace_back(std::string(name), std::string(value));
  }
  void closeConnection() override { closed = true; }
  void send(int statusCode, std::string_view type, std::string_view content) override {
    ++sendCalls;
    if (started_)
      return;
    started_ = true;
    status = statusCode;
    contentType = std::string(type);
    body = std::string(content);
  }
  bool beginStream(int statusCode, std::string_view type) override {
    ++beginCalls;
    if (started_)
      return streaming && !broken;
    started_ = true;
    streaming = true;
    status = statusCode;
    contentType = std::string(type);
    return !failBegin;
  }
  bool writeBody(std::string_view bytes) override {
    if (!streaming || broken || failBegin || aborted)
      return false;
    if (failAfterWrites >= 0 && static_cast<int>(written.size()) >= failAfterWrites) {
      broken = true;
      return false;
    }
    written.emplace_back(bytes);
    return true;
  }
  void abort() override {
    if (streaming)
      aborted = true;
  }

  // Everything written to the stream, concatenated.
  std::string streamText() const {
    std::string all;
    for (const auto& part : written)
      all += part;
    return all;
  }

  int status = 0;
  std::string contentType;
  std::string body;
  std::map<std::string, std::string> headers;
  std::vector<std::pair<std::string, std::string>> addedHeaders; // through addHeader, in order
  std::vector<std::string> written;
  bool streaming = false;
  bool closed = false;
  bool broken = false;
  bool aborted = false;     // the stream was cut off instead of ended
  bool failBegin = false;   // the client is gone before the stream starts
  int failAfterWrites = -1; // writes succeeding before the client "goes away"; -1: never
  int sendCalls = 0;
  int beginCalls = 0;

private:
  bool started_ = false;
};

class FakeClientRequest final : public ClientRequest {
public:
  std::string_view header(std::string_view name) const override {
    for (const auto& [key, value] : headers) {
      if (key.size() == name.size() && std::equal(key.begin(), key.end(), name.begin(), [](char a, char b) {
            return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
          })) {
        return value;
      }
    }
    return {};
  }
  std::string_view method() const override { return methodName; }
  std::string_view path() const override { return pathName; }
  std::string_view query() const override { return queryText; }
  std::string_view clientAddress() const override { return address; }

  std::map<std::string, std::string> headers;
  std::string methodName = "POST";
  std::string pathName = "/v1/chat/completions";
  std::string queryText; // without '?'
  std::string address = "127.0.0.1";
};

} // namespace gatehouse::testing
