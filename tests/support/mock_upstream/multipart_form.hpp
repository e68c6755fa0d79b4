// multipart/form-data (RFC 7578) as uploads to /v1/audio/transcriptions use it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gatehouse::mock {

struct FormPart {
  std::string name;
  std::optional<std::string> filename; // set for file fields
  std::string contentType;             // empty when the part has none
  std::string body;
};

// The boundary parameter of a multipart/form-data Content-Type; nullopt for any other type.
std::optional<std::string> formBoundary(std::string_view contentType);

// The parts of a body, in order; nullopt when the body is not well-formed.
std::optional<std::vector<FormPart>> parseMultipartForm(std::string_view body, std::string_view boundary);

// The first part of that name.
const FormPart* findPart(const std::vector<FormPart>& parts, std::string_view name);

} // namespace gatehouse::mock
