using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace CallHooks.Conformance.Delivery;

/// <summary>
/// Which server certificates an https delivery accepts: the system's trusted roots (the default, as a
/// provider does), extra certificate authorities from <c>--ca FILE</c>, or anything (<c>--insecure</c>).
/// </summary>
internal sealed class TlsTrust
{
    private TlsTrust(bool insecure, X509Certificate2Collection authorities)
    {
        Insecure = insecure;
        Authorities = authorities;
    }

    /// <summary>The operating system's trust store only.</summary>
    public static TlsTrust System { get; } = new(false, []);

    /// <summary>Every certificate is accepted: for a listener with a self-signed certificate on a test machine.</summary>
    public static TlsTrust AcceptAny { get; } = new(true, []);

    public bool Insecure { get; }

    /// <summary>Certificates trusted as roots in addition to nothing else (a custom trust store replaces the system's).</summary>
    public X509Certificate2Collection Authorities { get; }

    /// <summary>Trusts exactly <paramref name="authorities"/> as roots; host names are still checked.</summary>
    public static TlsTrust Only(X509Certificate2Collection authorities)
    {
        ArgumentNullException.ThrowIfNull(authorities);
        return new TlsTrust(false, authorities);
    }

    /// <summary>The validation callback for <see cref="SslClientAuthenticationOptions"/>; null keeps the system's.</summary>
#pragma warning disable CA5359 // Accepting any certificate is exactly what the user asked for with --insecure.
    internal RemoteCertificateValidationCallback? Callback() =>
        Insecure ? (_, _, _, _) => true
        : Authorities.Count > 0 ? ValidateAgainstAuthorities
        : null;
#pragma warning restore CA5359

    private bool ValidateAgainstAuthorities(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        // A wrong host name or a missing certificate fails whatever the roots: --ca widens trust, it does not waive checks.
        if (
            certificate is null
            || (errors & (SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateNotAvailable)) != 0
        )
            return false;
        if (errors == SslPolicyErrors.None)
            return true;
        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.CustomTrustStore.AddRange(Authorities);
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (chain is not null)
            custom.ChainPolicy.ExtraStore.AddRange(chain.ChainPolicy.ExtraStore);
        if (certificate is X509Certificate2 leaf)
            return custom.Build(leaf);
        using var copy = new X509Certificate2(certificate);
        return custom.Build(copy);
    }
}
