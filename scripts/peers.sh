#!/usr/bin/env bash
# Build the real peers the tests run (Trivy, cosign 3 and 2, the Kyverno CLI, policy-controller's
# tester) from the Go module proxy, pinned, into a cache outside the repository keyed by tool and
# version: a second run builds nothing. Prints one line per tool: name, version, path, seconds.
#
#   scripts/peers.sh            build what is missing
#   scripts/peers.sh --print    print the bin directory of each tool (for the tests), build nothing
#
# A tool that fails to build is reported with its command and the last lines of its error, the
# others are still built, and the exit status is 0 so the rest of the suite runs: the tests that
# need a missing tool say so and fail (see test/support/peers.ts). Set SHIPGATE_PEERS_STRICT=1 to
# exit non-zero instead.
set -uo pipefail

PEERS_DIR=${SHIPGATE_PEERS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/shipgate-peers}

# v0.75.0 (the action's default) is refused by the module proxy ("This module version is not available"),
# so Trivy is the newest version it serves, v0.74.0, which the action also pins. Trivy imports
# encoding/json/v2, which Go 1.26 only builds with GOEXPERIMENT=jsonv2 (as Trivy's own release does).
# Each project stamps its version at link time (-X, as its release build does); without it Trivy
# reports "dev", which the action rightly refuses to reuse for `trivy-version: 0.74.0`, and the
# reports would not name the version users run. @V@ is replaced by the version.
# name | module | package inside the module | version | build environment | version ldflags
TOOLS=(
  "trivy|github.com/aquasecurity/trivy|./cmd/trivy|v0.74.0|GOEXPERIMENT=jsonv2|-X github.com/aquasecurity/trivy/pkg/version/app.ver=@V@"
  "cosign3|github.com/sigstore/cosign/v3|./cmd/cosign|v3.1.3||-X sigs.k8s.io/release-utils/version.gitVersion=v@V@"
  "cosign2|github.com/sigstore/cosign/v2|./cmd/cosign|v2.6.5||-X sigs.k8s.io/release-utils/version.gitVersion=v@V@"
  "kyverno|github.com/kyverno/kyverno|./cmd/cli/kubectl-kyverno|v1.19.1||-X github.com/kyverno/kyverno/pkg/version.BuildVersion=v@V@"
  "policy-tester|github.com/sigstore/policy-controller|./cmd/tester|v0.15.1||-X sigs.k8s.io/release-utils/version.gitVersion=v@V@"
)

# Requirements the module proxy refuses ("403 This module version is not available"), replaced by
# the newest version it serves. policy-controller v0.15.1 requires go-containerregistry's
# authn/k8schain and authn/kubernetes at v0.0.0-20260317232201-3888fb8f8738; the proxy's newest is
# v0.0.0-20260205022027-93aa2732266a (used only by the webhook's Kubernetes keychain, not by the
# tester's verification path). name | module=replacement ...
REPLACES=(
  "policy-tester|github.com/google/go-containerregistry/pkg/authn/k8schain=github.com/google/go-containerregistry/pkg/authn/k8schain@v0.0.0-20260205022027-93aa2732266a github.com/google/go-containerregistry/pkg/authn/kubernetes=github.com/google/go-containerregistry/pkg/authn/kubernetes@v0.0.0-20260205022027-93aa2732266a"
)
replaces_of() { for r in "${REPLACES[@]}"; do [ "${r%%|*}" = "$1" ] && echo "${r#*|}"; done; }

bin_of() { echo "$PEERS_DIR/$1/$2/$1"; }

# The test vulnerability-DB builder (test/trivy-db, a local Go module pinning trivy-db), keyed by
# the hash of its source so an edit rebuilds it and an unchanged tree reuses it.
REPO=$(cd "$(dirname "$0")/.." && pwd)
TRIVY_DB_SRC="$REPO/test/trivy-db"
trivy_db_key() { (cd "$TRIVY_DB_SRC" && cat go.mod go.sum $(ls *.go | sort)) | sha256sum | cut -c1-16; }

if [ "${1:-}" = "--print" ]; then
  for t in "${TOOLS[@]}"; do
    IFS='|' read -r name module pkg version genv vflags <<<"$t"
    echo "$name $version $(bin_of "$name" "$version")"
  done
  key=$(trivy_db_key)
  echo "trivy-db-build $key $(bin_of trivy-db-build "$key")"
  exit 0
fi

if ! command -v go >/dev/null 2>&1; then
  echo "peers: go is not on PATH; install Go 1.26 (the real-peer tests need it)" >&2
  # Not `exit "${SHIPGATE_PEERS_STRICT:+1}"`: an empty argument makes bash exit 2.
  if [ -n "${SHIPGATE_PEERS_STRICT:-}" ]; then exit 1; fi
  exit 0
fi

failed=0
for t in "${TOOLS[@]}"; do
  IFS='|' read -r name module pkg version genv vflags <<<"$t"
  out=$(bin_of "$name" "$version")
  ldflags="-s -w ${vflags//@V@/${version#v}}"
  # The recipe beside the binary: a binary built another way (older script) is rebuilt, which
  # only relinks when Go's build cache still holds the packages.
  replaces=$(replaces_of "$name")
  recipe="$module@$version $pkg ${genv:-} $ldflags${replaces:+ replace $replaces}"
  if [ -x "$out" ] && [ "$(cat "$out.recipe" 2>/dev/null)" = "$recipe" ]; then
    echo "$name $version $out cached"
    continue
  fi
  mkdir -p "$(dirname "$out")"
  log="$(dirname "$out")/build.log"
  start=$(date +%s)
  # A module whose go.mod has replace directives cannot be 'go install'ed by version: build it
  # inside its downloaded copy instead, which honours them. Both paths build the same pinned source.
  dir=$(go mod download -json "$module@$version" 2>>"$log" | sed -n 's/^\s*"Dir": "\(.*\)",\?$/\1/p')
  if [ -z "$dir" ]; then
    echo "$name $version FAILED: go mod download $module@$version (see $log)" >&2
    tail -5 "$log" >&2
    failed=1
    continue
  fi
  modflags=()
  if [ -n "$replaces" ]; then
    # The module cache is read-only: build a writable copy with the replacements applied.
    copy="$(dirname "$out")/src"
    rm -rf "$copy" && cp -r "$dir" "$copy" && chmod -R u+w "$copy" && dir=$copy
    for rep in $replaces; do (cd "$dir" && go mod edit -replace "$rep") >>"$log" 2>&1; done
    modflags=(-mod=mod)
  fi
  if (cd "$dir" && env ${genv:-} CGO_ENABLED=0 go build "${modflags[@]}" -trimpath -ldflags "$ldflags" -o "$out.tmp" "$pkg") >>"$log" 2>&1; then
    mv "$out.tmp" "$out"
    echo "$recipe" >"$out.recipe"
    echo "$name $version $out built in $(( $(date +%s) - start ))s" | tee -a "$PEERS_DIR/timings.log"
  else
    echo "$name $version FAILED: (cd \$(go mod download -json $module@$version).Dir && go build $pkg) (see $log)" >&2
    tail -5 "$log" >&2
    failed=1
  fi
done
key=$(trivy_db_key)
out=$(bin_of trivy-db-build "$key")
if [ -x "$out" ]; then
  echo "trivy-db-build $key $out cached"
else
  mkdir -p "$(dirname "$out")"
  log="$(dirname "$out")/build.log"
  start=$(date +%s)
  if (cd "$TRIVY_DB_SRC" && CGO_ENABLED=0 go build -trimpath -o "$out.tmp" .) >>"$log" 2>&1; then
    mv "$out.tmp" "$out"
    echo "trivy-db-build $key $out built in $(( $(date +%s) - start ))s" | tee -a "$PEERS_DIR/timings.log"
  else
    echo "trivy-db-build $key FAILED: (cd test/trivy-db && go build .) (see $log)" >&2
    tail -5 "$log" >&2
    failed=1
  fi
fi
if [ "$failed" = 1 ] && [ -n "${SHIPGATE_PEERS_STRICT:-}" ]; then exit 1; fi
exit 0
