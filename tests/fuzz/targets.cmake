# The fuzz targets and the libraries each links: included by tests/fuzz/CMakeLists.txt
# (libFuzzer binaries, NG_FUZZ=ON) and tests/hostile.cmake (replay binaries, every build).
# A target whose stage does not exist yet is simply not listed; add it when the stage lands.
set(NG_FUZZ_TARGETS fuzz_reader_text fuzz_reader_csv fuzz_reader_html fuzz_reader_jsonl
    fuzz_extract fuzz_lexicon fuzz_dates fuzz_graphml fuzz_shard fuzz_relations)
set(NG_FUZZ_LIBS_fuzz_reader_text ng_core)
set(NG_FUZZ_LIBS_fuzz_reader_csv ng_core)
set(NG_FUZZ_LIBS_fuzz_reader_html ng_core)
set(NG_FUZZ_LIBS_fuzz_reader_jsonl ng_core)
set(NG_FUZZ_LIBS_fuzz_extract ng_extract)
set(NG_FUZZ_LIBS_fuzz_lexicon ng_extract)
set(NG_FUZZ_LIBS_fuzz_dates ng_extract)
set(NG_FUZZ_LIBS_fuzz_graphml ng_graph igraph::igraph)
set(NG_FUZZ_LIBS_fuzz_shard ng_core ZLIB::ZLIB)
set(NG_FUZZ_LIBS_fuzz_relations ng_core)
# The targets that reach inside a stage (its internal header) name its private folder.
set(NG_FUZZ_PRIVATE_fuzz_dates ${PROJECT_SOURCE_DIR}/extract)
set(NG_FUZZ_PRIVATE_fuzz_lexicon ${PROJECT_SOURCE_DIR}/extract)
set(NG_FUZZ_PRIVATE_fuzz_relations ${PROJECT_SOURCE_DIR}/core)
set(NG_FUZZ_PRIVATE_fuzz_graphml ${PROJECT_SOURCE_DIR}/graph)
