#include <gatehouse/common/ascii_text.hpp>
#include <gatehouse/gateway/header_parameters.hpp>
#include <gatehouse/gateway/transcription_request.hpp>

namespace gatehouse::gateway {
namespace {

http::ApiError missing(const std::string& param) {
  return http::badRequest("Missing required parameter: '" + param + "'.", param,
                          "missing_required_parameter");
}

http::ApiError invalidValue(const std::string& param, std::string message) {
  return http::badRequest(std::move(message), param, "invalid_value");
}

// The length of the UTF-8 sequence starting with `lead`, or 0 for a byte that cannot
// start one.
std::size_t sequenceLength(unsigned char lead) {
  if (lead < 0x80)
    return 1;
  if (lead >= 0xc2 && lead <= 0xdf)
    return 2;
  if (lead >= 0xe0 && lead <= 0xef)
    return 3;
  if (lead >= 0xf0 && lead <= 0xf4)
    return 4;
  return 0;
}

// Form values are raw bytes, unlike JSON strings which the parser already checked: a
// model name goes into logs, errors and usage records, so it must be printable UTF-8.
// (Overlong 3- and 4-byte forms and surrogates are not worth the code: they only make
// an unknown model name.)
bool isPrintableUtf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const std::size_t length = sequenceLength(lead);
    if (length == 0 || i + length > text.size())
      return false;
    if (length == 1 && (lead < 0x20 || lead == 0x7f))
      return false;
    for (std::size_t k = 1; k < length; ++k) {
      if ((static_cast<unsigned char>(text[i + k]) & 0xc0) != 0x80)
        return false;
    }
    i += length;
  }
  return true;
}

std::optional<http::ApiError> validate(const MultipartForm& form, ModelRequest& request) {
  const FormPart* file = form.find("file");
  if (file == nullptr)
    return missing("file");
  if (file->value.empty())
    return invalidValue("file", "'file' must not be empty: upload the audio to transcribe.");

  const FormPart* model = form.find("model");
  if (model == nullptr)
    return missing("model");
  if (model->value.empty())
    return invalidValue("model", "'model' must not be empty.");
  if (!isPrintableUtf8(model->value))
    return invalidValue("model", "'model' must be printable UTF-8 text.");
  request.model.assign(model->value);

  if (const FormPart* stream = form.find("stream")) {
    if (ascii::equalsIgnoreCase(stream->value, "true")) {
      request.stream = true;
    } else if (!ascii::equalsIgnoreCase(stream->value, "false")) {
      return invalidValue("stream", "'stream' must be \"true\" or \"false\".");
    }
  }
  return std::nullopt;
}

} // namespace

ParsedModelRequest parseTranscriptionRequest(std::string_view contentType, std::string_view body) {
  auto parsed = MultipartForm::parse(contentType, body);
  if (auto* error = std::get_if<http::ApiError>(&parsed))
    return std::move(*error);
  ModelRequest request;
  request.endpoint = GH_ENDPOINT_AUDIO_TRANSCRIPTION;
  request.form = std::move(std::get<MultipartForm>(parsed));
  if (auto error = validate(request.form, request))
    return *std::move(error);
  return request;
}

} // namespace gatehouse::gateway
