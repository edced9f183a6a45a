# Runs `newsgraph help MODE TEMPLATE` and writes its output to OUT (through a temporary file, so
# a failed run leaves no page), with @DATE@ replaced by the date of the sources: the time in
# SOURCE_DATE_EPOCH (reproducible builds) or the date of the last commit, never the build's.
# Usage: cmake -DBIN=newsgraph -DMODE=--man -DTEMPLATE=in -DOUT=out -DSRC=dir -P generate.cmake
execute_process(COMMAND "${BIN}" help ${MODE} "${TEMPLATE}"
  OUTPUT_VARIABLE text RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "newsgraph help ${MODE} ${TEMPLATE} failed (${rc})")
endif()
set(date "")
if(DEFINED ENV{SOURCE_DATE_EPOCH})
  string(TIMESTAMP date "%Y-%m-%d" UTC) # string(TIMESTAMP) honours SOURCE_DATE_EPOCH
else()
  find_package(Git QUIET)
  if(GIT_FOUND)
    execute_process(COMMAND "${GIT_EXECUTABLE}" -C "${SRC}" log -1 --format=%cs
      OUTPUT_VARIABLE date OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
  endif()
endif()
string(REPLACE "@DATE@" "${date}" text "${text}")
file(WRITE "${OUT}.tmp" "${text}")
file(RENAME "${OUT}.tmp" "${OUT}")
