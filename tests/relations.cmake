# Relation types a user declares (--relations) and gives triggers (--lexicon): end to end
# through build, every export, extract + merge, metrics, eval, report and explain, the errors
# of a wrong file (exit 2, one line, even with -q), and the real clients on the exports.
ng_add_sh(relations_user_types cli relations/test_relations.sh)
ng_add_sh(relations_user_types_clients client relations/test_relations_clients.sh)
