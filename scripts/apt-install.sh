# Sourced by install-deps and install-test-deps: apt_install WHO PACKAGE... installs the packages
# that are not installed yet (one apt-get call, none when all are there), with sudo when not root.
apt_install() {
  local who=$1 p missing=() sudo=""
  shift
  [ "$(id -u)" = 0 ] || sudo="sudo"
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -gt 0 ] || return 0
  echo "$who: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}
