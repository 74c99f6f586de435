# Every dependency comes from a Debian package; when one is missing, say which.

function(oarc_require_debian_package what found package)
  if(NOT ${found})
    message(FATAL_ERROR "${what} not found: install the Debian package '${package}' "
                        "(apt-get install ${package}), or run scripts/deps.sh")
  endif()
endfunction()

# jsmn is a single header (jsmn::jsmn, cmake/package/FindJsmn.cmake). A cross
# build must not put the host's /usr/include on its include path (it would
# shadow newlib), so it gets a copy of just jsmn.h, made in the build tree at
# configure time.
if(CMAKE_CROSSCOMPILING)
  find_file(OARC_JSMN_HEADER jsmn.h PATHS /usr/include NO_CMAKE_FIND_ROOT_PATH NO_DEFAULT_PATH)
  oarc_require_debian_package("jsmn.h" OARC_JSMN_HEADER libjsmn-dev)
  configure_file(${OARC_JSMN_HEADER} ${PROJECT_BINARY_DIR}/jsmn-include/jsmn.h COPYONLY)
  set(Jsmn_INCLUDE_DIR ${PROJECT_BINARY_DIR}/jsmn-include)
endif()
# The Find modules live beside this file (also installed for consumers):
# every project that includes it, tests/size's device build too, finds them.
list(APPEND CMAKE_MODULE_PATH ${CMAKE_CURRENT_LIST_DIR}/package)
list(REMOVE_DUPLICATES CMAKE_MODULE_PATH)
find_package(Jsmn)
oarc_require_debian_package("jsmn.h" Jsmn_FOUND libjsmn-dev)

# mbedTLS, for the client: which one is a per-build-tree choice.
#   OARC_MBEDTLS=system   Debian 12's libmbedtls-dev (2.28, TLS 1.2)
#   OARC_MBEDTLS=source   3.6 LTS (TLS 1.3 and 1.2) built from Debian 13's source
#                         package (cmake/OarcMbedtlsSource.cmake); a device build
#                         names its own mbedTLS config with OARC_MBEDTLS_CONFIG.
# Either way the target oarc_mbedtls carries the headers and libraries, and
# OARC_MBEDTLS_MAJOR (2 or 3) picks lib/src/tls_mbedtls<MAJOR>.c.
set(OARC_MBEDTLS "system" CACHE STRING "mbedTLS backend: system (Debian's 2.28) or source (3.6 from Debian 13's source package)")
set_property(CACHE OARC_MBEDTLS PROPERTY STRINGS system source)
set(OARC_MBEDTLS_CONFIG "" CACHE FILEPATH
    "OARC_MBEDTLS=source only: an mbedTLS user config header (MBEDTLS_USER_CONFIG_FILE), e.g. a board's")
set(OARC_MBEDTLS_BOARD_CONFIG "" CACHE FILEPATH
    "OARC_MBEDTLS=source only: a device board's whole mbedTLS configuration (MBEDTLS_CONFIG_FILE), in place of mbedTLS's default one")
if(OARC_WITH_CLIENT)
  if(OARC_MBEDTLS STREQUAL "system")
    # MbedTLS::mbedtls (cmake/package/FindMbedTLS.cmake): the same module
    # finds it again for a consumer of the installed package.
    find_package(MbedTLS)
    oarc_require_debian_package("mbedTLS (OARC_MBEDTLS=system)" MbedTLS_FOUND libmbedtls-dev)
    set(OARC_MBEDTLS_VERSION ${MbedTLS_VERSION})
    string(REGEX REPLACE "^([0-9]+).*" "\\1" OARC_MBEDTLS_MAJOR "${MbedTLS_VERSION}")
    if(NOT OARC_MBEDTLS_MAJOR MATCHES "^[23]$")
      message(FATAL_ERROR "mbedTLS in ${MbedTLS_INCLUDE_DIR} is neither 2.28 nor 3.6: "
                          "install libmbedtls-dev (Debian 12: 2.28), or use -DOARC_MBEDTLS=source")
    endif()
    add_library(oarc_mbedtls INTERFACE)
    target_link_libraries(oarc_mbedtls INTERFACE MbedTLS::mbedtls)
    set(OARC_MBEDTLS_PROBE_INCLUDES ${MbedTLS_INCLUDE_DIR})
    set(OARC_MBEDTLS_PROBE_DEFINITIONS "")
  elseif(OARC_MBEDTLS STREQUAL "source")
    include(OarcMbedtlsSource)
    set(_oarc_cfg "")
    set(OARC_MBEDTLS_PROBE_DEFINITIONS "")
    if(OARC_MBEDTLS_BOARD_CONFIG)
      get_filename_component(OARC_MBEDTLS_BOARD_CONFIG ${OARC_MBEDTLS_BOARD_CONFIG} ABSOLUTE)
      list(APPEND _oarc_cfg CONFIG ${OARC_MBEDTLS_BOARD_CONFIG})
      list(APPEND OARC_MBEDTLS_PROBE_DEFINITIONS "-DMBEDTLS_CONFIG_FILE=\"${OARC_MBEDTLS_BOARD_CONFIG}\"")
    endif()
    if(OARC_MBEDTLS_CONFIG)
      get_filename_component(OARC_MBEDTLS_CONFIG ${OARC_MBEDTLS_CONFIG} ABSOLUTE)
      list(APPEND _oarc_cfg USER_CONFIG ${OARC_MBEDTLS_CONFIG})
      list(APPEND OARC_MBEDTLS_PROBE_DEFINITIONS "-DMBEDTLS_USER_CONFIG_FILE=\"${OARC_MBEDTLS_CONFIG}\"")
    endif()
    oarc_add_mbedtls_source_library(oarc_mbedtls ${_oarc_cfg})
    set(OARC_MBEDTLS_MAJOR 3)
    set(OARC_MBEDTLS_VERSION ${OARC_MBEDTLS36_VERSION})
    set(OARC_MBEDTLS_PROBE_INCLUDES ${OARC_MBEDTLS36_DIR}/include)
  else()
    message(FATAL_ERROR "OARC_MBEDTLS is '${OARC_MBEDTLS}': use 'system' (apt-get install "
                        "libmbedtls-dev: 2.28) or 'source' (mbedTLS 3.6 from Debian 13's source "
                        "package: run scripts/deps.sh)")
  endif()
  # The client reserves storage for mbedTLS's contexts without including
  # mbedTLS in the public headers: measure them here, with this backend's
  # headers and config and this build's compiler flags. lib/src/tls.c checks
  # the number with a static assertion.
  include(CheckTypeSize)
  if(NOT "${_OARC_TLS_MBEDTLS_SIZE_OF}" STREQUAL "${OARC_MBEDTLS}:${OARC_MBEDTLS_BOARD_CONFIG}:${OARC_MBEDTLS_CONFIG}")
    unset(HAVE_OARC_TLS_MBEDTLS_SIZE CACHE)  # measured for another backend or config
    unset(OARC_TLS_MBEDTLS_SIZE CACHE)
    set(_OARC_TLS_MBEDTLS_SIZE_OF "${OARC_MBEDTLS}:${OARC_MBEDTLS_BOARD_CONFIG}:${OARC_MBEDTLS_CONFIG}" CACHE INTERNAL "")
  endif()
  set(CMAKE_REQUIRED_INCLUDES ${OARC_MBEDTLS_PROBE_INCLUDES} ${CMAKE_CURRENT_LIST_DIR}/../lib/src
                              ${CMAKE_CURRENT_LIST_DIR}/../lib/include)
  set(CMAKE_REQUIRED_DEFINITIONS ${OARC_MBEDTLS_PROBE_DEFINITIONS})
  set(CMAKE_EXTRA_INCLUDE_FILES tls_mbedtls.h)
  check_type_size("oarc_tls_mbedtls" OARC_TLS_MBEDTLS_SIZE LANGUAGE C)
  unset(CMAKE_EXTRA_INCLUDE_FILES)
  unset(CMAKE_REQUIRED_INCLUDES)
  unset(CMAKE_REQUIRED_DEFINITIONS)
  if(NOT OARC_TLS_MBEDTLS_SIZE)
    message(FATAL_ERROR "could not measure mbedTLS's contexts (lib/src/tls_mbedtls.h) with "
                        "OARC_MBEDTLS=${OARC_MBEDTLS}: see CMakeFiles/CMakeConfigureLog.yaml")
  endif()
  message(STATUS "mbedTLS backend: ${OARC_MBEDTLS} (${OARC_MBEDTLS_VERSION}), TLS contexts ${OARC_TLS_MBEDTLS_SIZE} bytes")
  target_compile_definitions(oarc_mbedtls INTERFACE OARC_TLS_MBEDTLS_SIZE=${OARC_TLS_MBEDTLS_SIZE})
endif()
