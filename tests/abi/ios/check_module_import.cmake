# SPDX-License-Identifier: Apache-2.0
# Compiles one translation unit against the "Selfcare" clang module the way an iOS app sees it,
# and for MODE=run also links it against libselfcare and runs it. Run as
#   cmake -DCLANG=... -DMODULE_MAP=... -DHEADER=... -DSOURCE=... -DLANGUAGE=c|objective-c
#         -DWORK_DIR=... -DLOOKUP=include-path|module-map-file -DMODE=run|compile|syntax
#         [-DLIBRARY=.../libselfcare.so] -P check_module_import.cmake
# LOOKUP=include-path finds module.modulemap in a folder on the include path (what Xcode does with
# an xcframework's Headers/); module-map-file names the map with -fmodule-map-file= and nothing
# else. Everything it writes, the module cache included, stays in WORK_DIR in the build tree.
foreach(var CLANG MODULE_MAP HEADER SOURCE LANGUAGE WORK_DIR LOOKUP MODE)
    if(NOT DEFINED ${var})
        message(FATAL_ERROR "check_module_import: -D${var}= is required")
    endif()
endforeach()

# The Headers/ folder as it ships in each slice of the xcframework (see module.modulemap).
set(headers "${WORK_DIR}/Headers")
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${headers}/selfcare")
file(COPY_FILE "${MODULE_MAP}" "${headers}/module.modulemap")
file(COPY_FILE "${HEADER}" "${headers}/selfcare/selfcare.h")

set(cache "${WORK_DIR}/module-cache")
set(flags -x ${LANGUAGE} -fmodules "-fmodules-cache-path=${cache}" -Wall -Wextra -Werror)
if(LANGUAGE STREQUAL "c")
    list(APPEND flags -std=c99 -Wpedantic)
endif()
if(LOOKUP STREQUAL "include-path")
    list(APPEND flags "-I${headers}")
elseif(LOOKUP STREQUAL "module-map-file")
    list(APPEND flags "-fmodule-map-file=${headers}/module.modulemap")
else()
    message(FATAL_ERROR "check_module_import: LOOKUP must be include-path or module-map-file")
endif()

set(program "${WORK_DIR}/module_import")
if(MODE STREQUAL "syntax")
    set(command "${CLANG}" ${flags} -fsyntax-only "${SOURCE}")
elseif(MODE STREQUAL "compile")
    set(command "${CLANG}" ${flags} -c "${SOURCE}" -o "${program}.o")
elseif(MODE STREQUAL "run")
    if(NOT DEFINED LIBRARY)
        message(FATAL_ERROR "check_module_import: MODE=run needs -DLIBRARY=")
    endif()
    get_filename_component(library_dir "${LIBRARY}" DIRECTORY)
    # -x none: the library that follows is an input to link, not a source of LANGUAGE.
    set(command "${CLANG}" ${flags} "${SOURCE}" -x none "${LIBRARY}" -o "${program}" "-Wl,-rpath,${library_dir}")
else()
    message(FATAL_ERROR "check_module_import: MODE must be run, compile or syntax")
endif()

string(REPLACE ";" " " shown "${command}")
message(STATUS "${shown}")
execute_process(COMMAND ${command} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "clang could not compile ${SOURCE} against module Selfcare (${rc})")
endif()

# A textual #include would also compile; the module's precompiled file in the cache shows that
# clang built and imported the module from the map.
file(GLOB_RECURSE built "${cache}/*/Selfcare-*.pcm")
if(NOT built)
    message(FATAL_ERROR "no Selfcare module was built in ${cache}: the module map was not used")
endif()

if(MODE STREQUAL "run")
    execute_process(COMMAND "${program}" RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "${program} failed (${rc})")
    endif()
endif()
