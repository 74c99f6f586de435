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

include(OarcDebianSource)

set(_oarc_lwip_fix "run 'sh scripts/deps.sh' as root (it adds deb-src entries derived from the "
                   "machine's apt sources and installs dpkg-dev), or point OARC_LWIP_SOURCE_DIR at an "
                   "unpacked lwIP source tree, or configure with -DOARC_HOST_LWIP=OFF")

if(OARC_LWIP_SOURCE_DIR)
  set(OARC_LWIP_DIR ${OARC_LWIP_SOURCE_DIR})
else()
  # The machine's own suite: its lwIP (2.1.3 on Debian 12) is the one the
  # ports and boards are written and tested against.
  oarc_debian_machine_suite(_oarc_lwip_suite)
  oarc_debian_source(lwip "${_oarc_lwip_suite}" ${PROJECT_BINARY_DIR}/lwip-source "lwip-*"
                     OARC_LWIP_DIR "${_oarc_lwip_fix}")
endif()
oarc_debian_source_check("lwIP" ${OARC_LWIP_DIR} "${_oarc_lwip_fix}"
  src/include/lwip/opt.h src/api/sockets.c port/sys_arch.c port/netif/tapif.c
  port/include/arch/cc.h)
message(STATUS "host-lwip: lwIP source ${OARC_LWIP_DIR}")

# lwIP's own headers, without any arch/ or lwipopts.h: a board adds those.
set(OARC_LWIP_INCLUDE_DIR ${OARC_LWIP_DIR}/src/include)
# Debian's unix port: arch/cc.h, arch/sys_arch.h, netif/tapif.h.
set(OARC_LWIP_UNIX_INCLUDE_DIR ${OARC_LWIP_DIR}/port/include)

# lwIP's core (IPv4 and IPv6, each compiled out by lwipopts.h as configured)
# and Ethernet: what every build of lwIP has, threads or not.
function(_oarc_lwip_core_sources out)
  file(GLOB srcs ${OARC_LWIP_DIR}/src/core/*.c ${OARC_LWIP_DIR}/src/core/ipv4/*.c
                 ${OARC_LWIP_DIR}/src/core/ipv6/*.c)
  set(${out} ${srcs} ${OARC_LWIP_DIR}/src/netif/ethernet.c PARENT_SCOPE)
endfunction()

# oarc_add_lwip_core_library(NAME OPTS_DIR ARCH_DIR): lwIP's core and
# Ethernet alone, no sequential or socket API and no sys_arch: the NO_SYS=1
# (raw API) build a bare-metal board or a polled host board uses. OPTS_DIR
# holds lwipopts.h, ARCH_DIR arch/cc.h (and whatever else the board's arch
# needs); the board adds its netif and sys_now(). Same warning policy as
# below: lwIP's code is not ours.
function(oarc_add_lwip_core_library name opts_dir arch_dir)
  _oarc_lwip_core_sources(srcs)
  add_library(${name} STATIC ${srcs})
  target_include_directories(${name} SYSTEM PUBLIC ${opts_dir} ${OARC_LWIP_INCLUDE_DIR} ${arch_dir})
  target_compile_options(${name} PRIVATE -Werror=implicit-function-declaration
                         -Werror=int-conversion -Werror=incompatible-pointer-types)
endfunction()

# oarc_add_lwip_library(NAME OPTS_DIR): lwIP core (IPv4 and IPv6, each
# compiled out by lwipopts.h as configured), the sequential and socket APIs,
# Ethernet, and the unix port's sys_arch and tapif, configured by the
# lwipopts.h in OPTS_DIR. lwIP's sources are not ours: they get lwIP's usual
# warnings, not -Werror, and its headers reach users as SYSTEM headers.
function(oarc_add_lwip_library name opts_dir)
  _oarc_lwip_core_sources(core_srcs)
  file(GLOB api_srcs ${OARC_LWIP_DIR}/src/api/*.c)
  add_library(${name} STATIC ${core_srcs} ${api_srcs}
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
