# Cross build for Cortex-M4F (Thumb-2, hard float): cmake/oarc-cross.cmake,
# whose default core that is, kept under this name for the builds that use it.
# Usage: -DCMAKE_TOOLCHAIN_FILE=cmake/arm-none-eabi.cmake
include(${CMAKE_CURRENT_LIST_DIR}/oarc-cross.cmake)
