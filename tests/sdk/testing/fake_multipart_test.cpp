// FakeMultipartForm writes what client libraries send; multipartField finds a part's value
// as a view into the body, as exchange_form_field does.
#include <gatehouse/testing/fake_multipart.hpp>

#include <gtest/gtest.h>

#include <string>

namespace {

using gatehouse::testing::FakeMultipartForm;
using gatehouse::testing::multipartField;

TEST(FakeMultipart, FindsFieldsAndFileContentAsViewsIntoTheBody) {
  FakeMultipartForm form("b0undary");
  form.field("model", "whisper").file("file", "talk.wav", "audio/wav", std::string("RIFF\0\r\n--x", 10));
  const std::string body = form.body();
  EXPECT_EQ(form.contentType(), "multipart/form-data; boundary=b0undary");
  EXPECT_EQ(body.substr(0, 12), "--b0undary\r\n");
  EXPECT_EQ(body.substr(body.size() - 14), "--b0undary--\r\n");

  const auto model = multipartField(body, form.contentType(), "model");
  ASSERT_TRUE(model);
  EXPECT_EQ(*model, "whisper");
  EXPECT_GE(model->data(), body.data());
  EXPECT_LE(model->data() + model->size(), body.data() + body.size());
  const auto file = multipartField(body, form.contentType(), "file");
  ASSERT_TRUE(file);
  EXPECT_EQ(*file, std::string("RIFF\0\r\n--x", 10));
}

TEST(FakeMultipart, FirstPartOfANameWinsAndEmptyValuesArePresent) {
  FakeMultipartForm form;
  form.field("language", "").field("x", "1").field("x", "2");
  const std::string body = form.body();
  const auto language = multipartField(body, form.contentType(), "language");
  ASSERT_TRUE(language);
  EXPECT_EQ(*language, "");
  EXPECT_EQ(*multipartField(body, form.contentType(), "x"), "1");
  EXPECT_FALSE(multipartField(body, form.contentType(), "absent"));
}

TEST(FakeMultipart, QuotedBoundaryAndHeaderCaseAreAccepted) {
  const std::string body = "--q\r\ncontent-disposition: form-data; NAME=\"model\"\r\n\r\nm1\r\n--q--\r\n";
  EXPECT_EQ(*multipartField(body, "Multipart/Form-Data; boundary=\"q\"", "model"), "m1");
}

TEST(FakeMultipart, NotMultipartOrMalformedReadsAsAbsent) {
  FakeMultipartForm form;
  form.field("model", "m");
  EXPECT_FALSE(multipartField(form.body(), "application/json", "model"));
  EXPECT_FALSE(multipartField(form.body(), "multipart/form-data", "model")); // no boundary
  EXPECT_FALSE(multipartField("--x\r\nContent-Disposition: form-data; name=\"model\"\r\n\r\nunterminated",
                              "multipart/form-data; boundary=x", "model"));
}

} // namespace
