#include "mock_admin.hpp"

#include "http_request.hpp"
#include "recorder.hpp"
#include "response_writer.hpp"

namespace gatehouse::mock {

void answerMockAdmin(const HttpRequest& request, ResponseWriter& writer, Recorder* recorder) {
  constexpr std::string_view kJson = "application/json";
  if (request.path == "/__mock/requests" && request.method == "GET") {
    if (recorder)
      writer.send(200, kJson, recorder->toJson());
    else
      writer.send(200, kJson, R"({"requests":[],"dropped":0,"recording":false})");
  } else if (request.path == "/__mock/reset" && request.method == "POST") {
    if (recorder)
      recorder->clear();
    writer.send(200, kJson, R"({"ok":true})");
  } else if (request.path == "/__mock/health" && request.method == "GET") {
    writer.send(200, kJson, R"({"ok":true})");
  } else {
    writer.send(404, kJson, R"({"error":"unknown mock endpoint"})");
  }
}

} // namespace gatehouse::mock
