#include <gatehouse/gateway/embeddings_request.hpp>

#include <gtest/gtest.h>

#include "request_parsing.hpp"

namespace gatehouse::gateway {
namespace {

ModelRequest accepted(std::string_view body) {
  return testing::acceptedRequest(parseEmbeddingsRequest(body), body);
}

TEST(EmbeddingsRequest, AcceptsEveryInputForm) {
  for (const std::string_view body : {
           R"({"model":"e","input":"hello"})",
           R"({"model":"e","input":["a","b"]})",
           R"({"model":"e","input":[1,2,3]})",
           R"({"model":"e","input":[[1,2],[3]]})",
           R"({"model":"e","input":"x","dimensions":256,"encoding_format":"base64","user":"u"})",
       }) {
    const ModelRequest request = accepted(body);
    EXPECT_EQ(request.endpoint, GH_ENDPOINT_EMBEDDINGS) << body;
    EXPECT_EQ(request.model, "e") << body;
    EXPECT_FALSE(request.stream) << body;
  }
}

TEST(EmbeddingsRequest, IsNeverAStream) {
  EXPECT_FALSE(accepted(R"({"model":"e","input":"x","stream":true})").stream);
}

TEST(EmbeddingsRequest, RefusesMissingOrWrongFieldsNamingTheParam) {
  testing::expectRefusals(&parseEmbeddingsRequest,
                          {
                              {R"({"input":"x"})", "model", "missing_required_parameter"},
                              {R"({"model":7,"input":"x"})", "model", "invalid_type"},
                              {R"({"model":"","input":"x"})", "model", "invalid_value"},
                              {R"({"model":"e"})", "input", "missing_required_parameter"},
                              {R"({"model":"e","input":""})", "input", "invalid_value"},
                              {R"({"model":"e","input":[]})", "input", "empty_array"},
                              {R"({"model":"e","input":null})", "input", "invalid_type"},
                              {R"({"model":"e","input":42})", "input", "invalid_type"},
                              {R"({"model":"e","input":{"text":"x"}})", "input", "invalid_type"},
                              {R"({"model":"e","input":[{"text":"x"}]})", "input[0]", "invalid_type"},
                              {R"({"model":"e","input":["a",""]})", "input[1]", "invalid_value"},
                              {R"({"model":"e","input":["a",1]})", "input[1]", "invalid_type"},
                              {R"({"model":"e","input":[1,"a"]})", "input[1]", "invalid_type"},
                              {R"({"model":"e","input":[1,-2]})", "input[1]", "invalid_type"},
                              {R"({"model":"e","input":[1,2.5]})", "input[1]", "invalid_type"},
                              {R"({"model":"e","input":[-1]})", "input[0]", "invalid_type"},
                              {R"({"model":"e","input":[[1],[]]})", "input[1]", "empty_array"},
                              {R"({"model":"e","input":[[1],["a"]]})", "input[1][0]", "invalid_type"},
                              {R"({"model":"e","input":[[1,2],[3,-4]]})", "input[1][1]", "invalid_type"},
                              {R"({"model":"e","input":[[1],2]})", "input[1]", "invalid_type"},
                          });
}

TEST(EmbeddingsRequest, RefusesBodiesThatAreNotAJsonObject) {
  testing::expectRefusals(&parseEmbeddingsRequest, {
                                                       {"", "", "invalid_json"},
                                                       {"{\"model\":", "", "invalid_json"},
                                                       {"[1]", "", "invalid_request_body"},
                                                       {std::string(200, '['), "", "json_too_deep"},
                                                   });
}

} // namespace
} // namespace gatehouse::gateway
