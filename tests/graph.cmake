# Tests of the graph stage (graph/): the unit tests, and every metric checked against NetworkX.
ng_add_unit(test_graph ng_graph ng_core ZLIB::ZLIB m)
# the graph's containers (graph_internal.h: the integer sort, the string pool): graph's private
# folder, named here
ng_add_unit(test_graph_util ng_graph ng_core igraph::igraph m)
target_include_directories(test_graph_util PRIVATE ${PROJECT_SOURCE_DIR}/graph)

# ng_metrics_dump prints the metrics of a GraphML graph at full precision for the NetworkX
# check; check_networkx.py builds its own small graphs and also checks the fixtures' graph
# when the golden GraphML exists.
add_executable(ng_metrics_dump ${NG_TEST_DIR}/graph/metrics_dump.c)
target_link_libraries(ng_metrics_dump PRIVATE ng_graph ng_core)
set(NG_GRAPH_NX_ARGS $<TARGET_FILE:ng_metrics_dump>)
file(GLOB NG_GRAPH_NX_GRAPHS ${NG_TEST_DIR}/golden/*/*.graphml)
list(SORT NG_GRAPH_NX_GRAPHS)
add_test(NAME graph_metrics_networkx
         COMMAND /usr/bin/python3 ${NG_TEST_DIR}/graph/check_networkx.py ${NG_GRAPH_NX_ARGS}
                 ${NG_GRAPH_NX_GRAPHS})
set_tests_properties(graph_metrics_networkx PROPERTIES LABELS client SKIP_RETURN_CODE 77 TIMEOUT 300)

# `newsgraph metrics`: golden output in each format, and its command-line behaviour.
ng_add_sh(graph_metrics_golden golden graph/golden-metrics.sh)
ng_add_sh(graph_metrics_cli cli graph/cli-metrics.sh)

# Betweenness, closeness and harmonic (issues 7, 16): the exact values against igraph's, bit
# for bit, on 1-3 threads (igraph is linked for the reference only); the budget's boundary;
# the same sample and bytes on every thread count; a mid-size sanity bound on the estimate.
ng_add_unit(test_metrics_sampling ng_graph ng_core igraph::igraph ZLIB::ZLIB m)
# Every metric on paths, stars, disconnected, regular and near-regular graphs, one node,
# none, several relations per pair; eigenvector centrality's fallback and its empty result
# with a warning when ARPACK does not converge (issue 18).
ng_add_unit(test_metrics_shapes ng_graph ng_core ZLIB::ZLIB m)
# ng_metrics_accuracy measures the sampling error on a graph (bench/metrics-scale --accuracy;
# the numbers in graph/README.md); `newsgraph metrics --exact` on the command line.
add_executable(ng_metrics_accuracy ${NG_TEST_DIR}/graph/metrics_accuracy.c)
target_link_libraries(ng_metrics_accuracy PRIVATE ng_graph ng_core m)

# The one-pass GraphML reader of `newsgraph metrics` (graph/graphml_fast.c) against igraph's:
# documents written here and every golden GraphML and fuzz input read both ways.
add_executable(test_graphml_read ${NG_TEST_DIR}/unit/test_graphml_read.c)
target_include_directories(test_graphml_read PRIVATE ${NG_TEST_DIR}/unit ${PROJECT_SOURCE_DIR}/graph)
target_link_libraries(test_graphml_read PRIVATE ng_graph ng_core igraph::igraph ZLIB::ZLIB m)
file(GLOB NG_GRAPHML_READ_FILES ${NG_TEST_DIR}/golden/*/*.graphml
     ${NG_TEST_DIR}/fuzz/corpus/fuzz_graphml/* ${NG_TEST_DIR}/fuzz/regressions/fuzz_graphml/*)
list(SORT NG_GRAPHML_READ_FILES)
add_test(NAME test_graphml_read COMMAND test_graphml_read ${NG_GRAPHML_READ_FILES})
set_tests_properties(test_graphml_read PROPERTIES LABELS unit SKIP_RETURN_CODE 77 TIMEOUT 120)
# ng_graphml_read_time times one GraphML read, one-pass or igraph (docs/performance.md).
add_executable(ng_graphml_read_time ${NG_TEST_DIR}/graph/graphml_read_time.c)
target_include_directories(ng_graphml_read_time PRIVATE ${PROJECT_SOURCE_DIR}/graph)
target_link_libraries(ng_graphml_read_time PRIVATE ng_graph ng_core igraph::igraph ZLIB::ZLIB m)
