# `cmake --install` and a Debian package (cpack -G DEB; scripts/build-deb.sh): the app and the
# engine side by side in bin/ (the window starts the engine from its own folder), the desktop
# entry, icon and AppStream metadata so DistLab appears in the desktop's menu, and the lessons'
# presets for the command line. The translations and presets are also inside the app (Qt
# resources); the .qm files are installed for tools that look for them.
include(GNUInstallDirs)

# Keep the serial OpenBLAS the build linked: the alternatives' libopenblas.so.0 may be the
# threaded one, and every worker process must stay on one thread.
set(distlab_openblas_rpath "/usr/lib/${CMAKE_LIBRARY_ARCHITECTURE}/openblas-serial")
set_target_properties(distlab-engine PROPERTIES INSTALL_RPATH "${distlab_openblas_rpath}")
install(TARGETS distlab-engine RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES ${DISTLAB_PRESETS} DESTINATION ${CMAKE_INSTALL_DATADIR}/distlab/lessons)
if(DISTLAB_BUILD_GUI)
  set_target_properties(distlab PROPERTIES INSTALL_RPATH "${distlab_openblas_rpath}")
  install(TARGETS distlab RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
  install(FILES resources/io.github.distlab.DistLab.desktop
          DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
  install(FILES resources/io.github.distlab.DistLab.svg
          DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
  install(FILES resources/io.github.distlab.DistLab.metainfo.xml
          DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
  install(FILES ${DISTLAB_QM_FILES} DESTINATION ${CMAKE_INSTALL_DATADIR}/distlab/translations)
endif()

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME distlab)
set(CPACK_PACKAGE_VENDOR "DistLab")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "Distributed learning lab: watch neural networks train on a real multi-process cluster")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "DistLab developers <distlab@localhost>")
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)  # the libraries' packages, from the binaries
# The serial OpenBLAS the binaries' RUNPATH names (dpkg-shlibdeps sees only "libopenblas0").
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libopenblas0-serial")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "dataset-fashion-mnist, fonts-noto-cjk, openmpi-bin")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
include(CPack)
