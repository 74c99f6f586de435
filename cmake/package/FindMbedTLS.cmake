# FindMbedTLS: mbedTLS's three libraries as imported targets, for builds where
# mbedTLS installs no CMake package of its own (Debian 12's libmbedtls-dev 2.28).
#
#   MbedTLS::mbedcrypto  MbedTLS::mbedx509  MbedTLS::mbedtls   (imported targets)
#   MbedTLS_FOUND  MbedTLS_VERSION  MbedTLS_INCLUDE_DIR
#
# An mbedTLS that installs its own package (3.x: MbedTLSConfig.cmake) is used
# as is. Installed with oarc's CMake package: oarcConfig.cmake finds mbedTLS
# through it with find_dependency(), so nothing of the machine oarc was built
# on is written into the package.
include(FindPackageHandleStandardArgs)

if(TARGET MbedTLS::mbedtls)
  set(MbedTLS_FOUND TRUE)
  return()
endif()
find_package(MbedTLS CONFIG QUIET NO_MODULE)
if(TARGET MbedTLS::mbedtls)
  set(MbedTLS_FOUND TRUE)
  return()
endif()

find_path(MbedTLS_INCLUDE_DIR mbedtls/ssl.h)
find_library(MbedTLS_mbedtls_LIBRARY mbedtls)
find_library(MbedTLS_mbedx509_LIBRARY mbedx509)
find_library(MbedTLS_mbedcrypto_LIBRARY mbedcrypto)
if(MbedTLS_INCLUDE_DIR)
  # 2.x keeps the version in version.h, 3.x in build_info.h.
  foreach(header version.h build_info.h)
    if(EXISTS ${MbedTLS_INCLUDE_DIR}/mbedtls/${header})
      file(STRINGS ${MbedTLS_INCLUDE_DIR}/mbedtls/${header} _v
           REGEX "^#define MBEDTLS_VERSION_STRING +\"[0-9.]+\"")
      if(_v)
        string(REGEX REPLACE ".*\"([0-9.]+)\".*" "\\1" MbedTLS_VERSION "${_v}")
        break()
      endif()
    endif()
  endforeach()
endif()
find_package_handle_standard_args(MbedTLS
  REQUIRED_VARS MbedTLS_mbedtls_LIBRARY MbedTLS_mbedx509_LIBRARY MbedTLS_mbedcrypto_LIBRARY
                MbedTLS_INCLUDE_DIR
  VERSION_VAR MbedTLS_VERSION)

if(MbedTLS_FOUND)
  foreach(lib mbedcrypto mbedx509 mbedtls)
    add_library(MbedTLS::${lib} UNKNOWN IMPORTED)
    set_target_properties(MbedTLS::${lib} PROPERTIES
      IMPORTED_LOCATION "${MbedTLS_${lib}_LIBRARY}"
      INTERFACE_INCLUDE_DIRECTORIES "${MbedTLS_INCLUDE_DIR}")
  endforeach()
  set_property(TARGET MbedTLS::mbedx509 PROPERTY INTERFACE_LINK_LIBRARIES MbedTLS::mbedcrypto)
  set_property(TARGET MbedTLS::mbedtls PROPERTY INTERFACE_LINK_LIBRARIES MbedTLS::mbedx509)
endif()
