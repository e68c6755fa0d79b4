// The gateway's route table: every endpoint and what it is served by.
#pragma once

#include <gatehouse/gateway/chat_pipeline.hpp>
#include <gatehouse/gateway/models_endpoint.hpp>
#include <gatehouse/gateway/readiness.hpp>
#include <gatehouse/http/router.hpp>

namespace gatehouse::gateway {

// GET /healthz, GET /readyz, GET /v1/models, POST /v1/chat/completions (JSON body).
// The router keeps references: all three must outlive it.
http::Router buildGatewayRouter(const ChatPipeline& chat, const ModelsEndpoint& models,
                                const Readiness& readiness);

} // namespace gatehouse::gateway
