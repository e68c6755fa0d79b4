// JSON Schema (as OpenAI tools and response_format carry it) to the OpenAPI 3.0 subset
// the Gemini API accepts in FunctionDeclaration.parameters and responseSchema. Gemini
// answers 400 for any field outside its Schema message, so every rule below either
// translates a construct or drops it (docs/providers.md lists them):
//   - kept: type, format (only "enum" / "date-time" on strings), title, description,
//     nullable, enum (strings), items, properties, required (only names that exist),
//     propertyOrdering, minItems/maxItems, minLength/maxLength, minProperties/maxProperties,
//     minimum/maximum, pattern, default, example, anyOf
//   - type names upper-cased; a type list drops "null" for nullable:true and becomes anyOf
//     when several types remain
//   - oneOf becomes anyOf; anyOf/oneOf branches of type null become nullable:true and a
//     single remaining branch is inlined
//   - $ref to "#/..." (e.g. #/$defs/X, #/definitions/X) is inlined; a recursive $ref is
//     refused (Gemini schemas cannot recurse); allOf branches are merged
//   - non-string enum / const values move into the description ("Allowed values: ...")
//     because Gemini enums are strings only; a string const becomes a one-value enum
//   - everything else is dropped ($schema, $id, $defs, additionalProperties, examples,
//     exclusiveMinimum/Maximum, multipleOf, uniqueItems, not, if/then/else, ...)
//   - tuples (items as an array, prefixItems) are refused
#pragma once

#include <rapidjson/document.h>

#include <string>

#include "json_util.hpp"

namespace gatehouse::plugins::gemini {

// Depth and size limits (after $ref inlining) that keep a hostile schema from using
// unbounded stack or memory.
inline constexpr int kMaxSchemaDepth = 40;
inline constexpr int kMaxSchemaNodes = 5000;

// The cleaned copy of `schema`, allocated with `allocator`. `where` names the request field
// holding it (e.g. "tools[0].function.parameters"); a schema that cannot be expressed is
// refused with ClientError 400 naming it.
rapidjson::Value cleanSchema(const rapidjson::Value& schema, const std::string& where,
                             providers::JsonAllocator& allocator);

// True when `cleaned` is an object schema without properties: Gemini refuses those as
// function parameters, so the declaration is sent without parameters instead.
bool isEmptyObjectSchema(const rapidjson::Value& cleaned);

} // namespace gatehouse::plugins::gemini
