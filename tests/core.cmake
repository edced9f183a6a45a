ng_add_unit(test_core ng_core ZLIB::ZLIB)
