// The mock's own endpoints under /__mock/: what the test harness asks, not any provider.
#pragma once

namespace gatehouse::mock {

struct HttpRequest;
class Recorder;
class ResponseWriter;

// GET /__mock/requests: recorded requests as JSON, oldest first.
// POST /__mock/reset: forget them.
// GET /__mock/health: {"ok":true}.
void answerMockAdmin(const HttpRequest& request, ResponseWriter& writer, Recorder* recorder);

} // namespace gatehouse::mock
