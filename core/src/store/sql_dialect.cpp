#include <gatehouse/store/sql_dialect.hpp>

namespace gatehouse::store {

std::string SqlDialect::onConflictUpdate(std::string_view keyColumns) const {
  if (engine_ == Engine::Mysql)
    return "ON DUPLICATE KEY UPDATE";
  std::string clause = "ON CONFLICT (";
  clause.append(keyColumns).append(") DO UPDATE SET");
  return clause;
}

std::string SqlDialect::proposed(std::string_view column) const {
  std::string expression;
  if (engine_ == Engine::Mysql) {
    expression.append("VALUES(").append(column).append(")");
  } else {
    expression.append("excluded.").append(column);
  }
  return expression;
}

} // namespace gatehouse::store
