# How a test is registered with ctest, in one place (tests/README.md):
#
#   oarc_add_cmocka_suite(test_foo test_foo.c [more.c ...] [LABELS unit ...])
#     a cmocka suite: one ctest unit.foo.<case> per case of test_foo.c
#   oarc_add_python_tests(PREFIX integration SCRIPTS test_bar.py ... [LABELS ...] ...)
#     Python unittest files: one ctest <prefix>.<method> per test method
#
# Both read the names from the source at configure time, and make the source
# a configure dependency, so that a case or method added to a file is a test
# at the next build, without touching CMake.
include_guard(GLOBAL)

find_path(OARC_CMOCKA_INCLUDE_DIR cmocka.h)
find_library(OARC_CMOCKA_LIB cmocka)
oarc_require_debian_package("cmocka" OARC_CMOCKA_INCLUDE_DIR libcmocka-dev)
oarc_require_debian_package("cmocka" OARC_CMOCKA_LIB libcmocka-dev)

set(OARC_TESTS_UNIT_DIR ${CMAKE_CURRENT_LIST_DIR}/../tests/unit)

# The cases of a cmocka source: every cmocka_unit_test(name), and the name
# (the first argument) of cmocka_unit_test_setup(name, setup),
# _teardown(name, teardown) and _setup_teardown(name, setup, teardown).
function(_oarc_cmocka_cases out source)
  file(READ ${source} body)
  string(REGEX MATCHALL "cmocka_unit_test(_setup_teardown|_setup|_teardown)?\\([ \t\r\n]*[A-Za-z0-9_]+"
         entries "${body}")
  set(cases "")
  foreach(entry IN LISTS entries)
    string(REGEX REPLACE ".*\\([ \t\r\n]*" "" case "${entry}")
    list(APPEND cases ${case})
  endforeach()
  if(NOT cases)
    message(FATAL_ERROR "${source}: no cmocka_unit_test*(...) entry, so no test to register")
  endif()
  set(${out} ${cases} PARENT_SCOPE)
endfunction()

# oarc_add_cmocka_suite(TARGET SOURCE [SOURCE...] [LABELS label...] [TIMEOUT seconds])
# The executable TARGET from the SOURCEs (warnings as everywhere, cmocka,
# tests/unit for test_main.h), and one ctest unit.<suite>.<case> per cmocka
# case of the first SOURCE, run as `TARGET <case>` (test_main.h runs that case
# alone and fails on a name it does not have). <suite> is TARGET without its
# test_ prefix. LABELS default to unit, TIMEOUT to 60. Link what the suite
# tests with target_link_libraries(TARGET PRIVATE ...) after the call.
function(oarc_add_cmocka_suite target source)
  cmake_parse_arguments(PARSE_ARGV 2 arg "" "TIMEOUT" "LABELS")
  if(NOT arg_LABELS)
    set(arg_LABELS unit)
  endif()
  if(NOT arg_TIMEOUT)
    set(arg_TIMEOUT 60)
  endif()
  add_executable(${target} ${source} ${arg_UNPARSED_ARGUMENTS})
  oarc_set_warnings(${target})
  target_include_directories(${target} PRIVATE ${OARC_TESTS_UNIT_DIR})
  target_include_directories(${target} SYSTEM PRIVATE ${OARC_CMOCKA_INCLUDE_DIR})
  target_link_libraries(${target} PRIVATE ${OARC_CMOCKA_LIB})

  get_filename_component(source ${source} ABSOLUTE)
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${source})
  _oarc_cmocka_cases(cases ${source})
  string(REGEX REPLACE "^test_" "" suite ${target})
  foreach(case IN LISTS cases)
    add_test(NAME unit.${suite}.${case} COMMAND ${target} ${case})
    set_tests_properties(unit.${suite}.${case} PROPERTIES LABELS "${arg_LABELS}"
                         TIMEOUT ${arg_TIMEOUT})
  endforeach()
endfunction()

# oarc_add_python_tests(PREFIX prefix SCRIPTS script.py...
#                       [LABELS label...] [TIMEOUT seconds] [SKIPPABLE]
#                       [ENVIRONMENT VAR=value...] [PROPERTIES name value...])
# One ctest <prefix>.<method> (the method's name without test_) per
# `def test_*` of each script, run as `python3 -m unittest -v
# <module>.<class>.<method>` in the script's directory; <class> is the first
# class the script defines. SKIPPABLE: a run that unittest reports as skipped
# (the test says why: no root, no TAP device, no QEMU) counts as skipped in
# ctest, not as passed. TIMEOUT defaults to 120. PROPERTIES go to
# set_tests_properties as they are (e.g. FIXTURES_REQUIRED name).
function(oarc_add_python_tests)
  # ${ARGN}, not PARSE_ARGV: an ENVIRONMENT "A=1;B=2" is two variables.
  cmake_parse_arguments(arg "SKIPPABLE" "PREFIX;TIMEOUT" "SCRIPTS;LABELS;ENVIRONMENT;PROPERTIES"
                        ${ARGN})
  if(NOT arg_PREFIX OR NOT arg_SCRIPTS OR arg_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "oarc_add_python_tests: PREFIX and SCRIPTS needed; "
                        "not understood: ${arg_UNPARSED_ARGUMENTS}")
  endif()
  if(NOT arg_TIMEOUT)
    set(arg_TIMEOUT 120)
  endif()
  foreach(script IN LISTS arg_SCRIPTS)
    get_filename_component(script ${script} ABSOLUTE)
    get_filename_component(module ${script} NAME_WE)
    get_filename_component(dir ${script} DIRECTORY)
    set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${script})
    file(READ ${script} body)
    if(NOT body MATCHES "class ([A-Za-z0-9_]+)\\(")
      message(FATAL_ERROR "${script}: no test class")
    endif()
    set(cls ${CMAKE_MATCH_1})
    string(REGEX MATCHALL "def test_[A-Za-z0-9_]+" methods "${body}")
    foreach(method IN LISTS methods)
      string(REGEX REPLACE "^def " "" method ${method})
      string(REGEX REPLACE "^test_" "" short ${method})
      set(test ${arg_PREFIX}.${short})
      add_test(NAME ${test} COMMAND python3 -m unittest -v ${module}.${cls}.${method}
               WORKING_DIRECTORY ${dir})
      set_tests_properties(${test} PROPERTIES LABELS "${arg_LABELS}" TIMEOUT ${arg_TIMEOUT}
                           ${arg_PROPERTIES})
      if(arg_SKIPPABLE)
        set_tests_properties(${test} PROPERTIES SKIP_REGULAR_EXPRESSION "OK \\(skipped=1\\)")
      endif()
      if(arg_ENVIRONMENT)
        set_tests_properties(${test} PROPERTIES ENVIRONMENT "${arg_ENVIRONMENT}")
      endif()
    endforeach()
  endforeach()
endfunction()
