#include <gtest/gtest.h>

#include <ostream>

#include "client_error.hpp"
#include "gemini_test_support.hpp"
#include "refused_fields.hpp"

namespace gatehouse::plugins::gemini {
namespace {

using testing::parsed;

struct Refused {
  std::string body;
  std::string param;
};

std::ostream& operator<<(std::ostream& out, const Refused& value) {
  return out << value.body;
}

class RefusedFieldsTest : public ::testing::TestWithParam<Refused> {};

TEST_P(RefusedFieldsTest, AnswersA400NamingTheField) {
  try {
    refuseUnsupportedFields(parsed(GetParam().body));
    ADD_FAILURE() << "accepted " << GetParam().body;
  } catch (const ClientError& error) {
    EXPECT_EQ(error.error().status, 400);
    EXPECT_EQ(error.error().param, GetParam().param);
    EXPECT_EQ(error.status(), GH_ERROR_INVALID_ARGUMENT);
    EXPECT_EQ(std::string(error.what()).rfind(GetParam().param + " is not supported", 0), 0u) << error.what();
  }
}

INSTANTIATE_TEST_SUITE_P(EachField, RefusedFieldsTest,
                         ::testing::Values(Refused{R"({"logprobs":true})", "logprobs"},
                                           Refused{R"({"top_logprobs":2})", "top_logprobs"},
                                           Refused{R"({"logit_bias":{"50256":-100}})", "logit_bias"},
                                           Refused{R"({"audio":{"voice":"alloy","format":"wav"}})", "audio"},
                                           Refused{R"({"modalities":["text","audio"]})", "modalities"},
                                           Refused{R"({"functions":[{"name":"f"}]})", "functions"},
                                           Refused{R"({"function_call":"auto"})", "function_call"},
                                           Refused{R"({"web_search_options":{}})", "web_search_options"},
                                           Refused{R"({"verbosity":"low"})", "verbosity"},
                                           Refused{R"({"top_logprobs":0,"logprobs":true})", "logprobs"},
                                           Refused{R"({"modalities":"text"})", "modalities"},
                                           Refused{R"({"guided_json":{"type":"object"}})", "guided_json"},
                                           Refused{R"({"repetition_penalty":1.1})", "repetition_penalty"}));

TEST(RefusedFieldsAcceptTest, AcceptsHarmlessAndNeutralValues) {
  EXPECT_NO_THROW(refuseUnsupportedFields(parsed(R"({"logprobs":false,"top_logprobs":0,"logit_bias":{},
      "modalities":["text"],"audio":null,"functions":null,"verbosity":"medium","user":"u-1",
      "metadata":{"k":"v"},"store":true,"service_tier":"auto","prediction":{"type":"content","content":"x"},
      "stream_options":{"include_usage":true},"parallel_tool_calls":true,"safety_identifier":"s",
      "prompt_cache_key":"k","web_search_options":null,"unknown_but_null":null})")));
}

TEST(RefusedFieldsAcceptTest, AcceptsEveryFieldTheTranslationReads) {
  EXPECT_NO_THROW(
      refuseUnsupportedFields(parsed(R"({"model":"m","messages":[],"stream":true,"stream_options":{},
      "temperature":1,"top_p":1,"top_k":40,"max_tokens":1,"max_completion_tokens":1,"stop":"x","n":1,
      "presence_penalty":0,"frequency_penalty":0,"seed":1,"response_format":{"type":"text"},
      "reasoning_effort":"low","tools":[],"tool_choice":"auto","parallel_tool_calls":false})")));
}

} // namespace
} // namespace gatehouse::plugins::gemini
