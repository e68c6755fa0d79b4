#include <gatehouse/common/ascii_text.hpp>
#include <gatehouse/gateway/header_parameters.hpp>
#include <gatehouse/gateway/multipart_form.hpp>

#include <string>

namespace gatehouse::gateway {
namespace {

constexpr std::string_view kCrlf = "\r\n";
constexpr std::size_t kMaxBoundaryLength = 70;

bool isBoundaryChar(char c) {
  if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
    return true;
  return std::string_view("'()+_,-./:=? ").find(c) != std::string_view::npos;
}

http::ApiError bodyError(std::string message) {
  return http::badRequest("The multipart/form-data body " + std::move(message), {}, "invalid_multipart");
}

http::ApiError partError(std::size_t index, const std::string& problem) {
  return bodyError("has a problem in part " + std::to_string(index + 1) + ": " + problem + ".");
}

// What follows a real boundary: "--" (the close delimiter), or optional spaces and a
// line end. Anything else means the boundary text merely appeared in the content.
bool endsBoundaryLine(std::string_view after) {
  if (after.substr(0, 2) == "--")
    return true;
  while (!after.empty() && (after.front() == ' ' || after.front() == '\t'))
    after.remove_prefix(1);
  return after.substr(0, 2) == kCrlf;
}

// Finds the next real delimiter ("\r\n--boundary" ending a boundary line) at or after
// `from`; npos when there is none.
std::size_t findDelimiter(std::string_view body, std::string_view delimiter, std::size_t from) {
  for (;;) {
    const std::size_t at = body.find(delimiter, from);
    if (at == std::string_view::npos || endsBoundaryLine(body.substr(at + delimiter.size())))
      return at;
    from = at + 1;
  }
}

// Reads the Content-Disposition of a part into `part`; an error text when unusable.
std::optional<std::string> readDisposition(std::string_view headerValue, FormPart& part) {
  const auto parsed = parseHeaderParameters(headerValue);
  if (!parsed)
    return std::string("its Content-Disposition header is malformed");
  if (!ascii::equalsIgnoreCase(parsed->value, "form-data"))
    return std::string("its Content-Disposition is not form-data");
  if (const auto name = findParameter(*parsed, "name"))
    part.name = *name;
  if (const auto filename = findParameter(*parsed, "filename")) {
    part.hasFilename = true;
    part.filename = *filename;
  } else if (const auto extended = findParameter(*parsed, "filename*")) {
    part.hasFilename = true;
    part.filename = *extended; // RFC 5987 form, kept as sent
  }
  return std::nullopt;
}

// Reads a part's header lines from `cursor` up to and including the blank line.
std::optional<http::ApiError> readPartHeaders(std::string_view body, std::size_t& cursor, std::size_t index,
                                              FormPart& part) {
  bool sawDisposition = false;
  for (;;) {
    const std::size_t lineEnd = body.find(kCrlf, cursor);
    if (lineEnd == std::string_view::npos)
      return partError(index, "its headers are not terminated by a blank line");
    const std::string_view line = body.substr(cursor, lineEnd - cursor);
    cursor = lineEnd + kCrlf.size();
    if (line.empty())
      break;
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos || ascii::trimBlanks(line.substr(0, colon)).empty())
      return partError(index, "it has a malformed header line");
    const std::string_view name = ascii::trimBlanks(line.substr(0, colon));
    const std::string_view value = ascii::trimBlanks(line.substr(colon + 1));
    if (ascii::equalsIgnoreCase(name, "content-disposition") && !sawDisposition) {
      sawDisposition = true;
      if (auto problem = readDisposition(value, part))
        return partError(index, *problem);
    } else if (ascii::equalsIgnoreCase(name, "content-type")) {
      part.contentType = value;
    }
  }
  if (!sawDisposition)
    return partError(index, "it has no Content-Disposition header");
  if (part.name.empty())
    return partError(index, "its Content-Disposition has no name");
  return std::nullopt;
}

} // namespace

std::optional<std::string_view> multipartBoundary(std::string_view contentType) {
  const auto parsed = parseHeaderParameters(contentType);
  if (!parsed)
    return std::nullopt;
  const auto boundary = findParameter(*parsed, "boundary");
  if (!boundary || boundary->empty() || boundary->size() > kMaxBoundaryLength || boundary->back() == ' ')
    return std::nullopt;
  for (const char c : *boundary) {
    if (!isBoundaryChar(c))
      return std::nullopt;
  }
  return boundary;
}

std::variant<MultipartForm, http::ApiError> MultipartForm::parse(std::string_view contentType,
                                                                 std::string_view body) {
  const auto boundary = multipartBoundary(contentType);
  if (!boundary) {
    return http::badRequest("The multipart/form-data Content-Type needs a boundary parameter of 1 to 70 "
                            "characters (RFC 2046).",
                            {}, "invalid_content_type");
  }
  // "\r\n--boundary": the CRLF before a delimiter belongs to the delimiter, not the part.
  std::string delimiter;
  delimiter.reserve(kCrlf.size() + 2 + boundary->size());
  delimiter.append(kCrlf).append("--").append(*boundary);
  const std::string_view dashBoundary = std::string_view(delimiter).substr(kCrlf.size());

  std::size_t cursor = 0;
  if (body.substr(0, dashBoundary.size()) == dashBoundary &&
      endsBoundaryLine(body.substr(dashBoundary.size()))) {
    cursor = dashBoundary.size();
  } else {
    const std::size_t first = findDelimiter(body, delimiter, 0);
    if (first == std::string_view::npos)
      return bodyError("does not contain the boundary given in its Content-Type.");
    cursor = first + delimiter.size();
  }

  MultipartForm form;
  for (;;) {
    // `cursor` is just past a boundary: "--" closes the form, a line end opens a part.
    if (body.substr(cursor, 2) == "--")
      return form;
    // endsBoundaryLine() vouched for the spaces and the line end.
    cursor = body.find(kCrlf, cursor) + kCrlf.size();

    const std::size_t index = form.parts_.size();
    if (index == kMaxParts)
      return bodyError("has more than " + std::to_string(kMaxParts) + " parts.");
    FormPart part;
    if (auto error = readPartHeaders(body, cursor, index, part))
      return *error;
    const std::size_t end = findDelimiter(body, delimiter, cursor);
    if (end == std::string_view::npos)
      return bodyError("ends before its closing boundary.");
    part.value = body.substr(cursor, end - cursor);
    form.parts_.push_back(part);
    cursor = end + delimiter.size();
  }
}

const FormPart* MultipartForm::find(std::string_view name) const {
  for (const FormPart& part : parts_) {
    if (part.name == name)
      return &part;
  }
  return nullptr;
}

std::string_view MultipartForm::value(std::string_view name) const {
  const FormPart* part = find(name);
  return part == nullptr ? std::string_view{} : part->value;
}

} // namespace gatehouse::gateway
