// The gateway's route table: every endpoint and what it is served by.
#pragma once

#include <gatehouse/gateway/model_pipeline.hpp>
#include <gatehouse/gateway/models_endpoint.hpp>
#include <gatehouse/gateway/readiness.hpp>
#include <gatehouse/http/router.hpp>

namespace gatehouse::gateway {

// GET /healthz, GET /readyz, GET /v1/models, and the model endpoints through `pipeline`:
// POST /v1/chat/completions, /v1/embeddings, /v1/images/generations, /v1/audio/speech
// (JSON bodies) and /v1/audio/transcriptions (multipart/form-data).
// The router keeps references: all three must outlive it.
http::Router buildGatewayRouter(const ModelPipeline& pipeline, const ModelsEndpoint& models,
                                const Readiness& readiness);

} // namespace gatehouse::gateway
