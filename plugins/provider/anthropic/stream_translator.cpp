#include "stream_translator.hpp"

#include <gatehouse/sdk/error.hpp>

#include "finish_reason.hpp"
#include "json_util.hpp"
#include "upstream_error.hpp"

namespace gatehouse::plugins::anthropic {
namespace {

std::int64_t indexOf(const rapidjson::Value& event) {
  const rapidjson::Value* index = providers::findSet(event, "index");
  return index != nullptr && index->IsInt64() ? index->GetInt64() : -1;
}

} // namespace

StreamTranslator::StreamTranslator(ReplyContext context)
    : context_(std::move(context)), chunks_(context_.identity, context_.includeUsage) {
}

std::vector<std::string> StreamTranslator::translate(std::string_view eventName, std::string_view data) {
  std::vector<std::string> out;
  if (stopped_ || data.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    return out;
  }
  rapidjson::Document event;
  if (!providers::parseJson(data, event) || !event.IsObject()) {
    fail("the upstream sent a stream event that is not JSON");
  }
  std::string_view type = providers::stringMember(event, "type");
  if (type.empty()) {
    type = eventName;
  }
  if (type == "error") {
    throw translateStreamError(event, context_.providerName, context_.apiKey);
  }
  if (type == "message_start") {
    if (const rapidjson::Value* message = providers::findSet(event, "message")) {
      if (const rapidjson::Value* usage = providers::findSet(*message, "usage")) {
        usage_.merge(*usage);
      }
    }
    start(out);
  } else if (type == "content_block_start") {
    start(out);
    blockStart(event, out);
  } else if (type == "content_block_delta") {
    start(out);
    blockDelta(event, out);
  } else if (type == "message_delta") {
    start(out);
    messageDelta(event, out);
  } else if (type == "message_stop") {
    start(out);
    messageStop(out);
  }
  // ping, content_block_stop and types added to the API later carry nothing to translate.
  return out;
}

void StreamTranslator::finish() const {
  if (!stopped_) {
    fail("the upstream stream ended before message_stop");
  }
}

void StreamTranslator::start(std::vector<std::string>& out) {
  if (!started_) {
    started_ = true;
    out.push_back(chunks_.role());
  }
}

void StreamTranslator::blockStart(const rapidjson::Value& event, std::vector<std::string>& out) {
  const rapidjson::Value* block = providers::findSet(event, "content_block");
  if (block == nullptr) {
    return;
  }
  const std::string_view type = providers::stringMember(*block, "type");
  Block& state = blocks_[indexOf(event)];
  if (type == "text") {
    state.kind = BlockKind::Text;
    if (const std::string_view text = providers::stringMember(*block, "text"); !text.empty()) {
      out.push_back(chunks_.content(text));
    }
  } else if (type == "tool_use") {
    const std::string_view name = providers::stringMember(*block, "name");
    if (context_.responseTool && name == *context_.responseTool) {
      state.kind = BlockKind::ResponseTool;
      responseToolUsed_ = true;
      return;
    }
    state.kind = BlockKind::Tool;
    state.toolIndex = nextToolIndex_++;
    clientToolUsed_ = true;
    out.push_back(chunks_.toolCallStart(state.toolIndex, providers::stringMember(*block, "id"), name));
  }
}

void StreamTranslator::blockDelta(const rapidjson::Value& event, std::vector<std::string>& out) {
  const rapidjson::Value* delta = providers::findSet(event, "delta");
  if (delta == nullptr) {
    return;
  }
  const std::string_view type = providers::stringMember(*delta, "type");
  const auto found = blocks_.find(indexOf(event));
  const BlockKind kind = found != blocks_.end() ? found->second.kind : BlockKind::Other;
  if (type == "text_delta") {
    if (const std::string_view text = providers::stringMember(*delta, "text"); !text.empty()) {
      out.push_back(chunks_.content(text));
    }
  } else if (type == "input_json_delta") {
    const std::string_view json = providers::stringMember(*delta, "partial_json");
    if (json.empty()) {
      return;
    }
    if (kind == BlockKind::Tool) {
      out.push_back(chunks_.toolCallArguments(found->second.toolIndex, json));
    } else if (kind == BlockKind::ResponseTool) {
      out.push_back(chunks_.content(json));
    }
  }
  // thinking_delta, signature_delta and citations_delta have no OpenAI counterpart.
}

void StreamTranslator::messageDelta(const rapidjson::Value& event, std::vector<std::string>& out) {
  if (const rapidjson::Value* usage = providers::findSet(event, "usage")) {
    usage_.merge(*usage);
  }
  const rapidjson::Value* delta = providers::findSet(event, "delta");
  const rapidjson::Value* stopReason = delta != nullptr ? providers::findSet(*delta, "stop_reason") : nullptr;
  if (stopReason == nullptr || finishSent_) {
    return;
  }
  finishSent_ = true;
  const std::string_view reason =
      stopReason->IsString() ? providers::stringView(*stopReason) : std::string_view();
  out.push_back(chunks_.finish(finishReasonFor(reason, responseToolUsed_ && !clientToolUsed_)));
}

void StreamTranslator::messageStop(std::vector<std::string>& out) {
  if (!finishSent_) {
    finishSent_ = true;
    out.push_back(chunks_.finish("stop"));
  }
  stopped_ = true;
  if (context_.includeUsage) {
    out.push_back(chunks_.usage(usage_.toChatUsage()));
  }
}

void StreamTranslator::fail(const std::string& why) const {
  throw sdk::Error(GH_ERROR_UPSTREAM, "anthropic provider '" + context_.providerName + "': " + why);
}

} // namespace gatehouse::plugins::anthropic
