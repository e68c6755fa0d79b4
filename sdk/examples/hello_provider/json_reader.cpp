#include "json_reader.hpp"

#include <cctype>

namespace hello {

namespace {

bool isDigit(char c) {
  return c >= '0' && c <= '9';
}

void appendUtf8(std::string& out, unsigned codePoint) {
  if (codePoint < 0x80) {
    out += static_cast<char>(codePoint);
  } else if (codePoint < 0x800) {
    out += static_cast<char>(0xC0 | (codePoint >> 6));
    out += static_cast<char>(0x80 | (codePoint & 0x3F));
  } else if (codePoint < 0x10000) {
    out += static_cast<char>(0xE0 | (codePoint >> 12));
    out += static_cast<char>(0x80 | ((codePoint >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (codePoint & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (codePoint >> 18));
    out += static_cast<char>(0x80 | ((codePoint >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((codePoint >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (codePoint & 0x3F));
  }
}

} // namespace

JsonReader::Kind JsonReader::peek() {
  skipWhitespace();
  if (pos_ >= text_.size()) {
    fail("unexpected end of input");
  }
  switch (text_[pos_]) {
  case '{': return Kind::Object;
  case '[': return Kind::Array;
  case '"': return Kind::String;
  case 't':
  case 'f': return Kind::Bool;
  case 'n': return Kind::Null;
  default:
    if (text_[pos_] == '-' || isDigit(text_[pos_])) {
      return Kind::Number;
    }
    fail(std::string("unexpected character '") + text_[pos_] + "'");
  }
}

void JsonReader::readObject(const std::function<void(const std::string& key)>& onMember) {
  if (++depth_ > kMaxDepth) {
    fail("nested too deeply");
  }
  expect('{');
  skipWhitespace();
  if (pos_ < text_.size() && text_[pos_] == '}') {
    ++pos_;
  } else {
    for (;;) {
      if (peek() != Kind::String) {
        fail("expected a string key");
      }
      const std::string key = readString();
      expect(':');
      onMember(key);
      skipWhitespace();
      if (next() == '}') {
        break;
      }
      --pos_;
      expect(',');
    }
  }
  --depth_;
}

void JsonReader::readArray(const std::function<void()>& onElement) {
  if (++depth_ > kMaxDepth) {
    fail("nested too deeply");
  }
  expect('[');
  skipWhitespace();
  if (pos_ < text_.size() && text_[pos_] == ']') {
    ++pos_;
  } else {
    for (;;) {
      onElement();
      skipWhitespace();
      if (next() == ']') {
        break;
      }
      --pos_;
      expect(',');
    }
  }
  --depth_;
}

std::string JsonReader::readString() {
  expect('"');
  std::string out;
  for (;;) {
    const char c = next();
    if (c == '"') {
      return out;
    }
    if (c == '\\') {
      readEscape(out);
    } else if (static_cast<unsigned char>(c) < 0x20) {
      fail("control character in string");
    } else {
      out += c;
    }
  }
}

bool JsonReader::readBool() {
  if (peek() != Kind::Bool) {
    fail("expected true or false");
  }
  if (text_[pos_] == 't') {
    expectLiteral("true");
    return true;
  }
  expectLiteral("false");
  return false;
}

void JsonReader::skipValue() {
  switch (peek()) {
  case Kind::Object: readObject([this](const std::string&) { skipValue(); }); break;
  case Kind::Array: readArray([this] { skipValue(); }); break;
  case Kind::String: readString(); break;
  case Kind::Number: skipNumber(); break;
  case Kind::Bool: readBool(); break;
  case Kind::Null: expectLiteral("null"); break;
  }
}

void JsonReader::expectEnd() {
  skipWhitespace();
  if (pos_ != text_.size()) {
    fail("unexpected data after the JSON value");
  }
}

void JsonReader::skipWhitespace() {
  while (pos_ < text_.size() &&
         (text_[pos_] == ' ' || text_[pos_] == '\t' || text_[pos_] == '\n' || text_[pos_] == '\r')) {
    ++pos_;
  }
}

char JsonReader::next() {
  if (pos_ >= text_.size()) {
    fail("unexpected end of input");
  }
  return text_[pos_++];
}

void JsonReader::expect(char wanted) {
  skipWhitespace();
  if (next() != wanted) {
    fail(std::string("expected '") + wanted + "'");
  }
}

void JsonReader::expectLiteral(std::string_view literal) {
  if (text_.substr(pos_, literal.size()) != literal) {
    fail("invalid literal");
  }
  pos_ += literal.size();
}

// -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
void JsonReader::skipNumber() {
  auto digits = [this] {
    const std::size_t start = pos_;
    while (pos_ < text_.size() && isDigit(text_[pos_])) {
      ++pos_;
    }
    if (pos_ == start) {
      fail("invalid number");
    }
  };
  if (text_[pos_] == '-') {
    ++pos_;
  }
  if (pos_ < text_.size() && text_[pos_] == '0') {
    ++pos_;
  } else {
    digits();
  }
  if (pos_ < text_.size() && text_[pos_] == '.') {
    ++pos_;
    digits();
  }
  if (pos_ < text_.size() && (text_[pos_] == 'e' || text_[pos_] == 'E')) {
    ++pos_;
    if (pos_ < text_.size() && (text_[pos_] == '+' || text_[pos_] == '-')) {
      ++pos_;
    }
    digits();
  }
}

void JsonReader::readEscape(std::string& out) {
  const char c = next();
  switch (c) {
  case '"': out += '"'; break;
  case '\\': out += '\\'; break;
  case '/': out += '/'; break;
  case 'b': out += '\b'; break;
  case 'f': out += '\f'; break;
  case 'n': out += '\n'; break;
  case 'r': out += '\r'; break;
  case 't': out += '\t'; break;
  case 'u': {
    unsigned codePoint = readHex4();
    // Characters beyond the Basic Multilingual Plane arrive as a surrogate pair.
    if (codePoint >= 0xD800 && codePoint <= 0xDBFF) {
      if (next() != '\\' || next() != 'u') {
        fail("unpaired surrogate in \\u escape");
      }
      const unsigned low = readHex4();
      if (low < 0xDC00 || low > 0xDFFF) {
        fail("unpaired surrogate in \\u escape");
      }
      codePoint = 0x10000 + ((codePoint - 0xD800) << 10) + (low - 0xDC00);
    } else if (codePoint >= 0xDC00 && codePoint <= 0xDFFF) {
      fail("unpaired surrogate in \\u escape");
    }
    appendUtf8(out, codePoint);
    break;
  }
  default: fail("invalid escape in string");
  }
}

unsigned JsonReader::readHex4() {
  unsigned value = 0;
  for (int i = 0; i < 4; ++i) {
    const char c = next();
    if (!std::isxdigit(static_cast<unsigned char>(c))) {
      fail("invalid \\u escape");
    }
    value = value * 16 + static_cast<unsigned>(isDigit(c) ? c - '0' : std::tolower(c) - 'a' + 10);
  }
  return value;
}

void JsonReader::fail(const std::string& what) const {
  throw JsonError(what + " at offset " + std::to_string(pos_));
}

} // namespace hello
