# sc_precompile_headers(<target> <header>...)
# Parses the heavy headers most of a target's C++ sources include (nlohmann/json, cpp-httplib,
# doctest) once per target instead of once per source: together they are most of the compile
# time of a source file, and CI builds everything four times. C sources of the target are left
# alone. SC_PRECOMPILE_HEADERS=OFF builds without (to check that every source still includes what
# it uses: the precompiled headers are an addition, never a replacement for an #include).
option(SC_PRECOMPILE_HEADERS "Precompile the heavy third-party headers per target" ON)

function(sc_precompile_headers target)
    if(NOT SC_PRECOMPILE_HEADERS)
        return()
    endif()
    set(headers "")
    foreach(h IN LISTS ARGN)
        list(APPEND headers "$<$<COMPILE_LANGUAGE:CXX>:${h}>")
    endforeach()
    target_precompile_headers(${target} PRIVATE ${headers})
endfunction()
