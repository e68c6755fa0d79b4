#include "tool_call_json.hpp"

namespace gatehouse::plugins::gemini {

void writeToolCall(providers::JsonWriter& writer, const FunctionCall& call, std::string_view id,
                   std::optional<int> streamIndex) {
  writer.StartObject();
  if (streamIndex) {
    writer.Key("index");
    writer.Int(*streamIndex);
  }
  writer.Key("id");
  providers::writeString(writer, id);
  writer.Key("type");
  writer.String("function");
  writer.Key("function");
  writer.StartObject();
  writer.Key("name");
  providers::writeString(writer, call.name);
  writer.Key("arguments");
  providers::writeString(writer, call.arguments);
  writer.EndObject();
  if (!call.thoughtSignature.empty()) {
    // Where Google's OpenAI compatibility layer puts it; clients that send the assistant
    // message back unchanged return it, and Gemini 3 needs it on the next turn.
    writer.Key("extra_content");
    writer.StartObject();
    writer.Key("google");
    writer.StartObject();
    writer.Key("thought_signature");
    providers::writeString(writer, call.thoughtSignature);
    writer.EndObject();
    writer.EndObject();
  }
  writer.EndObject();
}

} // namespace gatehouse::plugins::gemini
