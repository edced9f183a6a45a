#!/usr/bin/env bash
# usage: check_cytoscape.sh FILE.json...
# Headless cytoscape loads the elements; every element and data field must survive.
set -u
. "$(dirname "$0")/lib.sh"
need_node_modules
need_files "$@"
exec node "$clients_dir/cytoscape_check.js" "$@"
