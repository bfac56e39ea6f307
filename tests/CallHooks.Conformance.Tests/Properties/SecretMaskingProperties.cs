using System.Text;
using System.Text.Json.Nodes;
using CallHooks.Conformance.Secrets;
using CallHooks.Conformance.Tests.Support;
using CsCheck;

namespace CallHooks.Conformance.Tests.Properties;

/// <summary>
/// Masking, by property: whatever the secret, every form a listener's echo can give it is masked wherever it stands in
/// an answer. The forms come from the listeners' own languages, not from callhooks: PHP's json_encode, rawurlencode,
/// urlencode, htmlspecialchars, htmlentities, base64_encode, var_export and addslashes (the real php), and Node's
/// encodeURIComponent, encodeURI, JSON.stringify, URLSearchParams and Buffer's base64 and base64url (the real node).
/// </summary>
[Category("Property")]
public sealed class SecretMaskingProperties
{
    private static int Batch => (int)Math.Max(100, Check.Iter);

    private static readonly Gen<string> Secret = Gen.Frequency(
            (3, Gen.Char.AlphaNumeric.Array[Redactor.ShortSecret, 40].Select(chars => new string(chars))),
            (4, Gen.Char["ABCxyz019/+=_-.~!*'()$&;:@ \"\\<>%#?,é中ß"].Array[Redactor.ShortSecret, 40].Select(chars => new string(chars))),
            (1, Text.WellFormed.Where(text => text.Length >= Redactor.ShortSecret && text.Trim().Length > 0))
        )
        // Control characters have no place in a header or a command line, where secrets come from.
        .Where(secret => !secret.Any(char.IsControl));

    private static readonly Gen<string> Surrounding = Gen.Char["abc XYZ{}\":,=&"].Array[0, 12].Select(chars => new string(chars));

    [Test]
    public Task Every_form_a_php_or_node_listener_echoes_is_masked_wherever_it_stands() =>
        Gen.Select(Secret, Surrounding, Surrounding)
            .Array[Batch]
            .SampleAsync(
                async batch =>
                {
                    var requests = batch.Select(t => new JsonObject { ["secret"] = t.Item1 }).ToList();
                    var php = await NodeBatch.RunAsync("echo-forms.php", requests, interpreter: "php");
                    var node = await NodeBatch.RunAsync(
                        "reference.mjs",
                        batch.Select(t => new JsonObject { ["op"] = "echo", ["secret"] = t.Item1 }).ToList()
                    );
                    for (var i = 0; i < batch.Length; i++)
                    {
                        var (secret, before, after) = batch[i];
                        foreach (var (language, answer) in new[] { ("php", php[i]), ("node", node[i]) })
                        {
                            foreach (var (function, form) in answer["forms"]!.AsObject())
                            {
                                var echoed = form!.GetValue<string>();
                                // Named entities (&eacute;) for characters beyond ASCII are not among the masked forms: said in the README.
                                if (echoed.Length < Redactor.ShortSecret || function == "htmlentities" && !Ascii.IsValid(secret))
                                    continue;
                                var masked = Redactor.Text([secret], before + echoed + after);
                                Holds.True(
                                    !masked.Contains(echoed, StringComparison.Ordinal)
                                        && !masked.Contains(secret, StringComparison.Ordinal),
                                    () =>
                                        $"secret '{Text.Show(secret)}' echoed by {language} {function} as '{Text.Show(echoed)}' is left in '{Text.Show(masked)}'"
                                );
                            }
                        }
                    }
                },
                iter: 1,
                threads: 1,
                print: batch => $"a batch of {batch.Length} secrets"
            );
}
