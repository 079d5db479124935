# sc_add_test(<name> SOURCES <files...> LIBS <targets...> [LABELS <labels...>] [ARGS <args...>])
# One doctest executable, registered with ctest under <name>. The shared doctest main lives in
# tests/support/doctest_main.cpp so every test binary behaves the same. ARGS go to the executable
# (a doctest filter, when one executable is registered as several ctest tests).
# A test labelled `concurrency` (threads racing in the SDK, the server or a device) is also run
# under ThreadSanitizer; its executable joins the `concurrency_tests` target that the tsan build
# preset builds (tests/CMakeLists.txt), so that preset builds nothing else.
function(sc_add_test name)
    cmake_parse_arguments(ARG "" "" "SOURCES;LIBS;LABELS;ARGS" ${ARGN})
    add_executable(${name}_test ${ARG_SOURCES})
    target_link_libraries(${name}_test PRIVATE
        sc_test_support doctest::doctest selfcare::compiler_options ${ARG_LIBS})
    sc_precompile_headers(${name}_test <doctest/doctest.h> <nlohmann/json.hpp>)
    add_test(NAME ${name} COMMAND ${name}_test ${ARG_ARGS})
    if(ARG_LABELS)
        set_tests_properties(${name} PROPERTIES LABELS "${ARG_LABELS}")
    endif()
    if("concurrency" IN_LIST ARG_LABELS)
        set_property(GLOBAL APPEND PROPERTY SC_CONCURRENCY_TEST_TARGETS ${name}_test)
    endif()
endfunction()
