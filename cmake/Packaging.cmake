# Installation and the Debian package.
#   cmake --install build --prefix PREFIX   puts under PREFIX:
#     bin/newsgraph
#     share/man/man1/newsgraph.1                          (generated: man/)
#     share/bash-completion/completions/newsgraph         (generated: man/)
#     share/doc/newsgraph/README.md, LICENSE, docs/
#   cd build && cpack -G DEB                              builds newsgraph_VERSION_ARCH.deb
# The package's Depends are computed by dpkg-shlibdeps from the libraries the binary really
# links (igraph, libcsv, zlib and whatever is added later), so they cannot drift either.
include(GNUInstallDirs)

install(TARGETS newsgraph RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES ${NG_MAN_PAGE} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${NG_BASH_COMPLETION} DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
  RENAME newsgraph)
install(FILES README.md LICENSE DESTINATION ${CMAKE_INSTALL_DOCDIR})
# The README links to docs/ (pictures, longer notes): keep the links working.
install(DIRECTORY docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/docs)

set(CPACK_PACKAGE_NAME newsgraph)
set(CPACK_PACKAGE_VENDOR "newsgraph")
set(CPACK_PACKAGE_CONTACT "newsgraph maintainers <maintainers@users.noreply.h-seed-52a66cd1.example>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "turn news articles into a knowledge graph of political actors")
# One string: a CMake list would join its parts with ';'.
set(CPACK_PACKAGE_DESCRIPTION "newsgraph reads news articles (text, gzip, directories, CSV \
corpora), finds the political actors they name and the relations the text asserts between them, \
merges every spelling of an actor into one node, computes centrality and communities with \
igraph, and writes the graph as GraphML, GEXF, DOT, CSV and Cytoscape.js JSON, with the \
evidence sentence, article and date behind every edge.")
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)            # newsgraph_0.1.0_amd64.deb
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)             # Depends from the real links
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS graphviz)      # the picture in `newsgraph report`
set(CPACK_DEBIAN_PACKAGE_SUGGESTS bash-completion)
include(CPack)
