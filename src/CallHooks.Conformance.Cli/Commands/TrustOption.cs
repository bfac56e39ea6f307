using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CallHooks.Conformance.Delivery;

namespace CallHooks.Conformance.Cli.Commands;

/// <summary><c>--insecure</c> and <c>--ca FILE</c>: which certificates an https listener may present.</summary>
internal static class TrustOption
{
    /// <summary>A CA file is a few certificates; anything larger is a wrong path.</summary>
    private const int MaxCaFileBytes = 1024 * 1024;

    public static TlsTrust Parse(bool insecure, string? caPath, List<string> problems)
    {
        if (insecure && caPath is not null)
        {
            problems.Add("--insecure and --ca exclude each other: --insecure already accepts any certificate");
            return TlsTrust.System;
        }

        if (insecure)
            return TlsTrust.AcceptAny;
        if (caPath is null)
            return TlsTrust.System;
        var authorities = Load(caPath, problems);
        return authorities is null ? TlsTrust.System : TlsTrust.Only(authorities);
    }

    private static X509Certificate2Collection? Load(string path, List<string> problems)
    {
        var (read, problem) = Input.BoundedFile.Read(path, MaxCaFileBytes, "a CA file");
        if (read is not { } bytes)
            return Problem(problems, $"--ca {path}: {problem}");

        try
        {
            var text = System.Text.Encoding.ASCII.GetString(bytes);
            var certificates = new X509Certificate2Collection();
            if (text.Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal))
                certificates.ImportFromPem(text);
            else
                certificates.Add(X509CertificateLoader.LoadCertificate(bytes));
            return certificates.Count > 0
                ? certificates
                : Problem(problems, $"--ca {path}: no certificate in the file (expected PEM or DER)");
        }
        catch (CryptographicException)
        {
            return Problem(problems, $"--ca {path}: not a certificate (expected a PEM \"BEGIN CERTIFICATE\" block or DER bytes)");
        }
    }

    private static X509Certificate2Collection? Problem(List<string> problems, string problem)
    {
        problems.Add(problem);
        return null;
    }
}
