# oarc's sources and include directories, for builds other than oarc's own
# CMake tree (the coreHTTP convention): a Makefile or IDE project, the ESP-IDF
# component (CMakeLists.txt under ESP_PLATFORM), the Zephyr module
# (zephyr/CMakeLists.txt), PlatformIO (library.json lists the same files).
# oarc's own lib/CMakeLists.txt builds from these lists too, so they cannot
# go stale; tests/packaging checks every file named here exists.
#
#   OARC_VERSION                    from project(VERSION), the one source
#   OARC_CORE_SOURCES               codecs, HTTP, URL: no mbedTLS, no OS
#   OARC_CLIENT_SOURCES             session and TLS layer (needs mbedTLS), and
#   OARC_TLS_MBEDTLS2_SOURCES / OARC_TLS_MBEDTLS3_SOURCES   one of the two
#   OARC_INCLUDE_PUBLIC_DIRS        lib/include (+ the dir of the generated
#                                   oarc/oarc_version.h: cmake/OarcVersion.cmake)
#   OARC_INCLUDE_PRIVATE_DIRS       lib/src (the library's own compile only)
#   OARC_PORT_POSIX_SOURCES / OARC_PORT_POSIX_INCLUDE_DIRS
#   OARC_PORT_LWIP_SOURCES / OARC_PORT_LWIP_INCLUDE_DIRS          (lwIP sockets, RTOS)
#   OARC_PORT_LWIP_RAW_SOURCES / OARC_PORT_LWIP_RAW_INCLUDE_DIRS  (lwIP raw API, NO_SYS 1)
# What a build must add: jsmn.h on the library's include path, mbedTLS (2.28
# or 3.6, with its config) and OARC_TLS_MBEDTLS_SIZE for every file that
# includes oarc's headers (see docs/porting.md, "Without CMake").
set(_oarc_root ${CMAKE_CURRENT_LIST_DIR})
include(${_oarc_root}/cmake/OarcVersion.cmake)
oarc_project_version(OARC_VERSION)

set(OARC_CORE_SOURCES
    ${_oarc_root}/lib/src/status.c
    ${_oarc_root}/lib/src/text.c
    ${_oarc_root}/lib/src/printable.c
    ${_oarc_root}/lib/src/json_write.c
    ${_oarc_root}/lib/src/json_read.c
    ${_oarc_root}/lib/src/http.c
    ${_oarc_root}/lib/src/url.c
    ${_oarc_root}/lib/src/json_field.c
    ${_oarc_root}/lib/src/decode_root.c
    ${_oarc_root}/lib/src/api_error.c
    ${_oarc_root}/lib/src/role_body.c
    ${_oarc_root}/lib/src/role_decode.c
    ${_oarc_root}/lib/src/assignment_decode.c
    ${_oarc_root}/lib/src/page_decode.c
    ${_oarc_root}/lib/src/version.c)

set(OARC_CLIENT_SOURCES
    ${_oarc_root}/lib/src/tls.c
    ${_oarc_root}/lib/src/tls_backend.c
    ${_oarc_root}/lib/src/client.c
    ${_oarc_root}/lib/src/op.c
    ${_oarc_root}/lib/src/page_fetch.c
    ${_oarc_root}/lib/src/role_iter.c
    ${_oarc_root}/lib/src/roles.c
    ${_oarc_root}/lib/src/assignments.c)
set(OARC_TLS_MBEDTLS2_SOURCES ${_oarc_root}/lib/src/tls_mbedtls2.c)
set(OARC_TLS_MBEDTLS3_SOURCES ${_oarc_root}/lib/src/tls_mbedtls3.c)

set(OARC_INCLUDE_PUBLIC_DIRS ${_oarc_root}/lib/include)
set(OARC_INCLUDE_PRIVATE_DIRS ${_oarc_root}/lib/src)

set(OARC_PORT_POSIX_SOURCES ${_oarc_root}/port/posix/oarc_port_posix.c)
set(OARC_PORT_POSIX_INCLUDE_DIRS ${_oarc_root}/port/posix)
set(OARC_PORT_LWIP_SOURCES ${_oarc_root}/port/lwip/oarc_port_lwip.c)
set(OARC_PORT_LWIP_INCLUDE_DIRS ${_oarc_root}/port/lwip)
set(OARC_PORT_LWIP_RAW_SOURCES ${_oarc_root}/port/lwip-raw/oarc_port_lwip_raw.c)
set(OARC_PORT_LWIP_RAW_INCLUDE_DIRS ${_oarc_root}/port/lwip-raw)
unset(_oarc_root)
