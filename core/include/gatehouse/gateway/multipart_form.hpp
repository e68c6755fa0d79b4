// A multipart/form-data body (RFC 7578, framing from RFC 2046) split into its parts
// without copying: every name, filename and value is a view into the body, which must
// outlive the form. The body is already whole in memory (read once under
// server.max_body_bytes), so parsing is one linear pass with no buffering.
#pragma once

#include <gatehouse/http/api_error.hpp>

#include <cstddef>
#include <optional>
#include <string_view>
#include <variant>
#include <vector>

namespace gatehouse::gateway {

struct FormPart {
  std::string_view name;
  std::string_view filename;    // empty when none was given
  bool hasFilename = false;     // a "filename" parameter was present: a file part
  std::string_view contentType; // the part's own Content-Type; empty when absent
  std::string_view value;       // the part's content, byte for byte
};

class MultipartForm {
public:
  // Bounds the parts vector whatever the body holds (each part costs a few views).
  static constexpr std::size_t kMaxParts = 1000;

  MultipartForm() = default;

  // Parses `body` with the boundary of `contentType` (a multipart/form-data header
  // value). Every problem is a 400 in the OpenAI shape: "invalid_content_type" for a
  // missing or malformed boundary, "invalid_multipart" for the body (no opening
  // boundary, no closing boundary, unterminated part headers, a malformed header line, a
  // part that is not form-data or has no name, too many parts). Preamble and epilogue
  // are ignored; a "--boundary" followed by anything but "--" or a line end is content.
  static std::variant<MultipartForm, http::ApiError> parse(std::string_view contentType,
                                                           std::string_view body);

  // The first part called `name` (exact, case-sensitive like HTML forms), or nullptr.
  const FormPart* find(std::string_view name) const;
  // Its value; empty when there is no such part.
  std::string_view value(std::string_view name) const;
  const std::vector<FormPart>& parts() const { return parts_; }

private:
  std::vector<FormPart> parts_;
};

// The boundary parameter of a multipart Content-Type, unquoted; nullopt when absent or
// not a valid RFC 2046 boundary (1..70 characters from its set, not ending in a space).
std::optional<std::string_view> multipartBoundary(std::string_view contentType);

} // namespace gatehouse::gateway
