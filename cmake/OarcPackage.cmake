# What `cmake --install` puts under the prefix, all paths relative to it:
#   lib/liboarc.a, lib/liboarc_port_posix_code.a
#   include/oarc/*.h (oarc_version.h generated), include/oarc_port_*.h
#   share/oarc/port/lwip*/oarc_port_lwip*.c   the lwIP ports, for your own lwIP
#   lib/cmake/oarc/   oarcConfig.cmake, oarcConfigVersion.cmake, oarcTargets*.cmake,
#                     FindMbedTLS.cmake (find_dependency finds mbedTLS again)
#   lib/pkgconfig/    oarc.pc, oarc-port-posix.pc
# A device board installs nothing (its mbedTLS is the board's own build).
include(CMakePackageConfigHelpers)

set(OARC_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/oarc)
set(OARC_PORT_SOURCE_DIR ${CMAKE_INSTALL_DATADIR}/oarc/port)

# oarc_port_source_target(NAME DIR FILE): the lwIP ports need the consumer's
# lwIP (its lwipopts.h and arch/cc.h), so they are given as sources: linking
# oarc::NAME into a target that also links the consumer's lwIP compiles the
# port there.
function(oarc_port_source_target name dir file)
  add_library(oarc_${name} INTERFACE)
  set_target_properties(oarc_${name} PROPERTIES EXPORT_NAME ${name})
  target_sources(oarc_${name} INTERFACE
    $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/port/${dir}/${file}.c>
    $<INSTALL_INTERFACE:${OARC_PORT_SOURCE_DIR}/${dir}/${file}.c>)
  target_include_directories(oarc_${name} INTERFACE
    $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/port/${dir}>
    $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)
  target_link_libraries(oarc_${name} INTERFACE oarc_headers)
  add_library(oarc::${name} ALIAS oarc_${name})
  install(FILES ${PROJECT_SOURCE_DIR}/port/${dir}/${file}.c DESTINATION ${OARC_PORT_SOURCE_DIR}/${dir})
  install(FILES ${PROJECT_SOURCE_DIR}/port/${dir}/${file}.h DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
  install(TARGETS oarc_${name} EXPORT oarcTargets)
endfunction()

install(TARGETS oarc oarc_headers EXPORT oarcTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/lib/include/oarc DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
        FILES_MATCHING PATTERN "*.h")
install(FILES ${PROJECT_BINARY_DIR}/generated/include/oarc/oarc_version.h
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/oarc)

if(OARC_WITH_CLIENT)
  if(NOT OARC_MBEDTLS STREQUAL "system")
    message(STATUS "oarc install: mbedTLS is found again where it is used; with "
                   "OARC_MBEDTLS=${OARC_MBEDTLS} the consumer needs mbedTLS ${OARC_MBEDTLS_MAJOR}.x installed")
  endif()
  if(TARGET oarc_port_posix)
    install(TARGETS oarc_port_posix_code oarc_port_posix EXPORT oarcTargets
            ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
    install(FILES ${PROJECT_SOURCE_DIR}/port/posix/oarc_port_posix.h
            DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
  endif()
  oarc_port_source_target(port_lwip_sources lwip oarc_port_lwip)
  oarc_port_source_target(port_lwip_raw_sources lwip-raw oarc_port_lwip_raw)
  install(FILES ${PROJECT_SOURCE_DIR}/cmake/package/FindMbedTLS.cmake DESTINATION ${OARC_CMAKE_DIR})
endif()

install(EXPORT oarcTargets NAMESPACE oarc:: DESTINATION ${OARC_CMAKE_DIR})
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/package/oarcConfig.cmake.in
  ${PROJECT_BINARY_DIR}/package/oarcConfig.cmake INSTALL_DESTINATION ${OARC_CMAKE_DIR})
# 0.x: a minor version may change the API, so only the same minor matches.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/package/oarcConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/package/oarcConfig.cmake
              ${PROJECT_BINARY_DIR}/package/oarcConfigVersion.cmake
        DESTINATION ${OARC_CMAKE_DIR})

# pkg-config: prefix found from the .pc file's own place (relocatable).
set(OARC_PC_DIR ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
file(RELATIVE_PATH OARC_PC_TO_PREFIX /${OARC_PC_DIR} /)
string(REGEX REPLACE "/$" "" OARC_PC_TO_PREFIX "${OARC_PC_TO_PREFIX}")
foreach(pc oarc oarc-port-posix)
  configure_file(${PROJECT_SOURCE_DIR}/cmake/package/${pc}.pc.in ${PROJECT_BINARY_DIR}/package/${pc}.pc @ONLY)
  install(FILES ${PROJECT_BINARY_DIR}/package/${pc}.pc DESTINATION ${OARC_PC_DIR})
endforeach()
