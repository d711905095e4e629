# `cmake --install`: the library, its headers, the CLI, and a CMake package so that a consumer
# writes find_package(seatsim) and target_link_libraries(app seatsim::seatsim).
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(SEATSIM_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/seatsim)
set_target_properties(seatsim PROPERTIES EXPORT_NAME seatsim)
install(TARGETS seatsim EXPORT seatsimTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(TARGETS seatsim_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/seatsim DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(FILES ${PROJECT_SOURCE_DIR}/LICENSE ${PROJECT_SOURCE_DIR}/CHANGELOG.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(EXPORT seatsimTargets NAMESPACE seatsim:: DESTINATION ${SEATSIM_CMAKE_DIR})
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/seatsimConfig.cmake.in
                              ${PROJECT_BINARY_DIR}/seatsimConfig.cmake INSTALL_DESTINATION ${SEATSIM_CMAKE_DIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/seatsimConfigVersion.cmake
                                 COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/seatsimConfig.cmake ${PROJECT_BINARY_DIR}/seatsimConfigVersion.cmake
        DESTINATION ${SEATSIM_CMAKE_DIR})
