namespace CallHooks.Conformance.Calls;

/// <summary>A phone number split the way providers print it in different fields.</summary>
/// <param name="CountryCode">Digits only, e.g. <c>91</c>.</param>
/// <param name="National">The national significant number, e.g. <c>9711636496</c>.</param>
public sealed record PhoneNumber(string CountryCode, string National)
{
    /// <summary>E.164 with a plus: <c>+919711636496</c>.</summary>
    public string E164 => "+" + CountryCode + National;

    /// <summary>Country code and number without a plus: <c>919711636496</c>.</summary>
    public string Digits => CountryCode + National;

    public override string ToString() => E164;
}
