using System.Diagnostics;
using CallHooks.Conformance.Tests.Support;

namespace CallHooks.Conformance.Tests.Architecture;

/// <summary>
/// Every C# file is formatted by CSharpier (pinned in dotnet-tools.json, lines wrapped at 140, .csharpierrc.yaml), so
/// a diff shows changes, not layout. <c>dotnet csharpier format .</c> fixes what this finds.
/// </summary>
public sealed class FormattingTests
{
    [Test]
    public async Task Every_csharp_file_is_formatted()
    {
        var start = new ProcessStartInfo("dotnet", ["csharpier", "check", "src", "tests", "bench", "samples"])
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using (var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2)))
            await process.WaitForExitAsync(limit.Token);
        Assert.That(
            process.ExitCode,
            Is.Zero,
            $"dotnet csharpier check found files to format (run `dotnet csharpier format .`):\n{await output}\n{await error}"
        );
    }
}
