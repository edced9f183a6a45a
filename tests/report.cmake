# The report stage (report/: ng_report.h, model, picture, writers), the report command
# (cli/cmd_report.c) and the progress line (cli/progress.c).
# unit:   the report's model (rankings, communities, matrix, timeline), escaping, the public
#         API's format table, the progress line's text and size estimate, on graphs built
#         through the graph API.
# client: report_samples writes the report of the export tests' hostile/plain/empty graphs
#         through ng_report.h alone; xmllint and html5lib validate them (check_samples.sh).
#         End to end over the fixtures and tiny inputs (test_report.sh), in headless Chromium
#         (test_chromium.sh), and the progress line on a pseudo-terminal (test_progress.sh).
# test_report reaches inside the stages it tests: report's internal header (the model) and
# cli's progress line, whose folders it names as private include paths.
ng_add_unit(test_report ng_report ng_graph ng_core ZLIB::ZLIB Threads::Threads m)
target_sources(test_report PRIVATE ${PROJECT_SOURCE_DIR}/cli/progress.c
  ${PROJECT_SOURCE_DIR}/cli/opt.c)
target_include_directories(test_report PRIVATE ${PROJECT_SOURCE_DIR}/report
  ${PROJECT_SOURCE_DIR}/cli)

add_executable(report_samples ${NG_TEST_DIR}/report/report_samples.c)
target_include_directories(report_samples PRIVATE ${NG_TEST_DIR}/unit)
target_link_libraries(report_samples PRIVATE ng_report ng_graph ng_core m)
add_test(NAME report_samples COMMAND report_samples ${CMAKE_CURRENT_BINARY_DIR}/report-samples)
set_tests_properties(report_samples PROPERTIES LABELS client FIXTURES_SETUP report_samples)
file(MAKE_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR}/report-samples)

ng_add_sh(report_samples_valid client report/check_samples.sh ${CMAKE_CURRENT_BINARY_DIR}/report-samples)
set_tests_properties(report_samples_valid PROPERTIES FIXTURES_REQUIRED report_samples)
ng_add_sh(report_end_to_end cli report/test_report.sh)
ng_add_sh(report_chromium client report/test_chromium.sh)
ng_add_sh(report_progress_tty cli report/test_progress.sh)
