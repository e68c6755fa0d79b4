#include "chat_request.hpp"

#include <stdexcept>

#include "json_reader.hpp"
#include "word_count.hpp"

namespace hello {

namespace {

// A content part counts only when it is {"type":"text","text":"..."}; images and audio
// carry no words.
std::string readContentPart(JsonReader& reader) {
  if (reader.peek() != JsonReader::Kind::Object) {
    throw std::invalid_argument("a content part must be an object");
  }
  std::string type, text;
  reader.readObject([&](const std::string& key) {
    if (key == "type" && reader.peek() == JsonReader::Kind::String) {
      type = reader.readString();
    } else if (key == "text" && reader.peek() == JsonReader::Kind::String) {
      text = reader.readString();
    } else {
      reader.skipValue();
    }
  });
  return type == "text" ? text : std::string();
}

std::string readContent(JsonReader& reader) {
  switch (reader.peek()) {
  case JsonReader::Kind::String: return reader.readString();
  case JsonReader::Kind::Array: {
    std::string text;
    reader.readArray([&] {
      const std::string part = readContentPart(reader);
      if (!text.empty() && !part.empty()) {
        text += ' ';
      }
      text += part;
    });
    return text;
  }
  case JsonReader::Kind::Null: reader.skipValue(); return {};
  default: throw std::invalid_argument("a message's content must be a string, an array of parts or null");
  }
}

} // namespace

ChatRequest parseChatRequest(std::string_view body) {
  JsonReader reader(body);
  if (reader.peek() != JsonReader::Kind::Object) {
    throw std::invalid_argument("the body must be a JSON object");
  }

  ChatRequest request;
  bool sawUser = false;
  std::size_t messages = 0;
  reader.readObject([&](const std::string& key) {
    if (key != "messages") {
      reader.skipValue();
      return;
    }
    if (reader.peek() != JsonReader::Kind::Array) {
      throw std::invalid_argument("messages must be an array");
    }
    reader.readArray([&] {
      ++messages;
      if (reader.peek() != JsonReader::Kind::Object) {
        throw std::invalid_argument("each message must be an object");
      }
      std::string role, content;
      reader.readObject([&](const std::string& field) {
        if (field == "role") {
          if (reader.peek() != JsonReader::Kind::String) {
            throw std::invalid_argument("role must be a string");
          }
          role = reader.readString();
        } else if (field == "content") {
          content = readContent(reader);
        } else {
          reader.skipValue();
        }
      });
      request.promptWords += countWords(content);
      if (role == "user") {
        request.lastUserMessage = content;
        sawUser = true;
      }
    });
  });
  reader.expectEnd();

  if (messages == 0) {
    throw std::invalid_argument("messages must be a non-empty array");
  }
  if (!sawUser) {
    throw std::invalid_argument("messages has no message with role user");
  }
  return request;
}

} // namespace hello
