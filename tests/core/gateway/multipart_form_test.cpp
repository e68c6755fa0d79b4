#include <gatehouse/gateway/multipart_form.hpp>

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace gatehouse::gateway {
namespace {

constexpr std::string_view kType = "multipart/form-data; boundary=XyZ";

std::string field(std::string_view name, std::string_view value) {
  return "--XyZ\r\nContent-Disposition: form-data; name=\"" + std::string(name) + "\"\r\n\r\n" +
         std::string(value) + "\r\n";
}

std::string filePart(std::string_view name, std::string_view filename, std::string_view content) {
  return "--XyZ\r\nContent-Disposition: form-data; name=\"" + std::string(name) + "\"; filename=\"" +
         std::string(filename) + "\"\r\nContent-Type: audio/wav\r\n\r\n" + std::string(content) + "\r\n";
}

constexpr std::string_view kClose = "--XyZ--\r\n";

MultipartForm parsed(std::string_view contentType, std::string_view body) {
  auto result = MultipartForm::parse(contentType, body);
  if (const auto* error = std::get_if<http::ApiError>(&result)) {
    ADD_FAILURE() << "refused: " << error->message;
    return {};
  }
  return std::get<MultipartForm>(std::move(result));
}

http::ApiError refused(std::string_view contentType, std::string_view body) {
  auto result = MultipartForm::parse(contentType, body);
  if (!std::holds_alternative<http::ApiError>(result)) {
    ADD_FAILURE() << "accepted: " << body;
    return {};
  }
  return std::get<http::ApiError>(result);
}

bool pointsInto(std::string_view view, std::string_view body) {
  return view.data() >= body.data() && view.data() + view.size() <= body.data() + body.size();
}

TEST(MultipartForm, SplitsFieldsAndFilesIntoViewsOfTheBody) {
  const std::string body = field("model", "whisper-1") +
                           filePart("file", "a.wav", std::string("RIFF\0\r\n-", 8)) +
                           field("language", "en") + std::string(kClose);
  const MultipartForm form = parsed(kType, body);
  ASSERT_EQ(form.parts().size(), 3u);
  EXPECT_EQ(form.value("model"), "whisper-1");
  EXPECT_EQ(form.value("language"), "en");
  const FormPart* file = form.find("file");
  ASSERT_NE(file, nullptr);
  EXPECT_EQ(file->value, std::string_view("RIFF\0\r\n-", 8));
  EXPECT_TRUE(file->hasFilename);
  EXPECT_EQ(file->filename, "a.wav");
  EXPECT_EQ(file->contentType, "audio/wav");
  EXPECT_FALSE(form.find("model")->hasFilename);
  for (const FormPart& part : form.parts()) {
    EXPECT_TRUE(pointsInto(part.value, body)) << part.name;
    EXPECT_TRUE(pointsInto(part.name, body)) << part.name;
  }
}

TEST(MultipartForm, AbsentFieldsAreEmptyAndTheFirstOfARepeatedNameWins) {
  const MultipartForm form = parsed(kType, field("a", "1") + field("a", "2") + std::string(kClose));
  EXPECT_EQ(form.value("a"), "1");
  EXPECT_EQ(form.find("b"), nullptr);
  EXPECT_EQ(form.value("b"), "");
  EXPECT_EQ(form.find("A"), nullptr); // names are case-sensitive, like HTML forms
}

TEST(MultipartForm, AcceptsTheBoundaryQuotedOrNotWithOtherParameters) {
  const std::string body = "--a'b(c)+d_,-./:=?e f\r\nContent-Disposition: form-data; name=x\r\n\r\n1\r\n"
                           "--a'b(c)+d_,-./:=?e f--";
  EXPECT_EQ(parsed("multipart/form-data; charset=utf-8; boundary=\"a'b(c)+d_,-./:=?e f\"", body).value("x"),
            "1");
  EXPECT_EQ(parsed("Multipart/Form-Data;BOUNDARY=XyZ", field("x", "2") + "--XyZ--").value("x"), "2");
}

TEST(MultipartForm, IgnoresPreambleEpilogueAndTransportPadding) {
  const std::string body =
      "this is a preamble\r\n--XyZ  \t\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n"
      "v\r\n--XyZ--  and an epilogue\r\n--XyZ\r\nnot a part";
  const MultipartForm form = parsed(kType, body);
  ASSERT_EQ(form.parts().size(), 1u);
  EXPECT_EQ(form.value("x"), "v");
}

TEST(MultipartForm, ReadsHeadersCaseInsensitivelyAndUnquotedNames) {
  const std::string body = "--XyZ\r\ncontent-disposition:FORM-DATA;NAME=model ; Filename=\"\"\r\n"
                           "X-Other: ignored\r\nCONTENT-TYPE: text/plain\r\n\r\nm\r\n--XyZ--";
  const MultipartForm form = parsed(kType, body);
  const FormPart* part = form.find("model");
  ASSERT_NE(part, nullptr);
  EXPECT_EQ(part->value, "m");
  EXPECT_TRUE(part->hasFilename); // present though empty: still a file part
  EXPECT_EQ(part->filename, "");
  EXPECT_EQ(part->contentType, "text/plain");
}

TEST(MultipartForm, ANameMayContainSemicolonsAndEscapedQuotes) {
  const std::string body =
      "--XyZ\r\nContent-Disposition: form-data; name=\"a;b\\\"c\"; filename=\"x;y.wav\"\r\n\r\nv\r\n--XyZ--";
  const MultipartForm form = parsed(kType, body);
  ASSERT_EQ(form.parts().size(), 1u);
  EXPECT_EQ(form.parts()[0].name, "a;b\\\"c"); // escapes are kept: names are views
  EXPECT_EQ(form.parts()[0].filename, "x;y.wav");
}

TEST(MultipartForm, BoundaryTextInsideContentIsContent) {
  const std::string content = "x\r\n--XyZX\r\n--XyZ-y --XyZ\r\n";
  const std::string body = field("f", content) + std::string(kClose);
  EXPECT_EQ(parsed(kType, body).value("f"), content);
}

TEST(MultipartForm, AnEmptyValueAndAnEmptyFormParse) {
  EXPECT_EQ(parsed(kType, field("e", "") + std::string(kClose)).value("e"), "");
  EXPECT_TRUE(parsed(kType, "--XyZ--").parts().empty());
}

TEST(MultipartForm, AMissingOrInvalidBoundaryIsAContentTypeError) {
  for (const std::string_view type :
       {"multipart/form-data", "multipart/form-data; boundary=", "multipart/form-data; boundary=\"\"",
        "multipart/form-data; boundary=\"XyZ", "multipart/form-data; boundary=a<b",
        "multipart/form-data; boundary=\"a\\\"b\"", "multipart/form-data; boundary=\"ends with space \"",
        "multipart/form-data; name", "multipart/form-data; boundary=\"x\" junk"}) {
    const http::ApiError error = refused(type, field("x", "1") + std::string(kClose));
    EXPECT_EQ(error.status, 400) << type;
    EXPECT_EQ(error.code, "invalid_content_type") << type;
  }
  const std::string longest(70, 'b');
  EXPECT_TRUE(multipartBoundary("multipart/form-data; boundary=" + longest).has_value());
  EXPECT_FALSE(multipartBoundary("multipart/form-data; boundary=" + longest + "b").has_value());
}

TEST(MultipartForm, BodyProblemsAreClear400s) {
  struct Case {
    std::string body;
    std::string mentions;
  };
  const std::vector<Case> cases = {
      {"", "does not contain the boundary"},
      {"just some text", "does not contain the boundary"},
      {"--XyZjunk\r\n", "does not contain the boundary"},
      {field("x", "1"), "ends before its closing boundary"},
      {field("x", "1") + "--XyZ", "ends before its closing boundary"},
      {"--XyZ\r\nContent-Disposition: form-data; name=\"x\"\r\n", "not terminated by a blank line"},
      {"--XyZ\r\nContent-Disposition: form-data\r\n\r\nv\r\n--XyZ--",
       "part 1: its Content-Disposition has no name"},
      {"--XyZ\r\nContent-Disposition: form-data; name=\"\"\r\n\r\nv\r\n--XyZ--", "has no name"},
      {field("a", "1") + "--XyZ\r\nContent-Type: text/plain\r\n\r\nv\r\n--XyZ--",
       "part 2: it has no Content-Disposition header"},
      {"--XyZ\r\nContent-Disposition: attachment; name=\"x\"\r\n\r\nv\r\n--XyZ--", "is not form-data"},
      {"--XyZ\r\nContent-Disposition: form-data; name=\"x\r\n\r\nv\r\n--XyZ--",
       "Content-Disposition header is malformed"},
      {"--XyZ\r\nno colon here\r\n\r\nv\r\n--XyZ--", "malformed header line"},
      {"--XyZ\r\n: empty name\r\n\r\nv\r\n--XyZ--", "malformed header line"},
      {"--XyZ\nContent-Disposition: form-data; name=\"x\"\n\nv\n--XyZ--", "does not contain the boundary"},
  };
  for (const Case& c : cases) {
    const http::ApiError error = refused(kType, c.body);
    EXPECT_EQ(error.status, 400) << c.body;
    EXPECT_EQ(error.type, http::ErrorType::InvalidRequest) << c.body;
    EXPECT_EQ(error.code, "invalid_multipart") << c.body;
    EXPECT_NE(error.message.find(c.mentions), std::string::npos) << c.body << " -> " << error.message;
  }
}

TEST(MultipartForm, RefusesMoreThanTheMaximumNumberOfParts) {
  std::string body;
  for (std::size_t i = 0; i <= MultipartForm::kMaxParts; ++i)
    body += field("p", "");
  body += kClose;
  EXPECT_NE(refused(kType, body).message.find("more than 1000 parts"), std::string::npos);
}

TEST(MultipartForm, EveryTruncationOfAValidBodyIsRefusedWithoutCrashing) {
  const std::string body = field("model", "m") + filePart("file", "f.wav", "0123456789\r\n") + "--XyZ--";
  ASSERT_EQ(parsed(kType, body).parts().size(), 2u);
  for (std::size_t length = 0; length + 2 < body.size(); ++length) {
    const std::string prefix = body.substr(0, length);
    auto result = MultipartForm::parse(kType, prefix);
    EXPECT_TRUE(std::holds_alternative<http::ApiError>(result)) << "prefix of " << length << " bytes";
  }
}

TEST(MultipartForm, RandomGarbageNeverCrashes) {
  std::mt19937 random(7);
  const std::string alphabet = "-XyZ\r\n:;=\" form-data name";
  for (int round = 0; round < 2000; ++round) {
    std::string body = round % 2 == 0 ? "--XyZ\r\n" : "";
    const int length = static_cast<int>(random() % 120);
    for (int i = 0; i < length; ++i)
      body.push_back(alphabet[random() % alphabet.size()]);
    auto result = MultipartForm::parse(kType, body);
    if (const auto* form = std::get_if<MultipartForm>(&result)) {
      for (const FormPart& part : form->parts()) {
        EXPECT_FALSE(part.name.empty());
        EXPECT_TRUE(pointsInto(part.value, body));
      }
    }
  }
}

} // namespace
} // namespace gatehouse::gateway
