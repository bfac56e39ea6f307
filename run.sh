#!/usr/bin/env bash
# CallHooks.Conformance entry point.
#   ./run.sh              build the CLI, then play the whole MyOperator suite against the embedded reference listener
#   ./run.sh test         build and run every test; the last line is "N passed, N failed"
#   ./run.sh coverage     the tests with coverage; HTML report in reports/coverage/index.html
#   ./run.sh pack         the packages (the tool, the engine, the reports, the NUnit integration) into artifacts/
#   ./run.sh <args...>    build the CLI, then run `callhooks <args...>` (e.g. ./run.sh run --target http://127.0.0.1:8080/hook)
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

configuration=Release
cli="src/CallHooks.Conformance.Cli/bin/$configuration/net10.0/callhooks.dll"

build() {
  dotnet build CallHooks.Conformance.sln -c "$configuration" -nologo -v quiet -clp:ErrorsOnly >&2
}

# The CLI runs compiled ahead of time (ReadyToRun) for the runtime running it: a conformance run starts about 0.2 s
# sooner, and a load run spends no CPU on compiling its code while it measures (see bench/README.md). Where that cannot
# be built (no ReadyToRun compiler for this platform in the package feed), the plain build runs instead, just as correct.
# A failed attempt is remembered in $unavailable (with what the publish said), so that a machine without the ReadyToRun
# packages, offline for instance, does not wait for a failing restore on every run; delete the file to try again.
build_cli() {
  local ready="src/CallHooks.Conformance.Cli/bin/$configuration/ready-to-run"
  local unavailable="src/CallHooks.Conformance.Cli/bin/$configuration/ready-to-run.unavailable"
  local log said="" failed=false
  if [ ! -f "$unavailable" ]; then
    log=$(mktemp)
    if dotnet publish src/CallHooks.Conformance.Cli -c "$configuration" --use-current-runtime --self-contained false \
      -p:PublishReadyToRun=true -o "$ready" -nologo -v quiet -clp:ErrorsOnly >"$log" 2>&1; then
      rm -f "$log"
      cli="$ready/callhooks.dll"
      return
    fi
    said=$(tail -5 "$log")
    rm -f "$log"
    failed=true
  fi
  # A compile error fails here too, and shows itself; a publish that failed while this succeeds is the ahead-of-time step's.
  dotnet build src/CallHooks.Conformance.Cli -c "$configuration" -nologo -v quiet "-clp:ErrorsOnly;NoSummary" >&2
  if [ "$failed" = true ]; then
    printf '%s\n' "$said" >"$unavailable"
    printf 'run.sh: the ReadyToRun build failed where the plain build did not; running the plain build from now on (delete %s to try again). The publish said:\n%s\n' "$unavailable" "$said" >&2
  fi
}

# The report's browser tests drive Debian's Chromium (never a browser download of Playwright's own). Install it
# when it is missing and this shell can (root with apt-get, as in CI); otherwise those tests fail and say why.
ensure_chromium() {
  if [ -n "${CALLHOOKS_CHROMIUM:-}" ] || [ -x /usr/bin/chromium ]; then return 0; fi
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "run.sh: installing Debian's chromium package for the browser tests" >&2
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } >&2 \
      || echo "run.sh: could not install chromium; the browser tests will fail and say so" >&2
  else
    echo "run.sh: /usr/bin/chromium is missing and needs root with apt-get to install; the browser tests will fail and say so" >&2
  fi
}

# WireMock's standalone jar (npm package `wiremock`) under tests/.tools, which git ignores, and Java to run it: only for
# the fault tests WireMock.Net (in process, a NuGet package) cannot serve, Delivery/WireMockJarFaultTests: a reset, random
# data then close, chunked dribble delays, and EMPTY_RESPONSE and MALFORMED_RESPONSE_CHUNK as Java sends them (a close
# without a byte, a broken chunk; WireMock.Net's faults of those names leave a valid 200).
ensure_wiremock() {
  if ! command -v java >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
    local sudo=""; [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1 && sudo=sudo
    { $sudo apt-get update -qq && $sudo apt-get install -y -qq default-jre-headless; } >&2 || echo "run.sh: could not install java" >&2
  fi
  if ! ls tests/.tools/node_modules/wiremock/build/wiremock-standalone-*.jar >/dev/null 2>&1; then
    npm install --no-audit --no-fund --prefix tests/.tools wiremock >&2 || echo "run.sh: could not install wiremock" >&2
  fi
}

# The providers' own verifier libraries (npm twilio, standardwebhooks) judge what callhooks signs; versions are pinned in
# tests/verifiers/package-lock.json, and node_modules there is ignored by git.
ensure_verifiers() {
  if [ ! -d tests/verifiers/node_modules/twilio ] || [ ! -d tests/verifiers/node_modules/standardwebhooks ]; then
    npm ci --no-audit --no-fund --prefix tests/verifiers >&2 || echo "run.sh: could not install the verifier libraries; their tests will fail and say so" >&2
  fi
}

# PHP's built-in server plays a listener written the way MyOperator's own sample is (tests/Secrets/PhpEchoTests).
ensure_php() {
  if ! command -v php >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
    local sudo=""; [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1 && sudo=sudo
    { $sudo apt-get update -qq && $sudo apt-get install -y -qq php-cli; } >&2 || echo "run.sh: could not install php-cli; its tests will fail and say so" >&2
  fi
}

# CSharpier (pinned in dotnet-tools.json) formats the code; a test holds every file to it.
ensure_tools() {
  dotnet tool restore >/dev/null || echo "run.sh: could not restore the dotnet tools; the formatting test will fail and say so" >&2
}

# The packages as users install them, into artifacts/ (ignored by git); non-zero when one does not build.
pack() {
  rm -rf artifacts
  dotnet pack CallHooks.Conformance.sln -c "$configuration" -o artifacts -nologo -v quiet -clp:ErrorsOnly "$@" >&2
  ls artifacts/*.nupkg >&2
  if [ -z "${CALLHOOKS_REPOSITORY_URL:-}" ]; then
    echo "run.sh: CALLHOOKS_REPOSITORY_URL is not set, so the packages name no repository URL (set it when publishing)" >&2
  fi
}

run_tests() {
  ensure_tools
  ensure_php
  ensure_wiremock
  ensure_verifiers
  build
  # The package tests install what was just built, as a user would (tests/.../Packages/ShippedPackagesTests).
  pack
  ensure_chromium
  local log
  log=$(mktemp)
  set +e
  dotnet test CallHooks.Conformance.sln -c "$configuration" --no-build -nologo "$@" 2>&1 | tee "$log"
  local status=${PIPESTATUS[0]}
  set -e
  # Sum every test project's summary ("Failed: 0, Passed: 12, Skipped: 0, Total: 12 ... - CallHooks.Conformance.Tests.dll")
  # into the closing line; only the solution's own projects count, not a child run quoted inside a failure message.
  local passed failed skipped
  read -r passed failed skipped < <(awk '
    /- CallHooks\.Conformance[A-Za-z.]*\.dll/ && match($0, /Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+/) {
      split(substr($0, RSTART, RLENGTH), n, /[^0-9]+/); f += n[2]; p += n[3]; s += n[4] }
    END { print p + 0, f + 0, s + 0 }' "$log")
  rm -f "$log"
  passed=${passed:-0}; failed=${failed:-0}; skipped=${skipped:-0}
  if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
  echo "${passed} passed, ${failed} failed, ${skipped} skipped"
  return "$status"
}

# Tests with coverlet, then ReportGenerator (restored into the NuGet cache by the test project) renders HTML.
coverage() {
  rm -rf reports/coverage
  local status=0
  run_tests --collect:"XPlat Code Coverage" --results-directory reports/coverage/raw || status=$?
  local version packages generator
  version=$(sed -n 's/.*Include="ReportGenerator" Version="\([^"]*\)".*/\1/p' Directory.Packages.props)
  packages=$(dotnet nuget locals global-packages --list | sed 's/^global-packages: *//')
  generator="${packages%/}/reportgenerator/$version/tools/net10.0/ReportGenerator.dll"
  dotnet "$generator" "-reports:reports/coverage/raw/*/coverage.cobertura.xml" -targetdir:reports/coverage \
    "-reporttypes:Html;TextSummary" -verbosity:Error
  sed -n '/^Summary/,/^$/p' reports/coverage/Summary.txt
  echo "coverage report: reports/coverage/index.html"
  return "$status"
}

case "${1:-}" in
  "")   build_cli; exec dotnet "$cli" run ;;
  test) run_tests ;;
  coverage) coverage ;;
  pack) pack ;;
  *)    build_cli; exec dotnet "$cli" "$@" ;;
esac
