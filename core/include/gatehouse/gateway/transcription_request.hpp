// Validation of a POST /v1/audio/transcriptions body (multipart/form-data).
#pragma once

#include <gatehouse/gateway/model_request.hpp>

#include <string_view>

namespace gatehouse::gateway {

// `body` split by the boundary of `contentType` (see MultipartForm::parse for the
// framing errors), with a non-empty part named "file" and a "model" field that is
// non-empty, valid UTF-8 and free of control characters. The form field "stream" may be
// "true" or "false" (any case); "true" asks for a stream. The form in the result holds
// views into `body`.
ParsedModelRequest parseTranscriptionRequest(std::string_view contentType, std::string_view body);

} // namespace gatehouse::gateway
