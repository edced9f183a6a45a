# Extraction tests: unit tests of each module (tests/unit/test_extract.c) and the case files
# (tests/cases/*.cases: sentences we wrote and the edges they must and must not give), each
# case file one CTest with the label `cases`.
if(EXISTS ${NG_TEST_DIR}/unit/test_extract.c)
  ng_add_unit(test_extract ng_extract ng_core LibCSV::LibCSV)
  target_include_directories(test_extract PRIVATE ${PROJECT_SOURCE_DIR}/extract)
endif()

add_executable(run_cases ${NG_TEST_DIR}/unit/run_cases.c)
target_link_libraries(run_cases PRIVATE ng_extract ng_core)
file(GLOB NG_CASE_FILES CONFIGURE_DEPENDS ${NG_TEST_DIR}/cases/*.cases)
list(SORT NG_CASE_FILES)
foreach(f IN LISTS NG_CASE_FILES)
  get_filename_component(n ${f} NAME_WE)
  add_test(NAME cases_${n} COMMAND run_cases ${f})
  set_tests_properties(cases_${n} PROPERTIES LABELS cases TIMEOUT 120)
endforeach()

# `newsgraph explain`: every supporting sentence of the edges between two actors.
ng_add_sh(cli_explain cli cli/test_explain.sh)
