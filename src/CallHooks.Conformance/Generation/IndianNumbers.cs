using Bogus;
using CallHooks.Conformance.Calls;

namespace CallHooks.Conformance.Generation;

/// <summary>Indian phone numbers in the shapes MyOperator documents: +91 and ten digits.</summary>
internal static class IndianNumbers
{
    public const string CountryCode = "91";

    /// <summary>A mobile number: ten digits starting with 6, 7, 8 or 9 (the ranges India assigns to mobiles).</summary>
    public static PhoneNumber Mobile(Randomizer random) =>
        new(CountryCode, random.Number(6, 9).ToString(System.Globalization.CultureInfo.InvariantCulture) + random.DecimalDigits(9));

    /// <summary>A virtual service number as cloud telephony providers lease them (mobile-series ten digits).</summary>
    public static PhoneNumber ServiceNumber(Randomizer random) =>
        new(CountryCode, random.ArrayElement(["7", "8", "9"]) + random.DecimalDigits(9));
}
