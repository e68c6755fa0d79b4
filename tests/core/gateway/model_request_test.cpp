#include <gatehouse/gateway/model_request.hpp>

#include <gtest/gtest.h>

#include <gatehouse_test/fake_response_sink.hpp>
#include <stdexcept>

#include "request_parsing.hpp"

namespace gatehouse::gateway {
namespace {

TEST(ModelRequest, EachEndpointUsesItsOwnParser) {
  testing::FakeClientRequest client;
  client.headers["Content-Type"] = "multipart/form-data; boundary=b";
  // The same body means different things on different endpoints.
  const std::string body =
      R"({"model":"m","messages":[{"role":"user"}],"input":"x","prompt":"p","voice":"v"})";
  const http::IncomingRequest request{client, body, "r", 0};
  for (const gh_endpoint endpoint :
       {GH_ENDPOINT_CHAT_COMPLETIONS, GH_ENDPOINT_EMBEDDINGS, GH_ENDPOINT_IMAGES, GH_ENDPOINT_AUDIO_SPEECH}) {
    EXPECT_EQ(testing::acceptedRequest(parseModelRequest(endpoint, request), body).endpoint, endpoint);
  }
  // ...and as a transcription it is no multipart body at all.
  EXPECT_EQ(testing::refusedRequest(parseModelRequest(GH_ENDPOINT_AUDIO_TRANSCRIPTION, request), body).code,
            "invalid_multipart");
}

TEST(ModelRequest, TheTranscriptionParserReadsTheBoundaryFromTheRequestsContentType) {
  testing::FakeClientRequest client;
  client.headers["content-type"] = "multipart/form-data; boundary=\"q q\"";
  const std::string body = "--q q\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nA\r\n"
                           "--q q\r\nContent-Disposition: form-data; name=\"model\"\r\n\r\nw\r\n--q q--";
  const http::IncomingRequest request{client, body, "r", 0};
  EXPECT_EQ(testing::acceptedRequest(parseModelRequest(GH_ENDPOINT_AUDIO_TRANSCRIPTION, request), body).model,
            "w");
}

TEST(ModelRequest, AnEndpointWithoutAParserIsAWiringBug) {
  testing::FakeClientRequest client;
  const http::IncomingRequest request{client, "{}", "r", 0};
  EXPECT_THROW(parseModelRequest(GH_ENDPOINT_MODELS, request), std::logic_error);
}

} // namespace
} // namespace gatehouse::gateway
