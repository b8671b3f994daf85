#!/usr/bin/env bash
# Runs every test of the repository on a fresh machine and ends with one line "N passed, N failed".
# Installs what the tests need (Debian's chromium for the browser tests) idempotently, as root.
set -uo pipefail
cd "$(dirname "$0")/.."

install_debian_packages() {
    local missing=()
    command -v chromium >/dev/null 2>&1 || missing+=(chromium)
    # No grep -q: it exits at the first match, fc-list dies of SIGPIPE and pipefail would report the font missing.
    fc-list 2>/dev/null | grep -i "noto sans cjk" >/dev/null || missing+=(fonts-noto-cjk)
    if [ ${#missing[@]} -gt 0 ]; then
        if [ "$(id -u)" -ne 0 ]; then
            echo "test.sh: needs ${missing[*]}; run as root or install them first" >&2
            return 1
        fi
        echo "test.sh: installing ${missing[*]}"
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    fi
}

install_debian_packages || exit 1
bash scripts/scale-out-services.sh || echo "test.sh: PostgreSQL/Redis/nginx not started; the scale-out tests will say why" >&2

results="artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

dotnet build Dashboard.sln -c Release -nologo -v quiet || { echo "0 passed, 1 failed"; exit 1; }

# One project at a time keeps the 2-core machine from thrashing and the browser tests from competing.
status=0
for project in tests/*/*.csproj; do
    name=$(basename "$project" .csproj)
    echo "test.sh: $name"
    dotnet test "$project" -c Release --no-build -nologo \
        --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" \
        --results-directory "$results" || status=$?
done

passed=0
failed=0
shopt -s nullglob
for trx in "$results"/*.trx; do
    counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
    p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
    f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
    passed=$((passed + ${p:-0}))
    failed=$((failed + ${f:-0}))
done

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
    # The runner failed without a failing test (crash, build break): count it so CI cannot pass.
    failed=1
fi
if [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ]; then
    echo "test.sh: no test ran" >&2
    failed=1
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
