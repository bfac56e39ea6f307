# CallHooks.Conformance entry point for Windows: a thin mirror of run.sh.
#   ./run.ps1              build the CLI, then play the whole MyOperator suite against the embedded reference listener
#   ./run.ps1 test         build and run every test; the last line is "N passed, N failed"
#   ./run.ps1 coverage     the tests with coverage; HTML report in reports/coverage/index.html
#   ./run.ps1 pack         the packages into artifacts/
#   ./run.ps1 <args...>    build the CLI, then run `callhooks <args...>`
# The report's browser tests need Chromium: set CALLHOOKS_CHROMIUM to its executable (e.g. chrome.exe) on Windows.
$ErrorActionPreference = 'Stop'
Set-Location $PSScriptRoot
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'; $env:DOTNET_NOLOGO = '1'
$configuration = 'Release'
$cli = "src/CallHooks.Conformance.Cli/bin/$configuration/net10.0/callhooks.dll"

function Build {
    dotnet build CallHooks.Conformance.sln -c $configuration -nologo -v quiet -clp:ErrorsOnly
    if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
}

# The CLI compiled ahead of time (ReadyToRun) for the runtime running it, as run.sh does; the plain build where that
# cannot be built. Returns the dll to run.
function Build-Cli {
    $ready = "src/CallHooks.Conformance.Cli/bin/$configuration/ready-to-run"
    # A failed attempt is remembered, so a machine without the ReadyToRun packages does not retry on every run.
    $unavailable = "$ready.unavailable"
    $reason = $null
    if (-not (Test-Path $unavailable)) {
        $said = dotnet publish src/CallHooks.Conformance.Cli -c $configuration --use-current-runtime --self-contained false -p:PublishReadyToRun=true -o $ready -nologo -v quiet -clp:ErrorsOnly 2>&1
        if ($LASTEXITCODE -eq 0) { return "$ready/callhooks.dll" }
        $reason = ($said | Select-Object -Last 5) -join "`n"
    }
    dotnet build src/CallHooks.Conformance.Cli -c $configuration -nologo -v quiet "-clp:ErrorsOnly;NoSummary" | Out-Host
    if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
    if ($null -ne $reason) {
        Set-Content -Path $unavailable -Value $reason
        Write-Warning ("the ReadyToRun build failed where the plain build did not; running the plain build from now on (delete $unavailable to try again). The publish said:`n" + $reason)
    }
    return $cli
}

# The packages as users install them, into artifacts/; stops when one does not build.
function Pack([string[]] $extra) {
    if (Test-Path artifacts) { Remove-Item -Recurse -Force artifacts }
    dotnet pack CallHooks.Conformance.sln -c $configuration -o artifacts -nologo -v quiet -clp:ErrorsOnly @extra
    if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
}

if ($args.Count -eq 0) {
    $built = Build-Cli
    dotnet $built run
    exit $LASTEXITCODE
}
elseif ($args[0] -eq 'pack') {
    Pack @()
    exit 0
}
elseif ($args[0] -eq 'test') {
    # CSharpier, pinned in dotnet-tools.json: a test holds every file to its formatting.
    dotnet tool restore | Out-Null
    # PHP's built-in server plays a PHP listener in the secret-echo tests; install php-cli where it is missing.
    if (-not (Get-Command php -ErrorAction SilentlyContinue)) { Write-Warning 'php not found: install php-cli; the PHP echo test will fail and say so' }
    # The providers' own verifier libraries (npm twilio, standardwebhooks), pinned in tests/verifiers/package-lock.json.
    if (-not (Test-Path tests/verifiers/node_modules/twilio)) { npm ci --no-audit --no-fund --prefix tests/verifiers | Out-Host }
    Build
    # The package tests install what was just built, as a user would.
    Pack @()
    $log = dotnet test CallHooks.Conformance.sln -c $configuration --no-build -nologo 2>&1
    $status = $LASTEXITCODE
    $log | Write-Output
    $passed = 0; $failed = 0; $skipped = 0
    # Only the solution's own projects count, not a child run quoted inside a failure message.
    foreach ($m in [regex]::Matches(($log -join "`n"), '(?m)Failed: +(\d+), Passed: +(\d+), Skipped: +(\d+).*- CallHooks\.Conformance[A-Za-z.]*\.dll')) {
        $failed += [int]$m.Groups[1].Value; $passed += [int]$m.Groups[2].Value; $skipped += [int]$m.Groups[3].Value
    }
    if ($status -ne 0 -and $failed -eq 0) { $failed = 1 }
    Write-Output "$passed passed, $failed failed, $skipped skipped"
    exit $status
}
elseif ($args[0] -eq 'coverage') {
    Build
    Remove-Item -Recurse -Force reports/coverage -ErrorAction SilentlyContinue
    dotnet test CallHooks.Conformance.sln -c $configuration --no-build -nologo --collect:"XPlat Code Coverage" --results-directory reports/coverage/raw
    $status = $LASTEXITCODE
    # ReportGenerator is restored into the NuGet cache by the test project; run its dll from there.
    $version = ([xml](Get-Content Directory.Packages.props)).Project.ItemGroup.PackageVersion |
        Where-Object { $_.Include -eq 'ReportGenerator' } | ForEach-Object { $_.Version }
    $packages = (dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', ''
    $generator = Join-Path $packages "reportgenerator/$version/tools/net10.0/ReportGenerator.dll"
    dotnet $generator "-reports:reports/coverage/raw/*/coverage.cobertura.xml" "-targetdir:reports/coverage" "-reporttypes:Html;TextSummary" "-verbosity:Error"
    if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
    Get-Content reports/coverage/Summary.txt -TotalCount 14
    Write-Output "coverage report: reports/coverage/index.html"
    exit $status
}
else {
    $built = Build-Cli
    dotnet $built @args
    exit $LASTEXITCODE
}
