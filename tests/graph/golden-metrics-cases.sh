# The `newsgraph metrics` golden cases: "output file|arguments" (after the input graph).
# Sourced by golden-metrics.sh (compare) and update-golden-metrics.sh (regenerate).
NG_METRICS_CASES=(
  "metrics.txt|"
  "metrics.csv|--format csv"
  "metrics.md|--format md"
  "top5-betweenness.txt|--sort betweenness --top 5"
  "met-signed.csv|--relations met,signed --format=csv"
  "mentions.md|-s mentions -n 4 -f md"
)
