// JSON Schema -> Gemini Schema: each rule documented in schema_cleaner.hpp, and a whole
// pydantic-generated schema from a fixture.
#include <gtest/gtest.h>

#include "client_error.hpp"
#include "gemini_test_support.hpp"
#include "schema_cleaner.hpp"

namespace gatehouse::plugins::gemini {
namespace {

using testing::parsed;
using testing::readFixture;
using testing::sameJson;

std::string cleaned(std::string_view schema) {
  rapidjson::Document out;
  const rapidjson::Document input = parsed(schema);
  const rapidjson::Value value = cleanSchema(input, "tools[0].function.parameters", out.GetAllocator());
  return providers::toJson(value);
}

// The 400 a schema is refused with.
providers::OpenAiError refusal(std::string_view schema) {
  try {
    cleaned(schema);
  } catch (const ClientError& error) {
    return error.error();
  }
  ADD_FAILURE() << "accepted: " << schema;
  return {};
}

TEST(SchemaCleanerTest, TranslatesAPydanticModel) {
  const rapidjson::Document fixture = parsed(readFixture("schemas/pydantic_model.json"));
  EXPECT_TRUE(sameJson(cleaned(providers::toJson(fixture["json_schema"])), fixture["gemini_schema"]));
}

TEST(SchemaCleanerTest, UpperCasesTypeNames) {
  EXPECT_TRUE(sameJson(cleaned(R"({"type":"boolean"})"), R"({"type":"BOOLEAN"})"));
  EXPECT_TRUE(sameJson(cleaned(R"({"type":"null"})"), R"({"type":"NULL"})"));
}

TEST(SchemaCleanerTest, TurnsATypeListIntoNullableOrAnyOf) {
  EXPECT_TRUE(sameJson(cleaned(R"({"type":["null","string"]})"), R"({"type":"STRING","nullable":true})"));
  EXPECT_TRUE(
      sameJson(cleaned(R"({"type":["string","number","null"],"description":"d"})"),
               R"({"description":"d","nullable":true,"anyOf":[{"type":"STRING"},{"type":"NUMBER"}]})"));
}

TEST(SchemaCleanerTest, TurnsOneOfIntoAnyOfAndNullBranchesIntoNullable) {
  EXPECT_TRUE(sameJson(cleaned(R"({"oneOf":[{"type":"string"},{"type":"integer"}]})"),
                       R"({"anyOf":[{"type":"STRING"},{"type":"INTEGER"}]})"));
  EXPECT_TRUE(sameJson(cleaned(R"({"anyOf":[{"type":"integer","minimum":1},{"type":"null"}],"title":"T"})"),
                       R"({"title":"T","type":"INTEGER","minimum":1,"nullable":true})"));
}

TEST(SchemaCleanerTest, InlinesReferencesAndLetsSiblingsWin) {
  EXPECT_TRUE(
      sameJson(cleaned(R"({"type":"object","properties":{"a":{"$ref":"#/definitions/A","description":"mine"}},
                  "definitions":{"A":{"type":"string","description":"theirs"}}})"),
               R"({"type":"OBJECT","properties":{"a":{"type":"STRING","description":"mine"}}})"));
}

TEST(SchemaCleanerTest, ResolvesEscapedPointerTokens) {
  EXPECT_TRUE(sameJson(cleaned(R"({"$defs":{"a/b":{"type":"string"}},"type":"object",
                                   "properties":{"x":{"$ref":"#/$defs/a~1b"}}})"),
                       R"({"type":"OBJECT","properties":{"x":{"type":"STRING"}}})"));
}

TEST(SchemaCleanerTest, ReusesADefinitionInSeveralPlaces) {
  EXPECT_TRUE(sameJson(cleaned(R"({"$defs":{"P":{"type":"number"}},"type":"object",
                                   "properties":{"x":{"$ref":"#/$defs/P"},"y":{"$ref":"#/$defs/P"}}})"),
                       R"({"type":"OBJECT","properties":{"x":{"type":"NUMBER"},"y":{"type":"NUMBER"}}})"));
}

TEST(SchemaCleanerTest, RefusesRecursiveReferences) {
  const auto error =
      refusal(R"({"$defs":{"Node":{"type":"object","properties":{"next":{"$ref":"#/$defs/Node"}}}},
                                  "$ref":"#/$defs/Node"})");
  EXPECT_EQ(error.status, 400);
  EXPECT_EQ(error.param, "tools[0].function.parameters");
  EXPECT_NE(error.message.find("recursive $ref '#/$defs/Node'"), std::string::npos) << error.message;
}

TEST(SchemaCleanerTest, RefusesReferencesItCannotInline) {
  EXPECT_NE(refusal(R"({"$ref":"https://example.com/schema.json"})").message.find("only '#/...'"),
            std::string::npos);
  EXPECT_NE(refusal(R"({"$ref":"#/$defs/Missing"})").message.find("points to nothing"), std::string::npos);
}

TEST(SchemaCleanerTest, MergesAllOfBranches) {
  EXPECT_TRUE(sameJson(
      cleaned(R"({"allOf":[{"type":"object","properties":{"a":{"type":"string"}},"required":["a"]},
                           {"properties":{"b":{"type":"integer"}},"required":["b"]}],"description":"both"})"),
      R"({"description":"both","type":"OBJECT","properties":{"a":{"type":"STRING"},"b":{"type":"INTEGER"}},
          "required":["a","b"]})"));
}

TEST(SchemaCleanerTest, MovesNonStringEnumsIntoTheDescription) {
  EXPECT_TRUE(sameJson(cleaned(R"({"type":"number","enum":[0.5,1,null]})"),
                       R"({"type":"NUMBER","nullable":true,"description":"Allowed values: 0.5, 1."})"));
  EXPECT_TRUE(sameJson(cleaned(R"({"const":true})"), R"({"description":"Allowed values: true."})"));
}

TEST(SchemaCleanerTest, KeepsStringEnumsAndInfersTheirType) {
  EXPECT_TRUE(sameJson(cleaned(R"({"enum":["a","b",null]})"),
                       R"({"type":"STRING","enum":["a","b"],"nullable":true})"));
}

TEST(SchemaCleanerTest, KeepsOnlyTheFormatsGeminiAccepts) {
  EXPECT_TRUE(sameJson(cleaned(R"({"type":"string","format":"enum","enum":["x"]})"),
                       R"({"type":"STRING","format":"enum","enum":["x"]})"));
  EXPECT_TRUE(sameJson(cleaned(R"({"type":"string","format":"uuid"})"), R"({"type":"STRING"})"));
  EXPECT_TRUE(sameJson(cleaned(R"({"type":"integer","format":"date-time"})"), R"({"type":"INTEGER"})"));
}

TEST(SchemaCleanerTest, DropsWhatGeminiRefuses) {
  EXPECT_TRUE(sameJson(
      cleaned(R"({"$schema":"x","$id":"y","$comment":"z","type":"object","additionalProperties":false,
                  "patternProperties":{"^a":{}},"properties":{"a":{"type":"string","examples":["e"],
                  "readOnly":true,"not":{"const":"b"}}},"if":{},"then":{},"else":{}})"),
      R"({"type":"OBJECT","properties":{"a":{"type":"STRING"}}})"));
}

TEST(SchemaCleanerTest, KeepsOnlyRequiredNamesThatAreProperties) {
  EXPECT_TRUE(sameJson(cleaned(R"({"type":"object","properties":{"a":{"type":"string"}},"required":["a","b"],
                                   "propertyOrdering":["b","a"]})"),
                       R"({"type":"OBJECT","properties":{"a":{"type":"STRING"}},"required":["a"],
                           "propertyOrdering":["a"]})"));
  EXPECT_TRUE(sameJson(cleaned(R"({"type":"object","required":["a"]})"), R"({"type":"OBJECT"})"));
}

TEST(SchemaCleanerTest, RefusesTuples) {
  EXPECT_NE(refusal(R"({"type":"array","items":[{"type":"string"}]})").message.find("tuple"),
            std::string::npos);
  EXPECT_NE(refusal(R"({"type":"array","prefixItems":[{"type":"string"}]})").message.find("prefixItems"),
            std::string::npos);
}

TEST(SchemaCleanerTest, NamesTheNestedPlaceOfARefusal) {
  const auto error = refusal(R"({"type":"object","properties":{"a":{"type":"tuple"}}})");
  EXPECT_NE(error.message.find("tools[0].function.parameters.properties.a has an unknown type 'tuple'"),
            std::string::npos)
      << error.message;
}

TEST(SchemaCleanerTest, RefusesSchemasNestedBeyondTheLimit) {
  std::string schema;
  for (int i = 0; i <= kMaxSchemaDepth + 1; ++i) {
    schema += R"({"type":"array","items":)";
  }
  schema += R"({"type":"string"})";
  schema += std::string(static_cast<std::size_t>(kMaxSchemaDepth) + 2, '}');
  EXPECT_NE(refusal(schema).message.find("nested too deeply"), std::string::npos);
}

TEST(SchemaCleanerTest, RefusesReferencesThatMultiplyBeyondTheLimit) {
  // Each definition uses the previous one twice: over 12000 schemas once inlined, though
  // only 25 levels deep.
  std::string defs = R"("d0":{"type":"string"})";
  for (int i = 1; i <= 12; ++i) {
    const std::string previous = "#/$defs/d" + std::to_string(i - 1);
    defs += ",\"d" + std::to_string(i);
    defs += R"(":{"type":"object","properties":{"a":{"$ref":")" + previous;
    defs += R"("},"b":{"$ref":")" + previous + R"("}}})";
  }
  const std::string schema = R"({"$defs":{)" + defs + R"(},"$ref":"#/$defs/d12"})";
  EXPECT_NE(refusal(schema).message.find("too large"), std::string::npos);
}

TEST(SchemaCleanerTest, RefusesANonObjectSchema) {
  EXPECT_NE(refusal("true").message.find("must be a JSON Schema object"), std::string::npos);
}

TEST(SchemaCleanerTest, RecognisesObjectsWithoutProperties) {
  rapidjson::Document out;
  EXPECT_TRUE(isEmptyObjectSchema(
      cleanSchema(parsed(R"({"type":"object","properties":{}})"), "p", out.GetAllocator())));
  EXPECT_FALSE(isEmptyObjectSchema(cleanSchema(
      parsed(R"({"type":"object","properties":{"a":{"type":"string"}}})"), "p", out.GetAllocator())));
  EXPECT_FALSE(isEmptyObjectSchema(cleanSchema(parsed(R"({"type":"string"})"), "p", out.GetAllocator())));
}

} // namespace
} // namespace gatehouse::plugins::gemini
