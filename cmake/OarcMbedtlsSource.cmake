# mbedTLS 3.6 LTS from Debian 13's source package, fetched into the build tree
# at configure time with `apt-get source mbedtls/trixie` (never vendored).
# scripts/deps.sh adds the deb-src entry for that suite, derived from the
# machine's own apt sources.
#
#   OARC_MBEDTLS_SOURCE_DIR   an unpacked mbedTLS 3.6 source tree to use
#                             instead of fetching one
#
# Sets OARC_MBEDTLS36_DIR and defines oarc_add_mbedtls_source_library().
include_guard(GLOBAL)
include(OarcDebianSource)

set(OARC_MBEDTLS_SOURCE_DIR "" CACHE PATH
    "mbedTLS 3.6 source tree; empty: apt-get source mbedtls/trixie into the build tree")
set(OARC_MBEDTLS_SOURCE_SUITE trixie)

set(_oarc_mbedtls_fix "run 'sh scripts/deps.sh' as root (it adds a deb-src entry for "
                      "${OARC_MBEDTLS_SOURCE_SUITE} derived from the machine's apt sources and "
                      "installs dpkg-dev), or point OARC_MBEDTLS_SOURCE_DIR at an unpacked "
                      "mbedTLS 3.6 source tree")

if(OARC_MBEDTLS_SOURCE_DIR)
  set(OARC_MBEDTLS36_DIR ${OARC_MBEDTLS_SOURCE_DIR})
else()
  # The fetch is shared by every build tree below this one's top (a cross
  # build configured inside the host build reuses it).
  oarc_debian_source(mbedtls ${OARC_MBEDTLS_SOURCE_SUITE} ${PROJECT_BINARY_DIR}/mbedtls-source
                     "mbedtls-3.*" OARC_MBEDTLS36_DIR "${_oarc_mbedtls_fix}")
endif()
oarc_debian_source_check("mbedTLS 3.6" ${OARC_MBEDTLS36_DIR} "${_oarc_mbedtls_fix}"
  include/mbedtls/build_info.h library/ssl_tls13_client.c library/psa_crypto.c)
file(STRINGS ${OARC_MBEDTLS36_DIR}/include/mbedtls/build_info.h _oarc_mbedtls_version
     REGEX "^#define MBEDTLS_VERSION_STRING ")
string(REGEX REPLACE ".*\"(.*)\".*" "\\1" _oarc_mbedtls_version "${_oarc_mbedtls_version}")
if(NOT _oarc_mbedtls_version MATCHES "^3\\.6\\.")
  message(FATAL_ERROR "mbedTLS source '${OARC_MBEDTLS36_DIR}' is version "
                      "'${_oarc_mbedtls_version}', not 3.6.x: ${_oarc_mbedtls_fix}")
endif()
set(OARC_MBEDTLS36_VERSION ${_oarc_mbedtls_version})
message(STATUS "mbedTLS ${OARC_MBEDTLS36_VERSION} source: ${OARC_MBEDTLS36_DIR}")

# oarc_add_mbedtls_source_library(NAME [CONFIG header] [USER_CONFIG header]):
# one static library of all of mbedTLS (crypto, X.509, TLS; --gc-sections
# keeps what a program uses), with mbedTLS's default configuration, or the
# whole configuration CONFIG names (MBEDTLS_CONFIG_FILE: a device's own),
# amended by USER_CONFIG (MBEDTLS_USER_CONFIG_FILE); both PUBLIC so every
# user of the headers sees the same configuration. mbedTLS's sources are not ours: no -Werror for them,
# and its headers reach users as SYSTEM headers.
function(oarc_add_mbedtls_source_library name)
  cmake_parse_arguments(ARG "" "CONFIG;USER_CONFIG" "" ${ARGN})
  file(GLOB srcs ${OARC_MBEDTLS36_DIR}/library/*.c)
  add_library(${name} STATIC ${srcs})
  target_include_directories(${name} SYSTEM PUBLIC $<BUILD_INTERFACE:${OARC_MBEDTLS36_DIR}/include>)
  target_include_directories(${name} PRIVATE ${OARC_MBEDTLS36_DIR}/library)
  if(ARG_CONFIG)
    get_filename_component(config ${ARG_CONFIG} ABSOLUTE)
    target_compile_definitions(${name} PUBLIC "MBEDTLS_CONFIG_FILE=\"${config}\"")
  endif()
  if(ARG_USER_CONFIG)
    get_filename_component(config ${ARG_USER_CONFIG} ABSOLUTE)
    target_compile_definitions(${name} PUBLIC "MBEDTLS_USER_CONFIG_FILE=\"${config}\"")
  endif()
  # A missing declaration or a mistyped pointer is a configuration mistake.
  target_compile_options(${name} PRIVATE -Werror=implicit-function-declaration
                         -Werror=int-conversion -Werror=incompatible-pointer-types)
endfunction()
