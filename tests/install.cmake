# Installation and documentation (label doc: the man page and the completion cover every
# command and option and render without warnings; label install: cmake --install, the .deb).
set(NG_INSTALL_TESTS ${NG_TEST_DIR}/install)
ng_add_sh(doc_covers_options doc install/test_doc.sh)
ng_add_sh(doc_man_lint doc install/test_man_lint.sh)
add_test(NAME doc_examples_parse COMMAND python3 ${NG_INSTALL_TESTS}/check_examples.py
  $<TARGET_FILE:newsgraph> ${PROJECT_BINARY_DIR}/man/newsgraph.1 ${PROJECT_SOURCE_DIR}/README.md)
set_tests_properties(doc_examples_parse PROPERTIES LABELS doc SKIP_RETURN_CODE 77 TIMEOUT 120)
ng_add_sh(install_prefix install install/test_install.sh)
# A fresh Debian 12 root: about 1 min with the root cached, 4 min the first time.
ng_add_sh(install_deb_fresh_debian install install/test_deb.sh)
set_tests_properties(install_deb_fresh_debian PROPERTIES LABELS "install;slow" TIMEOUT 900)
