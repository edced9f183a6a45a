ng_add_unit(test_core ng_core ZLIB::ZLIB)
# the relation table's internals (relations_internal.h): core's private folder, named here
target_include_directories(test_core PRIVATE ${NG_TEST_DIR}/unit ${PROJECT_SOURCE_DIR}/core)
# The reader's kinds of input, encodings, listing and duplicates (core/reader_*.c).
ng_add_unit(test_reader ng_core ZLIB::ZLIB)
set_tests_properties(test_reader PROPERTIES LABELS "unit;hostile")
