ng_add_unit(test_core ng_core ZLIB::ZLIB)
# The reader's kinds of input, encodings, listing and duplicates (core/reader_*.c).
ng_add_unit(test_reader ng_core ZLIB::ZLIB)
set_tests_properties(test_reader PROPERTIES LABELS "unit;hostile")
