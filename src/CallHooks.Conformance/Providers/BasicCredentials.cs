namespace CallHooks.Conformance.Providers;

/// <summary>Basic auth credentials. <see cref="ToString"/> never prints the password.</summary>
internal sealed record BasicCredentials(string User, string Password)
{
    public override string ToString() => User + ":[redacted]";
}
