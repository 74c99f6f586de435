# Every dependency comes from a Debian package; when one is missing, say which.

function(oarc_require_debian_package what found package)
  if(NOT ${found})
    message(FATAL_ERROR "${what} not found: install the Debian package '${package}' "
                        "(apt-get install ${package}), or run scripts/deps.sh")
  endif()
endfunction()

# jsmn is a single header. A cross build must not put the host's /usr/include on
# its include path (it would shadow newlib), so it gets a copy of just jsmn.h,
# made in the build tree at configure time.
if(CMAKE_CROSSCOMPILING)
  find_file(OARC_JSMN_HEADER jsmn.h PATHS /usr/include NO_CMAKE_FIND_ROOT_PATH NO_DEFAULT_PATH)
  oarc_require_debian_package("jsmn.h" OARC_JSMN_HEADER libjsmn-dev)
  configure_file(${OARC_JSMN_HEADER} ${CMAKE_BINARY_DIR}/jsmn-include/jsmn.h COPYONLY)
  set(OARC_JSMN_INCLUDE_DIR ${CMAKE_BINARY_DIR}/jsmn-include)
else()
  find_path(OARC_JSMN_INCLUDE_DIR jsmn.h)
  oarc_require_debian_package("jsmn.h" OARC_JSMN_INCLUDE_DIR libjsmn-dev)
endif()

# A device board brings its own mbedTLS (built from source with its config).
if(OARC_WITH_CLIENT AND NOT OARC_BOARD)
  find_path(OARC_MBEDTLS_INCLUDE_DIR mbedtls/ssl.h)
  find_library(OARC_MBEDTLS_LIB mbedtls)
  find_library(OARC_MBEDX509_LIB mbedx509)
  find_library(OARC_MBEDCRYPTO_LIB mbedcrypto)
  oarc_require_debian_package("mbedTLS" OARC_MBEDTLS_INCLUDE_DIR libmbedtls-dev)
  oarc_require_debian_package("mbedTLS" OARC_MBEDTLS_LIB libmbedtls-dev)
  add_library(oarc_mbedtls INTERFACE)
  target_include_directories(oarc_mbedtls SYSTEM INTERFACE ${OARC_MBEDTLS_INCLUDE_DIR})
  target_link_libraries(oarc_mbedtls INTERFACE
    ${OARC_MBEDTLS_LIB} ${OARC_MBEDX509_LIB} ${OARC_MBEDCRYPTO_LIB})
endif()
