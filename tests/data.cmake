# The built-in dictionaries are well-formed and unambiguous (tests/data/check_data.py).
add_test(NAME data_dictionaries COMMAND /usr/bin/python3 ${NG_TEST_DIR}/data/check_data.py ${PROJECT_SOURCE_DIR}/extract/data --self-test)
set_tests_properties(data_dictionaries PROPERTIES LABELS unit)
# The relation table is well-formed and the README's table of relations shows it as it is.
add_test(NAME data_relations COMMAND /usr/bin/python3 ${NG_TEST_DIR}/data/check_relations.py ${PROJECT_SOURCE_DIR}/extract/data/relations.csv ${PROJECT_SOURCE_DIR}/README.md)
set_tests_properties(data_relations PROPERTIES LABELS unit)
