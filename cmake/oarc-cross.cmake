# Cross build for one device core (cmake/OarcCores.cmake lists them):
#   cmake -DCMAKE_TOOLCHAIN_FILE=cmake/oarc-cross.cmake -DOARC_CORE=cortex-m0plus ...
# OARC_CORE defaults to cortex-m4f. Debian's gcc-arm-none-eabi with
# libnewlib-arm-none-eabi, or gcc-riscv64-unknown-elf with picolibc.
set(OARC_CORE cortex-m4f CACHE STRING "device core: cortex-m0plus, cortex-m4f, cortex-m7, rv32imac")
# CMake reads this file again for its compiler checks: they need the core too.
list(APPEND CMAKE_TRY_COMPILE_PLATFORM_VARIABLES OARC_CORE)
include(${CMAKE_CURRENT_LIST_DIR}/OarcCores.cmake)
oarc_core_flags(${OARC_CORE} _oarc_prefix _oarc_cflags _oarc_ldflags)
list(JOIN _oarc_cflags " " _oarc_cflags)
list(JOIN _oarc_ldflags " " _oarc_ldflags)

set(CMAKE_SYSTEM_NAME Generic)
if(_oarc_prefix MATCHES "^riscv")
  set(CMAKE_SYSTEM_PROCESSOR riscv32)
else()
  set(CMAKE_SYSTEM_PROCESSOR arm)
endif()
set(CMAKE_C_COMPILER ${_oarc_prefix}gcc)
set(CMAKE_AR ${_oarc_prefix}ar)
set(CMAKE_RANLIB ${_oarc_prefix}ranlib)
set(CMAKE_SIZE ${_oarc_prefix}size)
set(CMAKE_NM ${_oarc_prefix}nm)
# No OS to link a test program against: check the compiler on a static library.
set(CMAKE_TRY_COMPILE_TARGET_TYPE STATIC_LIBRARY)
set(CMAKE_C_FLAGS_INIT "${_oarc_cflags}")
set(CMAKE_EXE_LINKER_FLAGS_INIT "${_oarc_ldflags} -Wl,--gc-sections")
set(CMAKE_C_FLAGS_MINSIZEREL_INIT "-Os -DNDEBUG")
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
