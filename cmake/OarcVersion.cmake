# oarc's version has one source: project(VERSION) in the top-level
# CMakeLists.txt. This writes <DIR>/oarc/oarc_version.h from it.
#
# In a CMake build: include(OarcVersion); oarc_write_version_header(DIR).
# Without CMake as the build system (Make, an IDE, PlatformIO):
#   cmake -DOUT=<include dir> -P cmake/OarcVersion.cmake
# reads the version from CMakeLists.txt and writes the same header.
# oarc_project_version(VAR): the version, read from the top-level CMakeLists.txt.
function(oarc_project_version var)
  file(STRINGS ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/../CMakeLists.txt line
       REGEX "^project\\(oarc VERSION [0-9]+\\.[0-9]+\\.[0-9]+")
  string(REGEX REPLACE ".*VERSION ([0-9]+\\.[0-9]+\\.[0-9]+).*" "\\1" v "${line}")
  set(${var} ${v} PARENT_SCOPE)
endfunction()

function(oarc_write_version_header dir version)
  string(REPLACE "." ";" parts ${version})
  list(GET parts 0 OARC_VERSION_MAJOR)
  list(GET parts 1 OARC_VERSION_MINOR)
  list(GET parts 2 OARC_VERSION_PATCH)
  set(OARC_VERSION ${version})
  configure_file(${CMAKE_CURRENT_FUNCTION_LIST_DIR}/../lib/include/oarc/oarc_version.h.in
                 ${dir}/oarc/oarc_version.h @ONLY)
endfunction()

if(CMAKE_SCRIPT_MODE_FILE STREQUAL CMAKE_CURRENT_LIST_FILE)
  if(NOT OUT)
    message(FATAL_ERROR "usage: cmake -DOUT=<include dir> -P cmake/OarcVersion.cmake")
  endif()
  oarc_project_version(v)
  oarc_write_version_header(${OUT} ${v})
  message(STATUS "wrote ${OUT}/oarc/oarc_version.h (${v})")
endif()
