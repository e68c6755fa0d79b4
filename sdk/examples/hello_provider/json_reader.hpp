// A tiny pull parser for JSON, just enough for this example: it walks objects and arrays,
// decodes strings (every escape, \u surrogate pairs included) and checks numbers and
// literals it skips, so a malformed body is refused rather than half-read.
//
// A real plugin would use a JSON library; the example must build against the SDK alone,
// and the SDK promises plugin authors no third-party dependency.
#pragma once

#include <cstddef>
#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace hello {

class JsonError : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

class JsonReader {
public:
  enum class Kind { Object, Array, String, Number, Bool, Null };

  explicit JsonReader(std::string_view text) : text_(text) {}

  // The kind of the value at the cursor (after whitespace).
  Kind peek();
  // Reads an object; `onMember` is called with each key and must consume its value.
  void readObject(const std::function<void(const std::string& key)>& onMember);
  // Reads an array; `onElement` is called once per element and must consume it.
  void readArray(const std::function<void()>& onElement);
  std::string readString();
  bool readBool();
  // Checks and passes over one value of any kind.
  void skipValue();
  // Fails unless only whitespace is left: "{} x" is not a JSON document.
  void expectEnd();

private:
  // Deep enough for any chat request, shallow enough that hostile nesting cannot
  // exhaust the stack of the thread serving the request.
  static constexpr int kMaxDepth = 64;

  void skipWhitespace();
  char next();
  void expect(char wanted);
  void expectLiteral(std::string_view literal);
  void skipNumber();
  void readEscape(std::string& out);
  unsigned readHex4();
  [[noreturn]] void fail(const std::string& what) const;

  std::string_view text_;
  std::size_t pos_ = 0;
  int depth_ = 0;
};

} // namespace hello
