// Sends each request to the provider format its path (and, for /v1/models, its headers)
// belongs to.
#pragma once

#include <memory>
#include <string_view>

namespace gatehouse::mock {

struct HttpRequest;
struct MockOptions;
class Recorder;
class ResponseWriter;

class Router {
public:
  // `recorder` may be null (--no-record).
  Router(const MockOptions& options, Recorder* recorder) : options_(options), recorder_(recorder) {}

  // Shared so the recorder can keep the request without copying it.
  void route(const std::shared_ptr<const HttpRequest>& request, ResponseWriter& writer, bool tls) const;

private:
  void routeOpenAi(const HttpRequest& request, ResponseWriter& writer) const;
  void routeAzure(const HttpRequest& request, ResponseWriter& writer) const;
  void routeGemini(const HttpRequest& request, ResponseWriter& writer, std::string_view prefix) const;

  const MockOptions& options_;
  Recorder* recorder_;
};

} // namespace gatehouse::mock
