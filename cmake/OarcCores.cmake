# The device cores oarc is built and sized for, and each one's compiler and
# flags: one table, read by the cross toolchain file (cmake/oarc-cross.cmake),
# the lwIP port's compile check and the size report (tests/size/).
#
#   cortex-m0plus  ARMv6-M: no divide instruction, no unaligned access, soft float
#   cortex-m4f     ARMv7E-M with the single-precision FPU (hard float ABI)
#   cortex-m7      ARMv7E-M with the double-precision FPU (fpv5-d16)
#   rv32imac       RISC-V 32-bit, Debian's gcc-riscv64-unknown-elf and picolibc
#
# The ARM cores link newlib-nano (libnewlib-arm-none-eabi), RV32IMAC picolibc
# (picolibc-riscv64-unknown-elf): the two C libraries Debian ships for them.
include_guard(GLOBAL)

set(OARC_CORES cortex-m0plus cortex-m4f cortex-m7 rv32imac)

# oarc_core_flags(CORE PREFIX_VAR CFLAGS_VAR LDFLAGS_VAR): the tool prefix
# (arm-none-eabi-), the compile flags (a list) and the extra link flags (a
# list) of CORE. Sections per function and object, so a link with
# --gc-sections keeps only what is called.
function(oarc_core_flags core prefix_var cflags_var ldflags_var)
  set(sections -ffunction-sections -fdata-sections)
  set(newlib --specs=nano.specs --specs=nosys.specs)
  if(core STREQUAL "cortex-m0plus")
    set(prefix arm-none-eabi-)
    set(cflags -mcpu=cortex-m0plus -mthumb -mfloat-abi=soft)
    set(ldflags ${newlib})
  elseif(core STREQUAL "cortex-m4f")
    set(prefix arm-none-eabi-)
    set(cflags -mcpu=cortex-m4 -mthumb -mfloat-abi=hard -mfpu=fpv4-sp-d16)
    set(ldflags ${newlib})
  elseif(core STREQUAL "cortex-m7")
    set(prefix arm-none-eabi-)
    set(cflags -mcpu=cortex-m7 -mthumb -mfloat-abi=hard -mfpu=fpv5-d16)
    set(ldflags ${newlib})
  elseif(core STREQUAL "rv32imac")
    set(prefix riscv64-unknown-elf-)
    # picolibc.specs puts picolibc's headers on the compile's include path.
    set(cflags -march=rv32imac_zicsr -mabi=ilp32 --specs=picolibc.specs)
    # GCC 12 picks its multilib (and picolibc's) by -march, and knows the
    # library directory as rv32imac, not rv32imac_zicsr: the link (which
    # also gets the compile flags, specs included) names it so.
    set(ldflags -march=rv32imac)
  else()
    message(FATAL_ERROR "unknown core '${core}': one of ${OARC_CORES}")
  endif()
  set(${prefix_var} ${prefix} PARENT_SCOPE)
  set(${cflags_var} ${cflags} ${sections} PARENT_SCOPE)
  set(${ldflags_var} ${ldflags} PARENT_SCOPE)
endfunction()
