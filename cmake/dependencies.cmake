# Every dependency comes from a Debian bookworm package (scripts/install_deps.sh installs them).
# Nothing is downloaded at build time.
find_package(PkgConfig REQUIRED)

# SQLCipher 3.4.1 (libsqlcipher-dev). It exports the same sqlite3_* symbols as libsqlite3:
# never link both into one binary.
pkg_check_modules(SQLCIPHER REQUIRED IMPORTED_TARGET sqlcipher)
add_library(selfcare::sqlcipher ALIAS PkgConfig::SQLCIPHER)

find_package(OpenSSL 3 REQUIRED)

# libargon2 (libargon2-dev) ships a pkg-config file.
pkg_check_modules(ARGON2 REQUIRED IMPORTED_TARGET libargon2)
add_library(selfcare::argon2 ALIAS PkgConfig::ARGON2)

find_package(Threads REQUIRED)
find_package(nlohmann_json 3 REQUIRED)
find_package(CURL 7.80 REQUIRED)

if(SC_BUILD_TESTS)
    find_package(doctest REQUIRED)
    # yaml-cpp (libyaml-cpp-dev): the authorization sweep reads server/openapi.yaml.
    find_package(yaml-cpp REQUIRED)
endif()
if(SC_BUILD_BENCH)
    find_package(benchmark REQUIRED)
endif()

# cpp-httplib (server side and test peers). Debian builds it with OpenSSL, zlib and brotli.
pkg_check_modules(CPPHTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
add_library(selfcare_httplib INTERFACE)
add_library(selfcare::httplib ALIAS selfcare_httplib)
target_link_libraries(selfcare_httplib INTERFACE PkgConfig::CPPHTTPLIB OpenSSL::SSL OpenSSL::Crypto Threads::Threads)

# The reference server's databases: plain SQLite (never linked together with SQLCipher) and libpq.
pkg_check_modules(SQLITE3 REQUIRED IMPORTED_TARGET sqlite3)
pkg_check_modules(LIBPQ REQUIRED IMPORTED_TARGET libpq)

# The C99 scenario tests read the SDK's JSON answers with jansson, as a C app would use a C library.
pkg_check_modules(JANSSON REQUIRED IMPORTED_TARGET jansson)
