# Writes a .cpp defining `extern const char* const NAME` with the text of SRC, so a data file
# (the OpenAPI document) ships inside the binary. Run with -DSRC= -DOUT= -DNAME=.
file(READ "${SRC}" text)
file(WRITE "${OUT}.tmp" "// Generated from ${SRC} by embed_text.cmake. Do not edit.\nextern const char* const ${NAME};\nconst char* const ${NAME} = R\"selfcare_text(${text})selfcare_text\";\n")
execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different "${OUT}.tmp" "${OUT}")
file(REMOVE "${OUT}.tmp")
