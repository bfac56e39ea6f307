using System.Buffers;
using System.Collections.Concurrent;
using Bogus;
using Bogus.Extensions;

namespace CallHooks.Conformance.Generation;

/// <summary>
/// An agent's e-mail address exactly as Bogus's <c>Internet.Email(first, last, provider)</c> gives it, for a fraction
/// of the cost. Bogus transliterates both names character by character through a trie of string lookups, then
/// slugifies the user name with a regular expression: about a tenth of a call's generation, for names that come from
/// a locale table of a few hundred and are plain ASCII. Here each name's transliteration is worked out once and
/// remembered (it depends on the name and the locale only), the random part is still Bogus's own
/// <c>UserNameUnicode</c> on the same Randomizer, and the slug step is skipped when it cannot change anything.
/// Tests hold the result equal to Bogus's for thousands of seeds and for names that need every step.
/// </summary>
internal static class AgentEmails
{
    // The characters Bogus's slug keeps; a user name made only of them is its own slug.
    private static readonly SearchValues<char> SlugCharacters = SearchValues.Create(
        "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz._-"
    );

    // Bounded by the locale's name tables, unless a caller passes names of its own.
    private static readonly ConcurrentDictionary<(string Name, string Locale), string> Transliterations = new();

    public static string Email(Faker person, string first, string last, string provider)
    {
        var userName = person.Internet.UserNameUnicode(Transliterated(first, person.Locale), Transliterated(last, person.Locale));
        var slug = userName.AsSpan().ContainsAnyExcept(SlugCharacters) ? Utils.Slugify(userName) : userName;
        return slug + "@" + provider;
    }

    private static string Transliterated(string name, string locale) =>
        Transliterations.GetOrAdd((name, locale), static key => key.Name.Transliterate(key.Locale));
}
