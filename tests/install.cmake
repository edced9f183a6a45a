# Installation and documentation (label doc: the man page and the completion cover every
# command and option and render without warnings; label install: cmake --install, the .deb).
ng_add_sh(doc_covers_options doc install/test_doc.sh)
ng_add_sh(doc_man_lint doc install/test_man_lint.sh)
ng_add_sh(doc_examples_parse doc install/test_examples.sh)
ng_add_sh(install_prefix install install/test_install.sh)
# A fresh Debian 12 root: about 1 min with the root cached, 4 min the first time.
ng_add_sh(install_deb_fresh_debian install install/test_deb.sh)
set_tests_properties(install_deb_fresh_debian PROPERTIES LABELS "install;slow" TIMEOUT 900)
