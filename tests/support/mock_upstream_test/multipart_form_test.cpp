// multipart/form-data as the transcription endpoint receives it.
#include <gtest/gtest.h>

#include "multipart_form.hpp"

namespace gatehouse::mock {
namespace {

TEST(FormBoundary, ReadsPlainAndQuotedBoundaries) {
  EXPECT_EQ(formBoundary("multipart/form-data; boundary=abc123"), "abc123");
  EXPECT_EQ(formBoundary("Multipart/Form-Data; charset=utf-8; boundary=\"a b;c\""), "a b;c");
  EXPECT_EQ(formBoundary("multipart/form-data;boundary=x"), "x");
}

TEST(FormBoundary, RejectsOtherTypesAndMissingBoundary) {
  EXPECT_FALSE(formBoundary("application/json"));
  EXPECT_FALSE(formBoundary("multipart/form-data"));
  EXPECT_FALSE(formBoundary("multipart/form-data; boundary="));
  EXPECT_FALSE(formBoundary("multipart/form-data; boundary=" + std::string(71, 'x')));
}

TEST(MultipartForm, ReadsFieldsAndBinaryFiles) {
  // The file content holds CRLFs, a lone "--" and NUL bytes: only the full delimiter ends it.
  std::string file("RIFF\r\n--not-the-boundary\r\n\0\0end", 31);
  std::string body = "preamble to ignore\r\n"
                     "--XyZ\r\n"
                     "Content-Disposition: form-data; name=\"model\"\r\n\r\n"
                     "whisper-1\r\n"
                     "--XyZ\r\n"
                     "Content-Disposition: form-data; name=\"file\"; filename=\"speech \\\"one\\\".wav\"\r\n"
                     "Content-Type: audio/wav\r\n\r\n" +
                     file + "\r\n--XyZ--\r\n";
  auto parts = parseMultipartForm(body, "XyZ");
  ASSERT_TRUE(parts);
  ASSERT_EQ(parts->size(), 2u);
  EXPECT_EQ((*parts)[0].name, "model");
  EXPECT_EQ((*parts)[0].body, "whisper-1");
  EXPECT_FALSE((*parts)[0].filename);
  const auto* filePart = findPart(*parts, "file");
  ASSERT_NE(filePart, nullptr);
  EXPECT_EQ(filePart->filename, "speech \"one\".wav");
  EXPECT_EQ(filePart->contentType, "audio/wav");
  EXPECT_EQ(filePart->body, file);
  EXPECT_EQ(findPart(*parts, "language"), nullptr);
}

TEST(MultipartForm, EmptyFieldIsAllowed) {
  auto parts =
      parseMultipartForm("--b\r\nContent-Disposition: form-data; name=\"prompt\"\r\n\r\n\r\n--b--", "b");
  ASSERT_TRUE(parts);
  ASSERT_EQ(parts->size(), 1u);
  EXPECT_EQ((*parts)[0].body, "");
}

TEST(MultipartForm, RejectsMalformedBodies) {
  const char* bad[] = {
      "",                                                                            // no delimiter
      "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nvalue",              // never closed
      "--b\r\nContent-Type: text/plain\r\n\r\nvalue\r\n--b--",                       // no disposition
      "--b\r\nContent-Disposition: attachment; name=\"a\"\r\n\r\nvalue\r\n--b--",    // not form-data
      "--b\r\nContent-Disposition: form-data; filename=\"f\"\r\n\r\nvalue\r\n--b--", // no name
      "--bX\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nvalue\r\n--b--",    // no CRLF after it
  };
  for (const char* body : bad)
    EXPECT_FALSE(parseMultipartForm(body, "b")) << body;
}

} // namespace
} // namespace gatehouse::mock
