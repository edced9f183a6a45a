#!/usr/bin/env bash
# usage: check_graphology.sh graphml|gexf FILE...
# graphology-graphml / graphology-gexf parse each file with the options Gephi Lite uses and must
# see every node, edge, kind and attribute with its declared type (see graphology_check.js).
set -u
. "$(dirname "$0")/lib.sh"
kind=${1:-}; shift || true
need_node_modules
need_files "$@"
exec node "$clients_dir/graphology_check.js" "$kind" "$@"
