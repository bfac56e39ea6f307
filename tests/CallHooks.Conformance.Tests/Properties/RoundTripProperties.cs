using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CallHooks.Conformance.Providers.Acefone;
using CallHooks.Conformance.Providers.StandardWebhooks;
using CallHooks.Conformance.Providers.Twilio;
using CallHooks.Conformance.Tests.Support;
using CallHooks.Conformance.Wire;
using CsCheck;

namespace CallHooks.Conformance.Tests.Properties;

/// <summary>
/// What callhooks encodes, by property, judged by code nobody here wrote: the web platform's URLSearchParams and URL
/// (node) for form bodies and query strings, System.Text.Json for rendered templates, and the providers' own verifier
/// libraries (twilio, standardwebhooks) for signatures. The node-judged properties check one batch of
/// <see cref="Check.Iter"/> cases (at least 100) per node start; a failure names the failing case, and its seed
/// regenerates the whole batch.
/// </summary>
[Category("Property")]
public sealed class RoundTripProperties
{
    private static int Batch => (int)Math.Max(100, Check.Iter);

    private static readonly Gen<KeyValuePair<string, string>[]> Pairs = Gen.Select(Text.AnyUtf16, Text.AnyUtf16, KeyValuePair.Create).Array[
        1,
        4
    ];

    [Test]
    public Task Form_encoding_is_what_the_web_platform_serializes_lone_surrogates_as_the_replacement_character() =>
        Pairs
            .Array[Batch]
            .SampleAsync(
                async batch =>
                {
                    var reference = await NodeBatch.RunAsync(
                        "reference.mjs",
                        batch
                            .Select(pairs => new JsonObject
                            {
                                ["op"] = "form",
                                ["pairs"] = new JsonArray(
                                    pairs
                                        .Select(pair => (JsonNode)new JsonArray(Text.Utf16Base64(pair.Key), Text.Utf16Base64(pair.Value)))
                                        .ToArray()
                                ),
                            })
                            .ToList()
                    );
                    for (var i = 0; i < batch.Length; i++)
                    {
                        var ours = FormUrlEncoding.Encode(batch[i]);
                        var theirs = reference[i]["value"]!.GetValue<string>();
                        Holds.True(ours == theirs, () => $"pairs {Show(batch[i])}: ours '{ours}', URLSearchParams '{theirs}'");
                        // And back: each value decodes to itself, a lone surrogate to U+FFFD.
                        foreach (var (name, value) in batch[i])
                            Holds.Equal(
                                Text.ToWellFormed(value),
                                WebUtility.UrlDecode(FormUrlEncoding.Encode(value)),
                                "decoded " + Text.Show(name)
                            );
                    }
                },
                iter: 1,
                threads: 1,
                print: batch => $"a batch of {batch.Length} cases"
            );

    [Test]
    public Task Mapped_query_parameters_parse_back_after_the_url_s_own_query() =>
        Gen.Select(Pairs, Pairs)
            .Array[Batch]
            .SampleAsync(
                async batch =>
                {
                    var urls = batch
                        .Select(cases =>
                            FormUrlEncoding.AppendQuery(
                                new Uri("http://127.0.0.1:8080/hook?" + FormUrlEncoding.Encode(cases.Item1)),
                                cases.Item2
                            )
                        )
                        .ToList();
                    var reference = await NodeBatch.RunAsync(
                        "reference.mjs",
                        urls.Select(url => new JsonObject { ["op"] = "query", ["url"] = url.AbsoluteUri }).ToList()
                    );
                    for (var i = 0; i < batch.Length; i++)
                    {
                        var expected = batch[i]
                            .Item1.Concat(batch[i].Item2)
                            .Select(pair => $"{Text.ToWellFormed(pair.Key)}={Text.ToWellFormed(pair.Value)}");
                        var parsed = reference[i]["pairs"]!
                            .AsArray()
                            .Select(pair => $"{pair![0]!.GetValue<string>()}={pair[1]!.GetValue<string>()}");
                        Holds.SequenceEqual(expected.Select(Text.Show), parsed.Select(Text.Show), "query of " + urls[i].AbsoluteUri);
                    }
                },
                iter: 1,
                threads: 1,
                print: batch => $"a batch of {batch.Length} cases"
            );

    private static readonly Gen<JsonNode?> AnyValue = Gen.Frequency(
        (4, Text.WellFormed.Select(text => (JsonNode?)JsonValue.Create(text))),
        (1, Gen.Long.Select(number => (JsonNode?)JsonValue.Create(number))),
        (1, Gen.Bool.Select(flag => (JsonNode?)JsonValue.Create(flag))),
        (1, Gen.Const<JsonNode?>(() => null)),
        (1, Gen.Select(Text.WellFormed, Text.WellFormed, (key, text) => (JsonNode?)new JsonObject { ["k" + key] = text }))
    );

    private const string JsonTemplate = """
        {"inString": "$v0", "bare": $v1, "around": "<$v2>", "list": ["$v3", $v4], "literal": "$unknown \"q\" \\ $ $5"}
        """;

    [Test]
    public void A_json_template_renders_to_json_that_reads_back_every_value() =>
        AnyValue
            .Array[5]
            .Sample(
                values =>
                {
                    var variables = new JsonObject();
                    for (var i = 0; i < values.Length; i++)
                        variables["v" + i] = values[i]?.DeepClone();
                    var rendered = TemplateRenderer.Json(JsonTemplate, variables);
                    var read = JsonNode.Parse(rendered)!;
                    Holds.Equal(TemplateRenderer.Text(values[0]), read["inString"]!.GetValue<string>(), "a variable inside a string");
                    Holds.True(JsonNode.DeepEquals(values[1], read["bare"]), () => "a bare variable: " + rendered);
                    Holds.Equal("<" + TemplateRenderer.Text(values[2]) + ">", read["around"]!.GetValue<string>(), "a variable amid text");
                    Holds.Equal(TemplateRenderer.Text(values[3]), read["list"]![0]!.GetValue<string>(), "in a list");
                    Holds.True(JsonNode.DeepEquals(values[4], read["list"]![1]), () => "a bare variable in a list: " + rendered);
                    Holds.Equal("$unknown \"q\" \\ $ $5", read["literal"]!.GetValue<string>(), "literal text");
                },
                print: values => string.Join(", ", values.Select(value => value is null ? "null" : Text.Show(value.ToJsonString())))
            );

    private static readonly Gen<string> Token = Gen.Char.AlphaNumeric.Array[16, 40].Select(chars => new string(chars));

    [Test]
    public Task Twilio_signatures_of_any_parameters_verify_with_twilios_library() =>
        Gen.Select(Token, Gen.Select(Text.WellFormed, Text.WellFormed, KeyValuePair.Create).Array[0, 6], Text.WellFormed, Gen.Bool)
            .Array[Batch]
            .SampleAsync(
                async batch =>
                {
                    var requests = batch.Select(Twilio).ToList();
                    var verdicts = await VendorVerifiers.JudgeAsync(requests);
                    for (var i = 0; i < batch.Length; i++)
                        Holds.True(verdicts[i] is null, () => $"twilio refused {requests[i].ToJsonString()}: {verdicts[i]}");
                },
                iter: 1,
                threads: 1,
                print: batch => $"a batch of {batch.Length} cases"
            );

    [Test]
    public Task Standard_webhooks_signatures_of_any_body_verify_with_the_standardwebhooks_library() =>
        Gen.Select(Gen.Byte.Array[24, 64], Token, AnyValue)
            .Array[Batch]
            .SampleAsync(
                async batch =>
                {
                    var requests = batch.Select(StandardWebhooks).ToList();
                    var verdicts = await VendorVerifiers.JudgeAsync(requests);
                    for (var i = 0; i < batch.Length; i++)
                        Holds.True(verdicts[i] is null, () => $"standardwebhooks refused {requests[i].ToJsonString()}: {verdicts[i]}");
                },
                iter: 1,
                threads: 1,
                print: batch => $"a batch of {batch.Length} cases"
            );

    /// <summary>A form POST (names unique, as twilio-node takes them as an object) or a JSON POST bound by bodySHA256.</summary>
    private static JsonObject Twilio((string Token, KeyValuePair<string, string>[] Parameters, string Path, bool Json) t)
    {
        var url = "https://example.test/" + Uri.EscapeDataString(t.Path) + "?a=1";
        var parameters = t.Parameters.DistinctBy(pair => pair.Key).ToList();
        if (!t.Json)
            return new JsonObject
            {
                ["scheme"] = "twilio",
                ["authToken"] = t.Token,
                ["url"] = url,
                ["signature"] = TwilioSignature.Compute(t.Token, url, parameters),
                ["params"] = new JsonObject(parameters.Select(pair => KeyValuePair.Create(pair.Key, (JsonNode?)pair.Value))),
            };
        var body = new JsonObject(parameters.Select(pair => KeyValuePair.Create(pair.Key, (JsonNode?)pair.Value))).ToJsonString();
        var signed = url + "&" + TwilioSignature.BodyHashParameter + "=" + TwilioSignature.BodyHash(Encoding.UTF8.GetBytes(body));
        return new JsonObject
        {
            ["scheme"] = "twilio",
            ["authToken"] = t.Token,
            ["url"] = signed,
            ["signature"] = TwilioSignature.Compute(t.Token, signed, []),
            ["body"] = body,
        };
    }

    /// <summary>Signed now: the library checks the timestamp's age against the real clock.</summary>
    private static JsonObject StandardWebhooks((byte[] Key, string Id, JsonNode? Body) t)
    {
        var secret = StandardWebhooksSecret.Prefix + Convert.ToBase64String(t.Key);
        var body = t.Body?.ToJsonString() ?? "null";
        var id = "msg_" + t.Id;
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return new JsonObject
        {
            ["scheme"] = "standard-webhooks",
            ["secret"] = secret,
            ["body"] = body,
            ["headers"] = new JsonObject
            {
                [StandardWebhooksSigner.IdHeader] = id,
                [StandardWebhooksSigner.TimestampHeader] = timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture),
                [StandardWebhooksSigner.SignatureHeader] = StandardWebhooksSigner.Sign(
                    StandardWebhooksSecret.Key(secret),
                    id,
                    timestamp,
                    Encoding.UTF8.GetBytes(body)
                ),
            },
        };
    }

    private static string Show(KeyValuePair<string, string>[] pairs) =>
        string.Join("&", pairs.Select(pair => Text.Show(pair.Key) + "=" + Text.Show(pair.Value)));
}
