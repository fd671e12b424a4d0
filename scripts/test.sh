#!/usr/bin/env bash
# The README's test command. Installs what the tests need and is missing (Maven, Debian's Chromium and
# ChromeDriver for the dashboard's browser test, PostgreSQL for the stores' contract suite), starts a private
# PostgreSQL cluster (scripts/postgres-test.sh; the machine's own cluster is left alone), runs `mvn -B verify`
# with any extra arguments given, and stops the cluster whatever the outcome.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v mvn >/dev/null || missing+=(maven)
{ [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; } || missing+=(chromium chromium-driver)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ]; then
        echo "== installing ${missing[*]}"
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    else
        echo "missing: ${missing[*]}; install them (sudo apt-get install -y ${missing[*]}) or run as root" >&2
        exit 1
    fi
fi

if [ -z "${FIDELIS_TEST_PG_URL:-}" ]; then
    eval "$(scripts/postgres-test.sh start)"
    trap 'scripts/postgres-test.sh stop' EXIT
    echo "== test PostgreSQL at $FIDELIS_TEST_PG_URL"
fi

mvn -B verify "$@"
