// Stream translation driven by recorded Anthropic transcripts (fixtures/streams/*.sse).
#include <gatehouse/sdk/error.hpp>

#include <gtest/gtest.h>

#include <map>

#include "fixture.hpp"
#include "stream_translator.hpp"

namespace gatehouse::plugins::anthropic {
namespace {

using test::parse;

ReplyContext context(bool includeUsage = false) {
  ReplyContext out;
  out.identity = {"chatcmpl-req-1", 1700000000, "claude-test"};
  out.includeUsage = includeUsage;
  out.providerName = "claude-prod";
  return out;
}

// Feeds a whole transcript, then the clean end; returns every chunk.
std::vector<std::string> run(StreamTranslator& translator, const std::string& transcriptName) {
  std::vector<std::string> chunks;
  for (const test::TranscriptEvent& event :
       test::splitTranscript(test::readFixture("streams/" + transcriptName))) {
    for (std::string& chunk : translator.translate(event.event, event.data)) {
      chunks.push_back(std::move(chunk));
    }
  }
  translator.finish();
  return chunks;
}

struct Collected {
  std::string content;
  std::vector<std::string> finishReasons;
  std::map<int, std::string> toolIds, toolNames, toolArguments;
  int roleChunks = 0;
  int usageChunks = 0;
};

Collected collect(const std::vector<std::string>& chunks) {
  Collected out;
  for (const std::string& text : chunks) {
    const rapidjson::Document chunk = parse(text);
    EXPECT_STREQ(chunk["object"].GetString(), "chat.completion.chunk");
    EXPECT_STREQ(chunk["id"].GetString(), "chatcmpl-req-1");
    if (chunk["choices"].Empty()) {
      ++out.usageChunks;
      continue;
    }
    const rapidjson::Value& choice = chunk["choices"][0];
    const rapidjson::Value& delta = choice["delta"];
    out.roleChunks += delta.HasMember("role") ? 1 : 0;
    if (delta.HasMember("content")) {
      out.content += delta["content"].GetString();
    }
    if (choice["finish_reason"].IsString()) {
      out.finishReasons.emplace_back(choice["finish_reason"].GetString());
    }
    if (delta.HasMember("tool_calls")) {
      for (const auto& call : delta["tool_calls"].GetArray()) {
        const int index = call["index"].GetInt();
        if (call.HasMember("id")) {
          out.toolIds[index] += call["id"].GetString();
          out.toolNames[index] += call["function"]["name"].GetString();
        }
        out.toolArguments[index] += call["function"]["arguments"].GetString();
      }
    }
  }
  return out;
}

void expectChunks(const std::vector<std::string>& chunks, const std::string& expectedFixture) {
  const rapidjson::Document expected = parse(test::readFixture("streams/" + expectedFixture));
  ASSERT_EQ(chunks.size(), expected.Size());
  for (rapidjson::SizeType i = 0; i < expected.Size(); ++i) {
    EXPECT_TRUE(test::sameJson(chunks[i], expected[i])) << "chunk " << i;
  }
}

TEST(StreamTranslator, TranslatesTheDocumentedTextStreamExactly) {
  StreamTranslator translator(context());
  expectChunks(run(translator, "text.sse"), "text.chunks.json");
  EXPECT_EQ(translator.usage().promptTokens, 25);
  EXPECT_EQ(translator.usage().completionTokens, 15);
  EXPECT_TRUE(translator.stopped());
}

TEST(StreamTranslator, TranslatesTheDocumentedToolStreamExactlyWithTheUsageChunk) {
  StreamTranslator translator(context(true));
  expectChunks(run(translator, "tool_use.sse"), "tool_use.chunks.json");
}

TEST(StreamTranslator, ReassembledToolArgumentsAreTheJsonAnthropicStreamed) {
  StreamTranslator translator(context());
  const Collected out = collect(run(translator, "tool_use.sse"));
  EXPECT_STREQ(parse(out.toolArguments.at(0))["location"].GetString(), "San Francisco, CA");
  EXPECT_EQ(out.finishReasons, std::vector<std::string>{"tool_calls"});
  EXPECT_EQ(out.usageChunks, 0) << "no usage chunk unless the client asked for one";
}

TEST(StreamTranslator, ParallelToolCallsGetIndexesCountingToolBlocksOnly) {
  StreamTranslator translator(context());
  const Collected out = collect(run(translator, "parallel_tools.sse"));
  EXPECT_EQ(out.content, "Checking both.");
  ASSERT_EQ(out.toolIds.size(), 2u);
  EXPECT_EQ(out.toolIds.at(0), "toolu_paris");
  EXPECT_EQ(out.toolIds.at(1), "toolu_rome");
  EXPECT_EQ(out.toolNames.at(1), "get_weather");
  EXPECT_STREQ(parse(out.toolArguments.at(0))["location"].GetString(), "Paris");
  EXPECT_STREQ(parse(out.toolArguments.at(1))["location"].GetString(), "Rome");
  EXPECT_EQ(out.roleChunks, 1);
}

TEST(StreamTranslator, MultiByteTextPassesIntact) {
  StreamTranslator translator(context());
  const Collected out = collect(run(translator, "utf8.sse"));
  EXPECT_EQ(out.content, "Grüße aus Zürich, 日本語のテキスト 🎉🚀 été 😀");
  EXPECT_EQ(out.finishReasons, std::vector<std::string>{"stop"});
}

TEST(StreamTranslator, ThinkingAndUnknownEventsAreIgnoredAndUsageTotalsTaken) {
  StreamTranslator translator(context(true));
  const Collected out = collect(run(translator, "thinking_and_unknown.sse"));
  EXPECT_EQ(out.content, "The GCD is 21.");
  EXPECT_EQ(out.usageChunks, 1);
  EXPECT_EQ(translator.usage().promptTokens, 2045);
  EXPECT_EQ(translator.usage().cachedTokens, 2000);
  EXPECT_EQ(translator.usage().completionTokens, 310);
}

TEST(StreamTranslator, TheResponseToolStreamsAsContent) {
  ReplyContext reply = context();
  reply.responseTool = "city_facts";
  StreamTranslator translator(reply);
  const Collected out = collect(run(translator, "json_schema.sse"));
  EXPECT_TRUE(out.toolIds.empty());
  EXPECT_EQ(parse(out.content)["population"].GetInt(), 709037);
  EXPECT_EQ(out.finishReasons, std::vector<std::string>{"stop"});
}

TEST(StreamTranslator, AnOverloadedErrorEventEndsTheStreamAsUnavailable) {
  StreamTranslator translator(context());
  try {
    run(translator, "overloaded.sse");
    FAIL() << "the error event was not reported";
  } catch (const sdk::Error& error) {
    EXPECT_EQ(error.status(), GH_ERROR_UNAVAILABLE);
    EXPECT_NE(std::string(error.what()).find("Overloaded"), std::string::npos) << error.what();
    EXPECT_NE(std::string(error.what()).find("'claude-prod'"), std::string::npos) << error.what();
  }
  EXPECT_EQ(translator.usage().promptTokens, 12) << "usage seen before the error is kept";
}

TEST(StreamTranslator, OtherErrorEventsAreUpstreamFailures) {
  StreamTranslator translator(context());
  try {
    translator.translate(
        "error", R"({"type":"error","error":{"type":"api_error","message":"Internal server error"}})");
    FAIL();
  } catch (const sdk::Error& error) {
    EXPECT_EQ(error.status(), GH_ERROR_UPSTREAM);
    EXPECT_NE(std::string(error.what()).find("api_error"), std::string::npos);
  }
}

TEST(StreamTranslator, AStreamEndingBeforeMessageStopIsAFailure) {
  StreamTranslator translator(context());
  try {
    run(translator, "truncated.sse");
    FAIL() << "a truncated stream looked complete";
  } catch (const sdk::Error& error) {
    EXPECT_EQ(error.status(), GH_ERROR_UPSTREAM);
    EXPECT_NE(std::string(error.what()).find("message_stop"), std::string::npos);
  }
}

TEST(StreamTranslator, DataThatIsNotJsonIsAnUpstreamFailure) {
  StreamTranslator translator(context());
  EXPECT_THROW(translator.translate("message_start", "{oops"), sdk::Error);
}

TEST(StreamTranslator, UsesTheEventNameWhenTheDataHasNoType) {
  StreamTranslator translator(context());
  translator.translate("message_start", R"({"message":{"usage":{"input_tokens":3}}})");
  const std::vector<std::string> chunks =
      translator.translate("content_block_delta", R"({"index":0,"delta":{"type":"text_delta","text":"x"}})");
  ASSERT_EQ(chunks.size(), 1u);
  EXPECT_STREQ(parse(chunks[0])["choices"][0]["delta"]["content"].GetString(), "x");
}

TEST(StreamTranslator, AMissingMessageDeltaStillFinishesWithStop) {
  StreamTranslator translator(context());
  translator.translate("", R"({"type":"message_start","message":{"usage":{"input_tokens":1}}})");
  const std::vector<std::string> chunks = translator.translate("", R"({"type":"message_stop"})");
  ASSERT_EQ(chunks.size(), 1u);
  EXPECT_STREQ(parse(chunks[0])["choices"][0]["finish_reason"].GetString(), "stop");
  EXPECT_NO_THROW(translator.finish());
}

TEST(StreamTranslator, ALongStreamArrivesWholeAndInOrder) {
  StreamTranslator translator(context(true));
  std::vector<std::string> chunks;
  const auto feed = [&](const std::string& data) {
    for (std::string& chunk : translator.translate("", data)) {
      chunks.push_back(std::move(chunk));
    }
  };
  feed(R"({"type":"message_start","message":{"usage":{"input_tokens":50,"output_tokens":1}}})");
  feed(R"({"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}})");
  std::string expected;
  for (int i = 0; i < 5000; ++i) {
    const std::string piece = "w" + std::to_string(i) + (i % 7 == 0 ? "ü " : " ");
    expected += piece;
    feed(R"({"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":")" + piece +
         R"("}})");
    if (i % 500 == 0) {
      feed(R"({"type":"ping"})");
    }
  }
  feed(R"({"type":"content_block_stop","index":0})");
  feed(R"({"type":"message_delta","delta":{"stop_reason":"max_tokens"},"usage":{"output_tokens":5000}})");
  feed(R"({"type":"message_stop"})");
  translator.finish();
  const Collected out = collect(chunks);
  EXPECT_EQ(chunks.size(), 5003u) << "role, 5000 pieces, finish, usage";
  EXPECT_EQ(out.content, expected);
  EXPECT_EQ(out.finishReasons, std::vector<std::string>{"length"});
  EXPECT_EQ(parse(chunks.back())["usage"]["completion_tokens"].GetInt(), 5000);
}

TEST(StreamTranslator, EventsAfterMessageStopAreIgnored) {
  StreamTranslator translator(context());
  translator.translate("", R"({"type":"message_start","message":{}})");
  translator.translate("", R"({"type":"message_stop"})");
  EXPECT_TRUE(translator
                  .translate("", R"({"type":"content_block_delta","index":0,)"
                                 R"("delta":{"type":"text_delta","text":"late"}})")
                  .empty());
}

} // namespace
} // namespace gatehouse::plugins::anthropic
