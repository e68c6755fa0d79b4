#include "mock_fixture.hpp"

namespace gatehouse::mock::test {

rapidjson::Document parseJson(const std::string& text) {
  rapidjson::Document doc;
  doc.Parse(text.c_str(), text.size());
  EXPECT_FALSE(doc.HasParseError()) << "not JSON: " << text;
  return doc;
}

} // namespace gatehouse::mock::test
