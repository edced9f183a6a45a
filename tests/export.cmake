# The export stage.
# unit:   every writer's bytes on small hostile graphs built through the graph API.
# client: the real clients (xmllint + schemas, NetworkX, igraph, graphology as Gephi Lite uses
#         it, cytoscape, Graphviz, Python's csv) load sample outputs written by export_samples;
#         each check script takes file paths, so the end-to-end tests reuse them on real runs.
ng_add_unit(test_export ng_export ng_graph ng_core LibCSV::LibCSV ZLIB::ZLIB m)
# the writers' internals (export_internal.h): export's private folder, named here
target_include_directories(test_export PRIVATE ${NG_TEST_DIR}/unit ${PROJECT_SOURCE_DIR}/export)

add_executable(export_samples ${NG_TEST_DIR}/clients/export_samples.c)
target_include_directories(export_samples PRIVATE ${NG_TEST_DIR}/unit)
target_link_libraries(export_samples PRIVATE ng_export ng_graph ng_core)

# igraph's own GraphML reader, for tests/clients/check_igraph.sh ($NG_BUILD/tests/ng_igraph_read).
add_executable(ng_igraph_read ${NG_TEST_DIR}/clients/igraph_read.c)
target_link_libraries(ng_igraph_read PRIVATE igraph::igraph)
set_target_properties(ng_igraph_read PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR}/tests)

set(S ${CMAKE_CURRENT_BINARY_DIR}/export-samples)
add_test(NAME export_samples COMMAND export_samples ${S})
set_tests_properties(export_samples PROPERTIES LABELS client FIXTURES_SETUP export_samples)

function(ng_export_client name script)
  ng_add_sh(${name} client clients/${script} ${ARGN})
  set_tests_properties(${name} PROPERTIES FIXTURES_REQUIRED export_samples)
endfunction()

set(GRAPHS ${S}/hostile ${S}/plain ${S}/empty)
list(TRANSFORM GRAPHS APPEND .graphml OUTPUT_VARIABLE GRAPHML)
list(TRANSFORM GRAPHS APPEND .gexf OUTPUT_VARIABLE GEXF)
list(TRANSFORM GRAPHS APPEND .dot OUTPUT_VARIABLE DOT)
list(TRANSFORM GRAPHS APPEND .json OUTPUT_VARIABLE JSON)

ng_export_client(export_graphml_schema check_xmllint.sh graphml ${GRAPHML})
ng_export_client(export_gexf_schema check_xmllint.sh gexf ${GEXF})
ng_export_client(export_graphml_networkx check_networkx.sh ${GRAPHML})
ng_export_client(export_gexf_networkx check_networkx_gexf.sh ${GEXF})
ng_export_client(export_graphml_igraph check_igraph.sh ${GRAPHML})
ng_export_client(export_graphml_graphology check_graphology.sh graphml ${GRAPHML})
ng_export_client(export_gexf_graphology check_graphology.sh gexf ${GEXF})
ng_export_client(export_json_cytoscape check_cytoscape.sh ${JSON})
ng_export_client(export_dot_graphviz check_graphviz.sh ${DOT})
ng_export_client(export_csv_tables check_csv.sh
  ${S}/hostile.nodes.csv ${S}/hostile.edges.csv ${S}/plain.nodes.csv ${S}/plain.edges.csv
  ${S}/empty.nodes.csv ${S}/empty.edges.csv)
ng_export_client(export_gzip_same_bytes check_gzip.sh
  ${S}/hostile.graphml.gz ${S}/hostile.graphml ${S}/hostile.gexf.gz ${S}/hostile.gexf
  ${S}/plain.graphml.gz ${S}/plain.graphml)
# The checks above must be able to fail: each is run on a broken copy of a sample.
ng_export_client(export_checks_reject_broken_files check_negative.sh ${S})
# newsgraph's own GraphML, hostile text included, is in the one-pass reader's dialect
# (graph/graphml_fast.c) and read by it as igraph's reader reads it.
add_test(NAME graphml_read_export_samples COMMAND test_graphml_read -s files_read_the_same_both_ways
  ${S}/hostile.graphml ${S}/plain.graphml ${S}/empty.graphml)
set_tests_properties(graphml_read_export_samples PROPERTIES LABELS unit FIXTURES_REQUIRED export_samples)
