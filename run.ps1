# CallHooks.Conformance entry point for Windows: a thin mirror of run.sh.
#   ./run.ps1              build, then play the whole MyOperator suite against the embedded reference listener
#   ./run.ps1 test         build and run every test; the last line is "N passed, N failed"
#   ./run.ps1 <args...>    build, then run `callhooks <args...>`
$ErrorActionPreference = 'Stop'
Set-Location $PSScriptRoot
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'; $env:DOTNET_NOLOGO = '1'
$configuration = 'Release'
$cli = "src/CallHooks.Conformance.Cli/bin/$configuration/net10.0/callhooks.dll"

function Build {
    dotnet build CallHooks.Conformance.sln -c $configuration -nologo -v quiet -clp:ErrorsOnly
    if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
}

if ($args.Count -eq 0) {
    Build
    dotnet $cli run
    exit $LASTEXITCODE
}
elseif ($args[0] -eq 'test') {
    Build
    $log = dotnet test CallHooks.Conformance.sln -c $configuration --no-build -nologo 2>&1
    $status = $LASTEXITCODE
    $log | Write-Output
    $passed = 0; $failed = 0; $skipped = 0
    foreach ($m in [regex]::Matches(($log -join "`n"), 'Failed: +(\d+), Passed: +(\d+), Skipped: +(\d+)')) {
        $failed += [int]$m.Groups[1].Value; $passed += [int]$m.Groups[2].Value; $skipped += [int]$m.Groups[3].Value
    }
    if ($status -ne 0 -and $failed -eq 0) { $failed = 1 }
    Write-Output "$passed passed, $failed failed, $skipped skipped"
    exit $status
}
else {
    Build
    dotnet $cli @args
    exit $LASTEXITCODE
}
