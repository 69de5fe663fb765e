#!/usr/bin/env bash
# bench/run.sh [--beta] [--sdk]: measures, in one run on this machine,
#   1. graphgen on the whole English corpus (IR only, a first full Go
#      generation, and a regeneration with nothing changed, which the
#      run cache answers) against a bare goldmark parse of the same files,
#      and the floor any generation that writes formatted Go pays: go/format
#      of that output and writing it, with bench/outputfloor;
#   2. the cold build (an empty build cache first) of a one-call program using the
#      generated v1.0 client: wall, CPU, peak RSS, binary size;
#   3. the same for a one-call program on the standard library alone;
#   4. the cold build (go test -c) of a test binary of the one-call program
#      that mocks the user area alone (usermock), and of the same test on the
#      mock of the whole API (graphmock), against the one-call program;
#   5. the cold build of every generated v1.0 package, mock included;
#      with --beta, go vet of every package generated from the beta tree;
#   6. with --sdk, the same one-call program on github.com/microsoftgraph/msgraph-sdk-go
#      (downloads ~30 MB from the module proxy; takes minutes).
# Needs the corpus: GRAPHGEN_CORPUS, or ../shared/corpus unpacked here.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
corpus=${GRAPHGEN_CORPUS:-}
if [ -z "$corpus" ]; then
  corpus=$work/corpus; mkdir -p "$corpus"
  for t in "$root"/../shared/corpus/*.tar.gz; do tar -xzf "$t" -C "$corpus"; done
fi
en=$corpus/graph-docs-en-2021
export GRAPHGEN_CACHE=off # no format or run cache but where a row says so
cd "$root"
go build -o "$work/graphgen" ./cmd/graphgen
go build -o "$work/goldmarkparse" ./bench/goldmarkparse

# calc EXPR: floating-point arithmetic without bc
calc() { awk "BEGIN { printf \"%.2f\", $* }"; }

# measure LABEL CMD...: median wall of 3 runs (seconds)
measure() {
  local label=$1; shift
  local times=()
  for i in 1 2 3; do
    local s=$(date +%s.%N); "$@" >/dev/null 2>&1; local e=$(date +%s.%N)
    times+=("$(calc "$e - $s")")
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n 2p
}
# coldcache LABEL: an empty build cache of its own for a cold build (what
# go clean -cache gives, without emptying the cache of other builds running
# on the machine, which can also make go clean fail)
coldcache() {
  export GOCACHE="$work/cache-$1"
  rm -rf "$GOCACHE"
}
# cold LABEL DIR [test]: cold build of the program in DIR (with test, of its
# test binary: go test -c); prints wall cpu rss_mib size_mib
cold() {
  local build=(go build -o "$work/bin" .)
  if [ "${3:-}" = test ]; then build=(go test -c -o "$work/bin" .); fi
  coldcache "$1"
  (cd "$2" && /usr/bin/time -f '%e %U %S %M' -o "$work/time" "${build[@]}" ) >/dev/null 2>&1
  read -r wall user sys rss < "$work/time"
  size=$(stat -c %s "$work/bin")
  echo "$wall $(calc "$user + $sys") $((rss / 1024)) $(calc "$size / 1048576")"
}

parse=$(measure goldmark "$work/goldmarkparse" "$en")
irt=$(measure ir "$work/graphgen" ir -o /dev/null "$en")
# a first generation: a fresh output directory, no cache
fresh() { rm -rf "$work/gen-fresh"; GRAPHGEN_CACHE=off "$work/graphgen" -out "$work/gen-fresh" -pkg graph "$en"; }
gen=$(measure gen fresh)
# a regeneration with nothing changed: the run cache answers it
GRAPHGEN_CACHE="$work/cache" "$work/graphgen" -out "$work/gen-en" -pkg graph "$en" >/dev/null 2>&1
regen=$(GRAPHGEN_CACHE="$work/cache" measure regen "$work/graphgen" -out "$work/gen-en" -pkg graph "$en")
# the floor of a first generation that writes formatted Go: go/format of
# graphgen's own output and writing it into a fresh directory, on every
# core, with the output already in memory (median of 3 by their sum)
go build -o "$work/outputfloor" ./bench/outputfloor
floors=$(for i in 1 2 3; do rm -rf "$work/floor"; "$work/outputfloor" "$work/gen-en" "$work/floor" 2>/dev/null; done)
read -r ffmt fwrite <<< "$(echo "$floors" | awk '{ print $1 + $2, $1, $2 }' | sort -n | sed -n 2p | cut -d' ' -f2-)"
rm -rf "$work/floor"
outfiles=$(find "$work/gen-en" -type f | wc -l)
outmb=$(du -sm "$work/gen-en" | cut -f1)

# one-call programs
mkdir -p "$work/generated" "$work/stdlib"
"$work/graphgen" -out "$work/generated/graph" -pkg graph -import example.com/onecall/graph "$en/api-reference/v1.0" >/dev/null 2>&1
cat > "$work/generated/go.mod" <<MOD
module example.com/onecall
go 1.26
require github.com/graphgen-dev/graphgen v0.0.0
replace github.com/graphgen-dev/graphgen => $root
MOD
cp "$root/go.sum" "$work/generated/"
cat > "$work/generated/main.go" <<'GO'
package main

import (
	"context"
	"fmt"
	"os"

	"example.com/onecall/graph"
	"example.com/onecall/graph/user"
	"github.com/graphgen-dev/graphgen/graphrt"
)

func main() {
	c := user.New(graph.New(graphrt.Config{Token: graphrt.StaticToken(os.Getenv("TOKEN"))}))
	me, err := c.GetMe(context.Background())
	fmt.Println(me, err)
}
GO
cat > "$work/stdlib/go.mod" <<'MOD'
module example.com/stdlib
go 1.26
MOD
cat > "$work/stdlib/main.go" <<'GO'
package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"os"
)

func main() {
	req, _ := http.NewRequest("GET", "https://graph.microsoft.com/v1.0/me", nil)
	req.Header.Set("Authorization", "Bearer "+os.Getenv("TOKEN"))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer resp.Body.Close()
	var me map[string]any
	fmt.Println(json.NewDecoder(resp.Body).Decode(&me), me["displayName"])
}
GO
# a test of the one-call program mocking users: on the user area's mock
# alone, and on the mock of the whole API
mocktest() { # mocktest DIR IMPORT MOCK: the test, with MOCK the mock expression
  mkdir -p "$1"
  cat > "$1/me_test.go" <<GO
package mocktest

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"

	"example.com/onecall/graph"
	"example.com/onecall/graph/user"
	"$2"
	"github.com/graphgen-dev/graphgen/graphrt"
)

func TestMe(t *testing.T) {
	srv := httptest.NewServer($3)
	defer srv.Close()
	c := user.New(graph.NewClient(&http.Client{Transport: graphrt.BearerTransport{Token: "t"}}, srv.URL))
	if _, err := c.GetMe(context.Background()); err != nil {
		t.Fatal(err)
	}
}
GO
}
mocktest "$work/generated/usertest" example.com/onecall/graph/user/usermock 'usermock.NewMock(usermock.DocsHandler{})'
mocktest "$work/generated/wholetest" example.com/onecall/graph/graphmock 'graphmock.NewMock(graphmock.Handlers{})'
(cd "$work/generated" && go mod download >/dev/null 2>&1 || true)
read -r gw gc gr gs <<< "$(cold generated "$work/generated")"
read -r sw sc sr ss <<< "$(cold stdlib "$work/stdlib")"
read -r uw uc ur us <<< "$(cold usertest "$work/generated/usertest" test)"
read -r ww wc wr ws <<< "$(cold wholetest "$work/generated/wholetest" test)"
# every package of the v1.0 client and its mock, cold
coldcache all
(cd "$work/generated" && /usr/bin/time -f '%e %U %S %M' -o "$work/time" go build ./graph/... ) >/dev/null 2>&1
read -r aw au as ar < "$work/time"
files=$(find "$work/generated/graph" -name '*.go' | wc -l)
pkgs=$(find "$work/generated/graph" -name '*.go' -printf '%h\n' | sort -u | wc -l)
mib=$(du -sm "$work/generated/graph" | cut -f1)

echo "| measure | value | ratio |"
echo "|---|---|---|"
echo "| goldmark parse of the English corpus (median of 3) | ${parse} s | 1 |"
echo "| graphgen ir, same files | ${irt} s | $(calc "$irt / $parse")× |"
echo "| graphgen full generation, same files (fresh output, no cache) | ${gen} s | $(calc "$gen / $parse")× |"
echo "| graphgen regeneration, same files, nothing changed (run cache) | ${regen} s | $(calc "$regen / $parse")× |"
echo "| floor: go/format of that output (${outfiles} files, ${outmb} MiB) on every core | ${ffmt} s | $(calc "$ffmt / $parse")× |"
echo "| floor: writing it into a fresh directory | ${fwrite} s | $(calc "$fwrite / $parse")× |"
echo "| floor of a first generation: parse + format + write | $(calc "$parse + $ffmt + $fwrite") s | $(calc "($parse + $ffmt + $fwrite) / $parse")× |"
echo "| cold build, one call, generated v1.0 client | ${gw} s wall, ${gc} s CPU, ${gr} MiB RSS, ${gs} MiB binary | CPU $(calc "$gc / $sc")×, RSS $(calc "$gr / $sr")×, binary $(calc "$gs / $ss")× |"
echo "| cold build, one call, standard library only | ${sw} s wall, ${sc} s CPU, ${sr} MiB RSS, ${ss} MiB binary | 1 |"
echo "| cold test build (go test -c), one call, user area's mock alone | ${uw} s wall, ${uc} s CPU, ${ur} MiB RSS | CPU $(calc "$uc / $gc")×, RSS $(calc "$ur / $gr")× of the one-call client program |"
echo "| cold test build (go test -c), one call, mock of the whole API | ${ww} s wall, ${wc} s CPU, ${wr} MiB RSS | CPU $(calc "$wc / $gc")×, RSS $(calc "$wr / $gr")× of the one-call client program |"
echo "| cold build of every generated v1.0 package (${pkgs} packages, ${files} files, ${mib} MiB), mock included | ${aw} s wall, $(calc "$au + $as") s CPU, $((ar / 1024)) MiB RSS | CPU $(calc "($au + $as) / $sc")×, RSS $(calc "$ar / 1024 / $sr")× |"

if [ "${1:-}" = "--beta" ] || [ "${2:-}" = "--beta" ]; then
  # the beta tree, generated and vetted (minutes)
  mkdir -p "$work/beta"
  printf 'module example.com/beta\ngo 1.26\nrequire github.com/graphgen-dev/graphgen v0.0.0\nreplace github.com/graphgen-dev/graphgen => %s\n' "$root" > "$work/beta/go.mod"
  cp "$root/go.sum" "$work/beta/"
  "$work/graphgen" -out "$work/beta/graph" -pkg graph "$en/api-reference/beta" >/dev/null 2>&1
  s=$(date +%s.%N)
  if (cd "$work/beta" && go vet ./graph/... >/dev/null 2>&1); then vet=ok; else vet=FAILED; fi
  e=$(date +%s.%N)
  echo "| go vet of every generated beta package ($(find "$work/beta/graph" -name '*.go' -printf '%h\n' | sort -u | wc -l) packages) | ${vet} in $(calc "$e - $s") s | |"
  # the one-call program on the beta client
  mkdir -p "$work/betaone"
  printf 'module example.com/onecall\ngo 1.26\nrequire github.com/graphgen-dev/graphgen v0.0.0\nreplace github.com/graphgen-dev/graphgen => %s\n' "$root" > "$work/betaone/go.mod"
  cp "$root/go.sum" "$work/betaone/"
  "$work/graphgen" -out "$work/betaone/graph" -pkg graph -import example.com/onecall/graph "$en/api-reference/beta" >/dev/null 2>&1
  cp "$work/generated/main.go" "$work/betaone/"
  read -r bw bc br bs <<< "$(cold betaone "$work/betaone")"
  echo "| cold build, one call, generated beta client | ${bw} s wall, ${bc} s CPU, ${br} MiB RSS, ${bs} MiB binary | CPU $(calc "$bc / $sc")×, RSS $(calc "$br / $sr")×, binary $(calc "$bs / $ss")× |"
fi

# decoding through the generated models against a plain json.Unmarshal, and
# the mock's router over the whole v1.0 tree against ten routes (go test
# -bench, medians of 5; GOCACHE back to the user's)
unset GOCACHE
bench=$(GRAPHGEN_CORPUS=$corpus go test -run '^$' -bench '^(BenchmarkLargeObject|BenchmarkLargePage|BenchmarkMuxTenRoutes|BenchmarkMuxFullTree|BenchmarkNewMockFullTree)$' -benchmem -count 5 ./graphrt ./graphrt/graphtest 2>/dev/null)
# med NAME COLUMN: the median of the column (ns/op, B/op) of a benchmark's runs
med() { echo "$bench" | awk -v n="$1" -v u="$2" '$1 ~ "^"n"(-[0-9]+)?$" { for (i = 2; i < NF; i++) if ($(i+1) == u) print $i }' | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
for b in LargeObject/Decode:LargeObject/plain LargePage/DecodeCollection:LargePage/plain; do
  m=${b%%:*}; p=${b##*:}
  echo "| decode, Benchmark${m} against Benchmark${p} | $(calc "$(med "Benchmark$m" ns/op) / 1e6") ms, $(calc "$(med "Benchmark$m" B/op) / 1048576") MiB | time $(calc "$(med "Benchmark$m" ns/op) / $(med "Benchmark$p" ns/op)")×, bytes $(calc "$(med "Benchmark$m" B/op) / $(med "Benchmark$p" B/op)")× |"
done
for r in entity function drivepath; do
  echo "| mock router, a request ($r) to the full v1.0 mock against a 10-route mock | $(med "BenchmarkMuxFullTree/$r" ns/op) ns | $(calc "$(med "BenchmarkMuxFullTree/$r" ns/op) / $(med "BenchmarkMuxTenRoutes/$r" ns/op)")× |"
done
echo "| NewMock of the full v1.0 tree | $(calc "$(med BenchmarkNewMockFullTree ns/op) / 1e6") ms | |"

if [ "${1:-}" = "--sdk" ] || [ "${2:-}" = "--sdk" ]; then
  mkdir -p "$work/sdk"
  cat > "$work/sdk/main.go" <<'GO'
package main

import (
	"context"
	"fmt"

	msgraphsdk "github.com/microsoftgraph/msgraph-sdk-go"
)

func main() {
	client, err := msgraphsdk.NewGraphServiceClientWithCredentials(nil, []string{"https://graph.microsoft.com/.default"})
	if err != nil {
		fmt.Println(err)
		return
	}
	me, err := client.Me().Get(context.Background(), nil)
	fmt.Println(me, err)
}
GO
  (cd "$work/sdk" && go mod init example.com/sdk >/dev/null 2>&1 && go get github.com/microsoftgraph/msgraph-sdk-go >/dev/null 2>&1 && go mod tidy >/dev/null 2>&1)
  read -r kw kc kr ks <<< "$(cold sdk "$work/sdk")"
  echo "| cold build, one call, msgraph-sdk-go | ${kw} s wall, ${kc} s CPU, ${kr} MiB RSS, ${ks} MiB binary | CPU $(calc "$kc / $sc")×, RSS $(calc "$kr / $sr")× |"
fi
echo
echo "$(date -u +%F) on $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(go version | cut -d' ' -f3)"
