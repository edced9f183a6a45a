# corpus.sh - a user's own relation types and a small corpus that uses them (sourced, not run):
# `visited` (directed, not hostile; people and states visit states) and `feuded` (symmetric,
# hostile; between states and organizations), declared with --relations, given triggers with
# --lexicon. The sentences are made up for these tests. Defines write_relations_corpus DIR,
# which writes DIR/relations.csv, DIR/triggers.csv and DIR/articles/.
write_relations_corpus() {
  local d=$1
  mkdir -p "$d/articles"
  cat >"$d/relations.csv" <<'CSV'
name,direction,hostile,subjects,objects,description
visited,directed,no,person|state,state,"an official visit to a country, by its leader or a delegation"
feuded,symmetric,yes,state|organization,state|organization,a public quarrel between two sides
CSV
  cat >"$d/triggers.csv" <<'CSV'
relation,form,pattern,object,flags
visited,verb,paid/pays/paying a/an * visit,to,
visited,verb,toured/tours/touring,-,
feuded,verb,feuded/feuds/feuding/quarrelled/quarreled,with,pair
CSV
  printf 'date 2024-05-03\nA state visit\n\nSenegal paid a state visit to Mali on Friday.\nChad feuded with Sudan over the border on Thursday.\n' >"$d/articles/a1.txt"
  printf 'date 2024-06-10\nA tour\n\nPresident Bassirou Diomaye Faye of Senegal toured Mali on Monday.\nNiger and Benin feuded over the pipeline.\nNiger condemned Benin.\n' >"$d/articles/a2.txt"
  # a near miss: a plan to visit is no visit
  printf 'date 2024-06-11\nPlans\n\nSenegal plans to pay a visit to Chad next year.\n' >"$d/articles/a3.txt"
}
