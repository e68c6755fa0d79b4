#include <gatehouse/gateway/health_endpoints.hpp>
#include <gatehouse/http/api_error.hpp>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace gatehouse::gateway {
namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

void writeString(Writer& writer, std::string_view text) {
  writer.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
}

http::ApiError notReadyError(const Readiness::Report& report) {
  if (report.shuttingDown) {
    return http::ApiError{503, http::ErrorType::Api, "The gateway is shutting down.", {}, "shutting_down"};
  }
  std::string message = "Not ready:";
  for (const auto& check : report.checks) {
    if (!check.ok)
      message.append(" check '").append(check.name).append("' failed: ").append(check.why).append(";");
  }
  message.back() = '.';
  return http::ApiError{503, http::ErrorType::Api, std::move(message), {}, "not_ready"};
}

} // namespace

void serveHealthz(http::IncomingRequest&, http::ResponseSink& response) {
  response.send(200, "application/json", R"({"status":"ok"})");
}

std::string readinessBody(const Readiness::Report& report) {
  rapidjson::StringBuffer buffer;
  Writer writer(buffer);
  writer.StartObject();
  writer.Key("status");
  writer.String(report.ready ? "ready" : (report.shuttingDown ? "shutting_down" : "not_ready"));
  if (!report.shuttingDown) {
    writer.Key("checks");
    writer.StartObject();
    for (const auto& check : report.checks) {
      writeString(writer, check.name);
      writeString(writer, check.ok ? std::string("ok") : "failed: " + check.why);
    }
    writer.EndObject();
  }
  writer.EndObject();
  std::string body(buffer.GetString(), buffer.GetSize());
  if (!report.ready) {
    // Splice in the shared OpenAI error document's "error" member, so probes and
    // OpenAI clients both understand the answer.
    const std::string error = http::toJson(notReadyError(report));
    body.pop_back();
    body.append(",").append(error, 1, std::string::npos);
  }
  return body;
}

void serveReadyz(const Readiness& readiness, http::ResponseSink& response) {
  const Readiness::Report report = readiness.evaluate();
  response.send(report.ready ? 200 : 503, "application/json", readinessBody(report));
}

} // namespace gatehouse::gateway
