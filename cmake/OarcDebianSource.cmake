# Debian source packages, fetched into the build tree at configure time with
# `apt-get source PACKAGE/SUITE` (never vendored in this repository).
#
# scripts/deps.sh adds the deb-src entries apt needs, derived from the
# machine's own `deb` entries: the machine's suite, plus the suite that carries
# mbedTLS 3.6 (OARC_MBEDTLS_SOURCE_SUITE). With both present, a bare
# `apt-get source lwip` would take the newest version of either suite, so
# every fetch names its suite.
include_guard(GLOBAL)

# The machine's Debian suite (VERSION_CODENAME in /etc/os-release), or "" when
# it cannot be told: then apt picks the newest version it knows.
function(oarc_debian_machine_suite out)
  set(suite "")
  if(EXISTS /etc/os-release)
    file(STRINGS /etc/os-release line REGEX "^VERSION_CODENAME=")
    if(line)
      string(REGEX REPLACE "^VERSION_CODENAME=\"?([^\"]*)\"?$" "\\1" suite "${line}")
    endif()
  endif()
  set(${out} "${suite}" PARENT_SCOPE)
endfunction()

# oarc_debian_source(PACKAGE SUITE DIR PATTERN OUT FIX): the unpacked source
# tree DIR/<PATTERN> (a glob such as lwip-*), fetched first when absent. SUITE
# may be "" (apt's choice). FIX is the advice printed on failure.
function(oarc_debian_source package suite dir pattern out fix)
  file(GLOB found LIST_DIRECTORIES true ${dir}/${pattern})
  list(FILTER found EXCLUDE REGEX "\\.(tar\\..*|dsc)$")
  if(NOT found)
    find_program(OARC_APT_GET apt-get)
    find_program(OARC_DPKG_SOURCE dpkg-source)
    if(NOT OARC_APT_GET OR NOT OARC_DPKG_SOURCE)
      message(FATAL_ERROR "${package}: fetching it needs 'apt-get source', and apt-get or "
                          "dpkg-source (package dpkg-dev) is missing: ${fix}")
    endif()
    set(spec ${package})
    if(suite)
      set(spec ${package}/${suite})
    endif()
    file(MAKE_DIRECTORY ${dir})
    message(STATUS "${package}: fetching with 'apt-get source ${spec}' into ${dir}")
    execute_process(COMMAND ${OARC_APT_GET} source -qq ${spec}
                    WORKING_DIRECTORY ${dir}
                    RESULT_VARIABLE rc OUTPUT_VARIABLE stdout ERROR_VARIABLE err)
    if(NOT rc EQUAL 0)
      message(FATAL_ERROR "${package}: 'apt-get source ${spec}' failed (${rc}):\n${err}\n${fix}")
    endif()
    file(GLOB found LIST_DIRECTORIES true ${dir}/${pattern})
    list(FILTER found EXCLUDE REGEX "\\.(tar\\..*|dsc)$")
    if(NOT found)
      message(FATAL_ERROR "${package}: 'apt-get source ${spec}' left no ${pattern} in ${dir}: ${fix}")
    endif()
  endif()
  list(GET found 0 first)
  set(${out} ${first} PARENT_SCOPE)
endfunction()

# oarc_debian_source_check(WHAT DIR FIX FILE...): fail naming the first FILE
# missing under DIR (not that package's source tree, or an interrupted fetch).
function(oarc_debian_source_check what dir fix)
  foreach(needed ${ARGN})
    if(NOT EXISTS ${dir}/${needed})
      message(FATAL_ERROR "${what}: '${dir}' is not the expected Debian source tree "
                          "(no ${needed}): delete it (an interrupted fetch?) and configure "
                          "again, or ${fix}")
    endif()
  endforeach()
endfunction()
