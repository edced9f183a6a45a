# Command-line contract, end-to-end golden files, and the dev-set score floor.
ng_add_sh(cli_contract cli cli/test_cli.sh)
ng_add_sh(cli_inputs cli cli/test_inputs.sh)
ng_add_sh(cli_dates cli cli/test_dates.sh)
ng_add_sh(cli_sources cli cli/test_sources.sh)
ng_add_sh(cli_evidence cli cli/test_evidence.sh)
ng_add_sh(evidence_python client clients/check_evidence.sh)
ng_add_sh(golden_fixtures golden cli/test_golden.sh)
ng_add_sh(eval_dev_targets eval cli/test_eval.sh)
ng_add_sh(determinism_threads cli cli/test_determinism.sh)

# The real clients open the fixtures' real outputs (the golden files, which golden_fixtures
# proves equal to what the binary writes today).
set(G ${NG_TEST_DIR}/golden/fixtures)
ng_add_sh(fixtures_graphml_schema client clients/check_xmllint.sh graphml ${G}/fixtures.graphml)
ng_add_sh(fixtures_gexf_schema client clients/check_xmllint.sh gexf ${G}/fixtures.gexf)
ng_add_sh(fixtures_graphml_networkx client clients/check_networkx.sh ${G}/fixtures.graphml)
ng_add_sh(fixtures_gexf_networkx client clients/check_networkx_gexf.sh ${G}/fixtures.gexf)
ng_add_sh(fixtures_graphml_graphology client clients/check_graphology.sh graphml ${G}/fixtures.graphml)
ng_add_sh(fixtures_gexf_graphology client clients/check_graphology.sh gexf ${G}/fixtures.gexf)
ng_add_sh(fixtures_json_cytoscape client clients/check_cytoscape.sh ${G}/fixtures.json)
ng_add_sh(fixtures_dot_graphviz client clients/check_graphviz.sh ${G}/fixtures.dot)
