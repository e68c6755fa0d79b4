// GET /healthz (liveness: the process serves) and GET /readyz (readiness checks).
#pragma once

#include <gatehouse/gateway/readiness.hpp>
#include <gatehouse/http/incoming_request.hpp>
#include <gatehouse/http/response_sink.hpp>

#include <string>

namespace gatehouse::gateway {

// 200 {"status":"ok"}.
void serveHealthz(http::IncomingRequest& request, http::ResponseSink& response);

// 200 {"status":"ready","checks":{"config":"ok",...}}; when a check fails 503
// {"status":"not_ready","checks":{...,"store":"failed: <why>"},"error":{OpenAI error}};
// while shutting down 503 {"status":"shutting_down","error":{...}}.
void serveReadyz(const Readiness& readiness, http::ResponseSink& response);

// The /readyz body and status for a report (exposed for tests).
std::string readinessBody(const Readiness::Report& report);

} // namespace gatehouse::gateway
