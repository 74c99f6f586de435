# lwIP from Debian's source package, fetched into the build tree at configure
# time with `apt-get source lwip` (never vendored in this repository).
#
# Debian's binary liblwip-dev has no DNS client and a configuration of its own;
# the source package has lwIP's core, API and netifs plus the unix port
# (port/sys_arch.c, port/netif/tapif.c, port/include/arch/cc.h) that the host
# board builds with its own lwipopts.h.
#
#   OARC_LWIP_SOURCE_DIR   an unpacked lwIP source tree to use instead of
#                          fetching one (the directory holding src/ and port/)
#
# Sets OARC_LWIP_DIR and defines oarc_add_lwip_library(), below.
include_guard(GLOBAL)

set(OARC_LWIP_SOURCE_DIR "" CACHE PATH
    "lwIP source tree (Debian's source package layout); empty: apt-get source lwip into the build tree")

set(_oarc_lwip_fetch_dir ${CMAKE_BINARY_DIR}/lwip-source)
set(_oarc_lwip_fix "run 'sh scripts/deps.sh' as root (it adds deb-src entries derived from the "
                   "machine's apt sources and installs dpkg-dev), or point OARC_LWIP_SOURCE_DIR at an "
                   "unpacked lwIP source tree, or configure with -DOARC_HOST_LWIP=OFF")

# The unpacked tree under dir, if one is there: lwip-<version>/.
function(_oarc_lwip_find_unpacked dir out)
  file(GLOB candidates LIST_DIRECTORIES true ${dir}/lwip-*/src/include/lwip/opt.h)
  set(found "")
  if(candidates)
    list(GET candidates 0 first)
    get_filename_component(found ${first} DIRECTORY) # .../src/include/lwip
    get_filename_component(found ${found}/../../.. ABSOLUTE)
  endif()
  set(${out} ${found} PARENT_SCOPE)
endfunction()

function(_oarc_lwip_fetch dir)
  find_program(OARC_APT_GET apt-get)
  find_program(OARC_DPKG_SOURCE dpkg-source)
  if(NOT OARC_APT_GET OR NOT OARC_DPKG_SOURCE)
    message(FATAL_ERROR "host-lwip board: building lwIP needs 'apt-get source lwip', and "
                        "apt-get or dpkg-source (package dpkg-dev) is missing: " ${_oarc_lwip_fix})
  endif()
  file(MAKE_DIRECTORY ${dir})
  message(STATUS "host-lwip: fetching lwIP with 'apt-get source lwip' into ${dir}")
  execute_process(COMMAND ${OARC_APT_GET} source -qq lwip
                  WORKING_DIRECTORY ${dir}
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "host-lwip board: 'apt-get source lwip' failed (${rc}):\n${err}\n"
                        ${_oarc_lwip_fix})
  endif()
endfunction()

if(OARC_LWIP_SOURCE_DIR)
  set(OARC_LWIP_DIR ${OARC_LWIP_SOURCE_DIR})
else()
  _oarc_lwip_find_unpacked(${_oarc_lwip_fetch_dir} OARC_LWIP_DIR)
  if(NOT OARC_LWIP_DIR)
    _oarc_lwip_fetch(${_oarc_lwip_fetch_dir})
    _oarc_lwip_find_unpacked(${_oarc_lwip_fetch_dir} OARC_LWIP_DIR)
  endif()
endif()
foreach(needed src/include/lwip/opt.h src/api/sockets.c port/sys_arch.c port/netif/tapif.c
               port/include/arch/cc.h)
  if(NOT EXISTS ${OARC_LWIP_DIR}/${needed})
    if(NOT OARC_LWIP_SOURCE_DIR)
      set(_oarc_lwip_fix "delete ${_oarc_lwip_fetch_dir} (an interrupted fetch?) and configure "
                         "again, or " ${_oarc_lwip_fix})
    endif()
    message(FATAL_ERROR "host-lwip board: '${OARC_LWIP_DIR}' is not Debian's lwIP source tree "
                        "(no ${needed}): " ${_oarc_lwip_fix})
  endif()
endforeach()
message(STATUS "host-lwip: lwIP source ${OARC_LWIP_DIR}")

# lwIP's own headers, without any arch/ or lwipopts.h: a board adds those.
set(OARC_LWIP_INCLUDE_DIR ${OARC_LWIP_DIR}/src/include)
# Debian's unix port: arch/cc.h, arch/sys_arch.h, netif/tapif.h.
set(OARC_LWIP_UNIX_INCLUDE_DIR ${OARC_LWIP_DIR}/port/include)

# oarc_add_lwip_library(NAME OPTS_DIR): lwIP core (IPv4 and IPv6, each
# compiled out by lwipopts.h as configured), the sequential and socket APIs,
# Ethernet, and the unix port's sys_arch and tapif, configured by the
# lwipopts.h in OPTS_DIR. lwIP's sources are not ours: they get lwIP's usual
# warnings, not -Werror, and its headers reach users as SYSTEM headers.
function(oarc_add_lwip_library name opts_dir)
  file(GLOB core_srcs ${OARC_LWIP_DIR}/src/core/*.c ${OARC_LWIP_DIR}/src/core/ipv4/*.c
                      ${OARC_LWIP_DIR}/src/core/ipv6/*.c)
  file(GLOB api_srcs ${OARC_LWIP_DIR}/src/api/*.c)
  add_library(${name} STATIC ${core_srcs} ${api_srcs}
              ${OARC_LWIP_DIR}/src/netif/ethernet.c
              ${OARC_LWIP_DIR}/port/sys_arch.c
              ${OARC_LWIP_DIR}/port/netif/tapif.c)
  target_include_directories(${name} SYSTEM PUBLIC
    ${opts_dir} ${OARC_LWIP_INCLUDE_DIR} ${OARC_LWIP_UNIX_INCLUDE_DIR})
  # The unix port's arch/cc.h takes types from the C library (ssize_t from
  # <sys/types.h>, which lwIP's arch.h only trusts when <limits.h> defines
  # SSIZE_MAX): lwIP and every user of its headers must see the same POSIX
  # definitions, or lwip_recv's return type would differ between them.
  target_compile_definitions(${name} PUBLIC _DEFAULT_SOURCE)
  # No -Wall for code that is not ours, but a missing declaration or a
  # mistyped pointer in lwIP is a configuration mistake of ours: an error.
  target_compile_options(${name} PRIVATE -Werror=implicit-function-declaration
                         -Werror=int-conversion -Werror=incompatible-pointer-types)
  find_package(Threads REQUIRED)
  target_link_libraries(${name} PUBLIC Threads::Threads)
endfunction()
