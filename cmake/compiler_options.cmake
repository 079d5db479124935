# selfcare::compiler_options — one INTERFACE target every selfcare target links, so warnings,
# sanitizers and visibility are set in one place.
add_library(selfcare_compiler_options INTERFACE)
add_library(selfcare::compiler_options ALIAS selfcare_compiler_options)

target_compile_options(selfcare_compiler_options INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align -Wformat=2)
if(SC_WERROR)
    target_compile_options(selfcare_compiler_options INTERFACE -Werror)
endif()

# Only what a target exports on purpose is visible (the C ABI adds its own version script).
set(CMAKE_CXX_VISIBILITY_PRESET hidden)
set(CMAKE_C_VISIBILITY_PRESET hidden)
set(CMAKE_VISIBILITY_INLINES_HIDDEN ON)
set(CMAKE_POSITION_INDEPENDENT_CODE ON)

if(SC_SANITIZE)
    target_compile_options(selfcare_compiler_options INTERFACE
        -fsanitize=${SC_SANITIZE} -fno-omit-frame-pointer -fno-sanitize-recover=all)
    target_link_options(selfcare_compiler_options INTERFACE -fsanitize=${SC_SANITIZE})
endif()

# Coverage for libFuzzer in every library the fuzz targets reach; only the fuzz_* binaries
# link the fuzzer's own main (tests/fuzz/CMakeLists.txt).
if(SC_FUZZ)
    if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
        message(FATAL_ERROR "SC_FUZZ needs clang (libFuzzer); use the fuzz preset")
    endif()
    target_compile_options(selfcare_compiler_options INTERFACE -fsanitize=fuzzer-no-link)
endif()
