#!/usr/bin/env bash
# The Debian package installs and works on a fresh Debian 12: `cpack -G DEB` from this build,
# a minimal Debian 12 root (debootstrap --variant=minbase, built once and cached as a tar),
# `apt-get install ./newsgraph_*.deb` inside it (apt takes the Depends that dpkg-shlibdeps
# computed from Debian's archive: a missing one shows as a library not found), then in the root:
# newsgraph --version, a build on the fixtures (the same graph as this build's), the man page,
# completion and README where Debian puts them, and a clean removal.
# Needs root (chroot), debootstrap, cpack, dpkg-deb and Debian's archive: exit 77 when one is
# missing, or when no root can be built or the archive cannot be reached (nothing to judge).
# Labels install;slow. The root is cached in $NG_DEB_CACHE (default ~/.cache/newsgraph); the
# tar of ../shared/tools/fresh-machine is taken when it exists.
set -u
bin=${NG_BIN:?}; root=${NG_ROOT:?}; build=${NG_BUILD:?}
skip() { echo "skipped: $*"; exit 77; }
[ -z "${NG_VALGRIND:-}" ] || skip "under valgrind (the package's binary is not this build's)"
[ "$(id -u)" = 0 ] || skip "needs root (chroot)"
for t in debootstrap cpack dpkg-deb chroot tar; do
  command -v $t >/dev/null || PATH=$PATH:/usr/sbin:/sbin command -v $t >/dev/null || skip "no $t"
done
export PATH=$PATH:/usr/sbin:/sbin
cache=${NG_DEB_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/newsgraph}
base=$cache/bookworm-minbase.tar
fm=${XDG_CACHE_HOME:-$HOME/.cache}/fresh-machine/bookworm-minbase.tar
tmp=$(mktemp -d /var/tmp/newsgraph-deb.XXXXXX)
fresh=$tmp/root
cleanup() {
  umount -l "$fresh/proc" 2>/dev/null
  rm -rf --one-file-system "$tmp"
}
trap cleanup EXIT
fails=0; passed=0
ok() { passed=$((passed + 1)); }
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
in_root() { chroot "$fresh" /usr/bin/env -i PATH=/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin \
  HOME=/root LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive /bin/bash -c "$1"; }

# 1. The package, from this build.
(cd "$tmp" && cpack -G DEB --config "$build/CPackConfig.cmake" -B "$tmp/pkg") >"$tmp/cpack.log" 2>&1 ||
  { cat "$tmp/cpack.log"; echo "FAIL: cpack -G DEB"; exit 1; }
deb=$(ls "$tmp"/pkg/newsgraph_*.deb 2>/dev/null | head -n1)
[ -n "$deb" ] || { echo "FAIL: cpack wrote no newsgraph_*.deb"; exit 1; }
depends=$(dpkg-deb -f "$deb" Depends)
echo "package: $(basename "$deb"), Depends: $depends"
for lib in libigraph3 libcsv3 zlib1g libc6; do
  [[ ", $depends" == *", $lib "* ]] && ok || fail "Depends lacks $lib: $depends"
done

# 2. A fresh Debian 12 root.
if [ ! -s "$base" ] && [ -s "$fm" ]; then base=$fm; fi
if [ ! -s "$base" ]; then
  mkdir -p "$cache"
  mirror=$(sed -n 's/^URIs: *//p' /etc/apt/sources.list.d/debian.sources 2>/dev/null | head -n1)
  [ -n "$mirror" ] || mirror=$(awk '$1=="deb"{print $2; exit}' /etc/apt/sources.list 2>/dev/null)
  [ -n "$mirror" ] || skip "no Debian mirror in the apt sources"
  echo "building a minimal Debian 12 root in $cache (once)"
  debootstrap --variant=minbase bookworm "$tmp/boot" "$mirror" >"$tmp/boot.log" 2>&1 ||
    { tail -n 5 "$tmp/boot.log"; skip "debootstrap failed (Debian's archive not reachable?)"; }
  cp /etc/apt/sources.list.d/*.sources "$tmp/boot/etc/apt/sources.list.d/" 2>/dev/null &&
    rm -f "$tmp/boot/etc/apt/sources.list"
  tar -C "$tmp/boot" -cf "$base.part.$$" . && mv "$base.part.$$" "$base"
  rm -rf --one-file-system "$tmp/boot"
fi
mkdir "$fresh" && tar -C "$fresh" -xf "$base" || { echo "FAIL: cannot unpack $base"; exit 1; }
cp /etc/resolv.conf "$fresh/etc/resolv.conf" 2>/dev/null
mount -t proc proc "$fresh/proc" || skip "cannot mount /proc in the root"
cp "$deb" "$fresh/tmp/" && cp -r "$root/fixtures/seeds" "$fresh/tmp/seeds"
in_root 'command -v newsgraph' >/dev/null && fail "the fresh root already has a newsgraph"

# 3. Install it as a user would; apt brings the Depends.
in_root 'apt-get update -qq' >"$tmp/update.log" 2>&1 || { tail -n 5 "$tmp/update.log"; skip "apt-get update failed in the root (archive not reachable)"; }
if in_root "apt-get install -y -qq --no-install-recommends /tmp/$(basename "$deb")" >"$tmp/install.log" 2>&1; then ok; else
  tail -n 20 "$tmp/install.log"; fail "apt-get install ./$(basename "$deb")"; fi

# 4. It works there.
[ "$(in_root 'newsgraph --version')" = "$("$bin" --version)" ] && ok || fail "newsgraph --version in the root"
in_root 'ldd /usr/bin/newsgraph' | grep -q 'not found' && fail "a library is missing: $(in_root 'ldd /usr/bin/newsgraph' | grep 'not found')"
in_root 'newsgraph build -q /tmp/seeds -o /tmp/g.graphml -o /tmp/g.gexf' && ok || fail "newsgraph build in the root"
"$bin" build -q "$root/fixtures/seeds" -o "$tmp/g.graphml"
cmp -s "$fresh/tmp/g.graphml" "$tmp/g.graphml" && ok || fail "the packaged binary writes another graph"
for f in /usr/bin/newsgraph /usr/share/man/man1/newsgraph.1 /usr/share/bash-completion/completions/newsgraph \
         /usr/share/doc/newsgraph/README.md; do
  in_root "dpkg -S $f" >/dev/null 2>&1 && ok || fail "$f is not the package's"
done
in_root 'source /usr/share/bash-completion/completions/newsgraph && complete -p newsgraph' | grep -q _newsgraph &&
  ok || fail "the completion does not register in the root"
in_root 'apt-get remove -y -qq newsgraph' >/dev/null 2>&1 && ! [ -e "$fresh/usr/bin/newsgraph" ] && ok ||
  fail "apt-get remove newsgraph"
echo "deb: $passed passed, $fails failed"
[ $fails = 0 ]
