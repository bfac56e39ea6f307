namespace CallHooks.Conformance.Calls;

/// <summary>
/// A phone number split the way providers print it in different fields. Every shape is built once: payloads read
/// them for every delivery of the call. The properties have no setters, so a <c>with</c> copy cannot leave a shape
/// describing another number.
/// </summary>
internal sealed record PhoneNumber
{
    /// <param name="countryCode">Digits only, e.g. <c>91</c>.</param>
    /// <param name="national">The national significant number, e.g. <c>9711636496</c>.</param>
    public PhoneNumber(string countryCode, string national)
    {
        CountryCode = countryCode;
        National = national;
        E164 = "+" + countryCode + national;
        Digits = countryCode + national;
    }

    /// <summary>Digits only, e.g. <c>91</c>.</summary>
    public string CountryCode { get; }

    /// <summary>The national significant number, e.g. <c>9711636496</c>.</summary>
    public string National { get; }

    /// <summary>E.164 with a plus: <c>+919711636496</c>.</summary>
    public string E164 { get; }

    /// <summary>Country code and number without a plus: <c>919711636496</c>.</summary>
    public string Digits { get; }

    public override string ToString() => E164;
}
