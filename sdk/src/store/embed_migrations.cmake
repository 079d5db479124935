# Generates migrations_embedded.cpp from migrations/NNNN_name.sql at build time, so the SQL lives
# in reviewable .sql files and still ships inside the library. Run with -DSRC=<dir> -DOUT=<file>.
file(GLOB files RELATIVE "${SRC}" "${SRC}/*.sql")
list(SORT files)
set(body "")
set(expected 1)
foreach(f IN LISTS files)
    if(NOT f MATCHES "^([0-9][0-9][0-9][0-9])_[a-z0-9_]+\\.sql$")
        message(FATAL_ERROR "migration file name must be NNNN_name.sql: ${f}")
    endif()
    math(EXPR version "${CMAKE_MATCH_1}")
    if(NOT version EQUAL expected)
        message(FATAL_ERROR "migrations must be numbered 1..N without gaps; found ${f}")
    endif()
    math(EXPR expected "${expected} + 1")
    file(READ "${SRC}/${f}" sql)
    string(APPEND body "    {${version}, \"${f}\", R\"selfcare_sql(${sql})selfcare_sql\"},\n")
endforeach()
set(content "// Generated from sdk/src/store/migrations/*.sql by embed_migrations.cmake. Do not edit.
#include \"store/migrations.hpp\"

namespace selfcare::store {
namespace {
constexpr Migration kMigrations[] = {
${body}};
}  // namespace

std::span<const Migration> all_migrations() { return kMigrations; }

}  // namespace selfcare::store
")
file(WRITE "${OUT}.tmp" "${content}")
execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different "${OUT}.tmp" "${OUT}")
file(REMOVE "${OUT}.tmp")
