# Command-line contract, end-to-end golden files, and the dev-set score floor.
ng_add_sh(cli_contract cli cli/test_cli.sh)
ng_add_sh(golden_fixtures golden cli/test_golden.sh)
ng_add_sh(eval_dev_targets eval cli/test_eval.sh)
