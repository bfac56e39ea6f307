using CallHooks.Conformance.Delivery;
using CallHooks.Conformance.Generation;
using CallHooks.Conformance.Providers;
using CallHooks.Conformance.Providers.MyOperatorInCall;
using CallHooks.Conformance.Tests.Support;
using CallHooks.Conformance.Wire;

namespace CallHooks.Conformance.Tests.Wire;

/// <summary>What the golden files hold (the rendering) is byte for byte what both transports really send.</summary>
public sealed class RawWireTests
{
    [TestCase("GET", "form", Transport.Conformance)]
    [TestCase("POST", "form", Transport.Conformance)]
    [TestCase("POST", "json", Transport.Conformance)]
    [TestCase("GET", "form", Transport.Load)]
    [TestCase("POST", "form", Transport.Load)]
    [TestCase("POST", "json", Transport.Load)]
    public async Task Transport_sends_exactly_the_rendered_bytes(string method, string encoding, Transport transport)
    {
        using var capture = new RawCapture();
        var scenario = Fixtures.Scenario("incoming-answered");
        var call = CallGenerator.Generate(scenario, Fixtures.Seed, Fixtures.Now);
        var config = Fixtures.Config(method, encoding) with { Target = new Uri(capture.BaseUrl, "webhook?src=panel") };
        var request = new MyOperatorInCallProfile().Build(new StepContext(call, scenario.Steps[1], 1, call.StartedAt), config);

        using var client = TransportUnderTest.Create(transport, TlsTrust.System);
        var captured = capture.CaptureOneAsync();
        var observation = await client.SendAsync(request, TimeSpan.FromSeconds(10), CancellationToken.None);

        Assert.That(observation.Response?.Status, Is.EqualTo(200), observation.Failure?.Message);
        Assert.That(
            System.Text.Encoding.UTF8.GetString(await captured),
            Is.EqualTo(System.Text.Encoding.UTF8.GetString(RawHttpRenderer.Render(request)))
        );
    }

    [TestCase("http://[::1]:8080/hook", "Host: [::1]:8080")]
    [TestCase("http://[fe80::1%25eth0]:8080/hook", "Host: [fe80::1]:8080")]
    [TestCase("http://bücher.example/hook", "Host: xn--bcher-kva.example")]
    [TestCase("https://127.0.0.1/hook", "Host: 127.0.0.1")]
    [TestCase("http://localhost:80/hook", "Host: localhost")]
    public void The_host_line_is_written_as_httpclient_writes_it(string url, string hostLine)
    {
        var rendered = System.Text.Encoding.ASCII.GetString(
            RawHttpRenderer.Render(new WebhookRequest { Method = "GET", Url = new Uri(url) })
        );
        Assert.That(rendered.Split("\r\n")[1], Is.EqualTo(hostLine));
    }

    [Test]
    public void Form_encoding_follows_the_urlencoded_serializer()
    {
        Assert.That(FormUrlEncoding.Encode("a b+c/é*-._~{\"x\":1}"), Is.EqualTo("a+b%2Bc%2F%C3%A9*-._%7E%7B%22x%22%3A1%7D"));
    }

    [Test]
    public void Form_encoding_leaves_an_unreserved_value_as_it_is()
    {
        Assert.That(FormUrlEncoding.Encode("Az09*-._"), Is.EqualTo("Az09*-._"));
    }

    [Test]
    public void A_one_field_form_body_is_encoded_from_bytes_exactly_as_from_text()
    {
        var value = "{\"clid\":\"+91 98\",\"name\":\"Rāj Kumār\",\"url\":\"a/b?c=d&e\"}";
        var body = FormUrlEncoding.Field("myoperator"u8, System.Text.Encoding.UTF8.GetBytes(value));
        Assert.That(System.Text.Encoding.ASCII.GetString(body), Is.EqualTo("myoperator=" + FormUrlEncoding.Encode(value)));
        Assert.That(
            System.Text.Encoding.ASCII.GetString(body),
            Is.EqualTo(
                "myoperator=%7B%22clid%22%3A%22%2B91+98%22%2C%22name%22%3A%22R%C4%81j+Kum%C4%81r%22%2C%22url%22%3A%22a%2Fb%3Fc%3Dd%26e%22%7D"
            )
        );
    }

    [TestCase(62)]
    [TestCase(63)]
    [TestCase(64)]
    [TestCase(65)]
    public void Payload_bytes_and_text_refuse_the_same_nesting_depth(int depth)
    {
        System.Text.Json.Nodes.JsonNode node = new System.Text.Json.Nodes.JsonObject();
        for (var level = 1; level < depth; level++)
            node = new System.Text.Json.Nodes.JsonObject { ["a"] = node };
        string? text = null;
        byte[]? bytes = null;
        var textError = Catch(() => text = PayloadJson.Serialize(node));
        var bytesError = Catch(() => bytes = PayloadJson.SerializeToUtf8(node));
        Assert.That(bytesError?.GetType(), Is.EqualTo(textError?.GetType()), $"text: {textError?.Message}; bytes: {bytesError?.Message}");
        if (text is not null)
            Assert.That(System.Text.Encoding.UTF8.GetString(bytes!), Is.EqualTo(text));

        static Exception? Catch(Action action)
        {
            try
            {
                action();
                return null;
            }
            catch (InvalidOperationException exception)
            {
                return exception;
            }
        }
    }

    [Test]
    public void Query_is_appended_to_a_target_that_already_has_one()
    {
        var url = FormUrlEncoding.AppendQuery(new Uri("http://127.0.0.1:9/hook?key=1"), [KeyValuePair.Create("n", "+91 1")]);
        Assert.That(url.PathAndQuery, Is.EqualTo("/hook?key=1&n=%2B91+1"));
    }
}
