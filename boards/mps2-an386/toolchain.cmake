# The mps2-an386 board (QEMU's Cortex-M4F): arm-none-eabi-gcc for Cortex-M4
# hard float (cmake/arm-none-eabi.cmake) with Debian's picolibc
# (picolibc-arm-none-eabi) as the C library; the board brings its own
# startup and linker script. Usage:
#   cmake -S . -B build-mps2 -DCMAKE_TOOLCHAIN_FILE=boards/mps2-an386/toolchain.cmake \
#         -DOARC_BOARD=mps2-an386 -DCMAKE_BUILD_TYPE=MinSizeRel
include(${CMAKE_CURRENT_LIST_DIR}/../../cmake/arm-none-eabi.cmake)
string(APPEND CMAKE_C_FLAGS_INIT " --specs=picolibc.specs")
set(CMAKE_EXE_LINKER_FLAGS_INIT "-nostartfiles -Wl,--gc-sections")
set(OARC_BOARD mps2-an386 CACHE STRING "")
# mbedTLS 3.6 built from Debian's source package with the board's whole config.
set(OARC_MBEDTLS source CACHE STRING "")
set(OARC_MBEDTLS_BOARD_CONFIG ${CMAKE_CURRENT_LIST_DIR}/mbedtls_board_config.h CACHE FILEPATH "")
