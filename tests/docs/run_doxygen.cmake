# ctest docs.doxygen: Debian's doxygen over the Doxyfile at the top of the
# tree, with the generated oarc/oarc_version.h added, output in the build
# tree; every warning is an error (WARN_AS_ERROR = FAIL_ON_WARNINGS), and any
# line doxygen writes on stderr fails the test too.
# cmake -DDOXYGEN=... -DSRC=... -DOUT=... -DVERSION_HEADER=... -P run_doxygen.cmake
if(NOT DOXYGEN)
  message(FATAL_ERROR "doxygen not found: apt-get install doxygen (or run scripts/deps.sh)")
endif()
file(READ ${SRC}/Doxyfile doxyfile)
string(APPEND doxyfile "\nOUTPUT_DIRECTORY = ${OUT}\nINPUT += ${VERSION_HEADER}\n")
file(MAKE_DIRECTORY ${OUT})
file(WRITE ${OUT}/Doxyfile "${doxyfile}")
execute_process(COMMAND ${DOXYGEN} ${OUT}/Doxyfile WORKING_DIRECTORY ${SRC}
                RESULT_VARIABLE rc ERROR_VARIABLE warnings OUTPUT_VARIABLE out)
string(REGEX MATCHALL "[^\n]+" lines "${warnings}")
list(LENGTH lines count)
message("doxygen: ${count} warnings, exit ${rc}; html in ${OUT}/html")
if(count GREATER 0 OR NOT rc EQUAL 0)
  message(FATAL_ERROR "${warnings}")
endif()
if(NOT EXISTS ${OUT}/html/oarc__version_8h.html)
  message(FATAL_ERROR "doxygen did not document the generated oarc_version.h")
endif()
