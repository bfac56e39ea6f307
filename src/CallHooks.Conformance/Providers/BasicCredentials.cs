namespace CallHooks.Conformance.Providers;

/// <summary>Basic auth credentials. <see cref="ToString"/> never prints the password.</summary>
public sealed record BasicCredentials(string User, string Password)
{
    public override string ToString() => User + ":[redacted]";
}
