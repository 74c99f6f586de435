# Compiles the oarc lwIP port on its own with one compiler and one lwIP
# configuration, and checks what it includes. Run by ctest (cmake -P):
#
#   -DCC=compiler -DSOURCE=oarc_port_lwip.c -DOUTPUT=object file
#   -DFLAGS=flags|...          target, language and warning flags ('|' separated)
#   -DOWN_DIRS=dir|...         our headers (-I): the port's and oarc's
#   -DCONFIG_DIRS=dir|...      the board's lwipopts.h and arch/ (-I)
#   -DLWIP_DIRS=dir|...        lwIP's headers (-isystem)
#   -DDEFINES=NAME|...         definitions the board's lwIP configuration needs
#   -DSIZE=size tool           optional: print the object's size
#   -DNM=nm -DEXTERNALS=regex  optional: every symbol the object needs from
#                              outside must match regex (lwIP's API, errno,
#                              the compiler's helpers)
#
# Fails when the compile fails (the flags hold -Werror) and when a file of
# ours (the port or an oarc header) includes anything other than another of
# ours, an lwIP or board-configuration header, or one of ISO C's freestanding
# headers: "no OS header in the port" as a test that can fail.
cmake_minimum_required(VERSION 3.25)

foreach(var FLAGS OWN_DIRS CONFIG_DIRS LWIP_DIRS DEFINES)
  string(REPLACE "|" ";" ${var} "${${var}}")
endforeach()
if(NOT CC OR NOT EXISTS "${CC}")
  message(FATAL_ERROR "compiler '${CC}' not found: run scripts/deps.sh "
                      "(gcc-arm-none-eabi for the Cortex-M4 check)")
endif()

set(args ${FLAGS})
foreach(d IN LISTS OWN_DIRS CONFIG_DIRS)
  list(APPEND args -I${d})
endforeach()
foreach(d IN LISTS LWIP_DIRS)
  list(APPEND args -isystem ${d})
endforeach()
foreach(d IN LISTS DEFINES)
  list(APPEND args -D${d})
endforeach()
get_filename_component(out_dir ${OUTPUT} DIRECTORY)
file(MAKE_DIRECTORY ${out_dir})
# -H lists every header opened, one dot per level of nesting, on stderr.
execute_process(COMMAND ${CC} ${args} -H -c ${SOURCE} -o ${OUTPUT}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  string(REGEX REPLACE "(^|\n)\\.+ [^\n]*" "" diagnostics "${err}")
  list(JOIN args " " shown)
  message(FATAL_ERROR "compile failed: ${CC} ${shown} -c ${SOURCE}\n${out}${diagnostics}")
endif()

function(under path dirs result)
  foreach(d IN LISTS dirs)
    get_filename_component(d ${d} REALPATH)
    string(FIND "${path}" "${d}/" at)
    if(at EQUAL 0)
      set(${result} TRUE PARENT_SCOPE)
      return()
    endif()
  endforeach()
  set(${result} FALSE PARENT_SCOPE)
endfunction()

# Who includes whom: stack[depth] is the file open at that depth.
get_filename_component(src ${SOURCE} REALPATH)
set(stack_0 ${src})
set(iso_headers limits.h stddef.h stdint.h stdbool.h stdarg.h)
set(bad "")
set(count 0)
string(REPLACE "\n" ";" lines "${err}")
foreach(line IN LISTS lines)
  if(NOT line MATCHES "^(\\.+) (.+)$")
    continue()
  endif()
  string(LENGTH "${CMAKE_MATCH_1}" depth)
  get_filename_component(header "${CMAKE_MATCH_2}" REALPATH)
  set(stack_${depth} ${header})
  math(EXPR parent "${depth} - 1")
  set(includer ${stack_${parent}})
  under(${includer} "${OWN_DIRS}" includer_ours)
  if(NOT includer STREQUAL src AND NOT includer_ours)
    continue()
  endif()
  math(EXPR count "${count} + 1")
  under(${header} "${OWN_DIRS};${CONFIG_DIRS};${LWIP_DIRS}" allowed)
  get_filename_component(name ${header} NAME)
  if(NOT allowed AND NOT name IN_LIST iso_headers)
    string(APPEND bad "\n  ${includer} includes ${header}")
  endif()
endforeach()
if(count EQUAL 0)
  message(FATAL_ERROR "no include of the port was seen in the compiler's -H output")
endif()
if(bad)
  message(FATAL_ERROR "the port includes headers that are not lwIP's, oarc's or ISO C's:${bad}")
endif()
message(STATUS "compiled ${SOURCE} with ${CC}: ${count} includes by oarc files, all lwIP, oarc or ISO C")
if(SIZE)
  execute_process(COMMAND ${SIZE} ${OUTPUT})
endif()

# What the object calls: lwIP's API and nothing of an OS.
if(NM)
  execute_process(COMMAND ${NM} -u ${OUTPUT} RESULT_VARIABLE rc OUTPUT_VARIABLE undefined)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${NM} -u ${OUTPUT} failed")
  endif()
  string(REGEX MATCHALL "U [^\n]+" symbols "${undefined}")
  set(foreign "")
  foreach(sym IN LISTS symbols)
    string(SUBSTRING "${sym}" 2 -1 sym)
    if(NOT sym MATCHES "${EXTERNALS}")
      string(APPEND foreign " ${sym}")
    endif()
  endforeach()
  if(foreign)
    message(FATAL_ERROR "the port calls outside lwIP's API:${foreign}")
  endif()
  list(LENGTH symbols n)
  message(STATUS "${n} external symbols, all lwIP's API, errno or compiler helpers")
endif()
