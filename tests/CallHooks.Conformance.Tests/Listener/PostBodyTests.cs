using System.Net;

namespace CallHooks.Conformance.Tests.Listener;

/// <summary>How a POST delivery is taken apart: form field <c>myoperator</c> or JSON body, and every way that can fail.</summary>
public sealed class PostBodyTests : ListenerTestBase
{
    [Test]
    public async Task Seed_sample_posted_as_form_field_is_accepted()
    {
        var reply = await ListenerKit.PostAsync(Client, ListenerKit.Form(ListenerKit.SeedSample));

        Assert.Multiple(() =>
        {
            Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK), reply.Body);
            Assert.That(reply.MediaType, Is.EqualTo("application/json"));
            Assert.That(reply.Body, Is.EqualTo("""{"ok":true,"uid":"n2.1596270949.2175190","call_state":"1"}"""));
        });
    }

    [Test]
    public async Task Seed_sample_posted_as_json_body_is_accepted()
    {
        var reply = await ListenerKit.PostAsync(Client, ListenerKit.Json(ListenerKit.SeedSample));

        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK), reply.Body);
        Assert.That(reply.Body, Is.EqualTo("""{"ok":true,"uid":"n2.1596270949.2175190","call_state":"1"}"""));
    }

    [TestCase("application/x-www-form-urlencoded; charset=utf-8")]
    [TestCase("application/x-www-form-urlencoded; charset=UTF-8")]
    [TestCase("APPLICATION/X-WWW-FORM-URLENCODED")]
    public async Task Form_content_type_variants_are_accepted(string contentType)
    {
        var reply = await ListenerKit.PostAsync(Client, ListenerKit.Form(ListenerKit.SeedSample, contentType));

        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK), reply.Body);
    }

    [Test]
    public async Task Post_with_mapped_query_parameters_and_other_form_fields_is_accepted()
    {
        var body = "source=panel&myoperator=" + Uri.EscapeDataString(ListenerKit.SeedSample);

        var reply = await ListenerKit.PostAsync(
            Client,
            ListenerKit.Raw(body, "application/x-www-form-urlencoded"),
            "/hooks/myoperator.php?caller_number=%2B919711636496&uid=n2.1596270949.2175190"
        );

        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK), reply.Body);
    }

    [Test]
    public async Task Post_form_without_myoperator_field_is_rejected_with_400()
    {
        var reply = await ListenerKit.PostAsync(
            Client,
            ListenerKit.Raw("call=" + Uri.EscapeDataString(ListenerKit.SeedSample), "application/x-www-form-urlencoded")
        );

        AssertRejected(reply, HttpStatusCode.BadRequest, "form field 'myoperator' is missing");
    }

    [Test]
    public async Task Post_form_with_myoperator_twice_is_rejected_with_400()
    {
        var field = "myoperator=" + Uri.EscapeDataString(ListenerKit.SeedSample);

        var reply = await ListenerKit.PostAsync(Client, ListenerKit.Raw(field + "&" + field, "application/x-www-form-urlencoded"));

        AssertRejected(reply, HttpStatusCode.BadRequest, "form field 'myoperator' appears 2 times; send it once");
    }

    [Test]
    public async Task Post_form_with_empty_myoperator_is_rejected_with_400()
    {
        var reply = await ListenerKit.PostAsync(Client, ListenerKit.Raw("myoperator=", "application/x-www-form-urlencoded"));

        AssertRejected(reply, HttpStatusCode.BadRequest, "form field 'myoperator' is empty");
    }

    [Test]
    public async Task Post_form_with_invalid_json_names_the_json_error()
    {
        var reply = await ListenerKit.PostAsync(Client, ListenerKit.Form("{\"id\": \"5f25296c4122c135\","));

        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(reply.Error, Does.StartWith("form field 'myoperator' is not valid JSON: ").And.Contain("LineNumber"));
    }

    [Test]
    public async Task Post_form_with_a_json_array_is_rejected_with_400()
    {
        var reply = await ListenerKit.PostAsync(Client, ListenerKit.Form("[" + ListenerKit.SeedSample + "]"));

        AssertRejected(reply, HttpStatusCode.BadRequest, "form field 'myoperator' must hold a JSON object, got array");
    }

    [Test]
    public async Task Post_form_with_a_repeated_json_key_is_rejected_with_400()
    {
        var log = ListenerKit.SeedSample.Replace("\"job_id\": null", "\"job_id\": null, \"call_state\": \"2\"", StringComparison.Ordinal);

        var reply = await ListenerKit.PostAsync(Client, ListenerKit.Form(log));

        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(reply.Error, Does.StartWith("form field 'myoperator' is not valid JSON: ").And.Contain("call_state"));
    }

    [Test]
    public async Task Form_body_with_an_unencoded_plus_turns_it_into_a_space_and_clid_is_rejected()
    {
        // What `curl -d myoperator=<log>` from the docs really sends: '+' is not encoded, and form decoding makes it a space.
        var log = ListenerKit.SeedSample.Replace("\"clid\": \"9711636496\"", "\"clid\": \"+919711636496\"", StringComparison.Ordinal);

        var reply = await ListenerKit.PostAsync(Client, ListenerKit.Raw("myoperator=" + log, "application/x-www-form-urlencoded"));

        AssertRejected(reply, HttpStatusCode.BadRequest, "clid must be 10 national digits or +E.164, got \" 919711636496\"");
    }

    [Test]
    public async Task Form_body_that_is_not_utf8_is_rejected_with_400()
    {
        using var content = new ByteArrayContent([(byte)'m', (byte)'y', (byte)'=', 0xC3, 0x28]);
        content.Headers.ContentType = new("application/x-www-form-urlencoded");

        var reply = await ListenerKit.PostAsync(Client, content);

        AssertRejected(reply, HttpStatusCode.BadRequest, "form body is not valid UTF-8");
    }

    [Test]
    public async Task Post_json_body_that_is_not_an_object_is_rejected_with_400()
    {
        var reply = await ListenerKit.PostAsync(Client, ListenerKit.Raw("[1,2]", "application/json"));

        AssertRejected(reply, HttpStatusCode.BadRequest, "JSON body must be an object, got array");
    }

    [Test]
    public async Task Post_json_body_without_myoperator_property_is_rejected_with_400()
    {
        var reply = await ListenerKit.PostAsync(Client, ListenerKit.Raw(ListenerKit.SeedSample, "application/json"));

        AssertRejected(reply, HttpStatusCode.BadRequest, "JSON body has no 'myoperator' property");
    }

    [Test]
    public async Task Post_json_body_with_myoperator_as_a_json_string_is_rejected_as_double_encoded()
    {
        var encoded = System.Text.Json.JsonSerializer.Serialize(ListenerKit.SeedSample);

        var reply = await ListenerKit.PostAsync(Client, ListenerKit.Json(encoded));

        AssertRejected(
            reply,
            HttpStatusCode.BadRequest,
            "JSON property 'myoperator' must be an object, got string (the call log is JSON-encoded twice)"
        );
    }

    [Test]
    public async Task Post_json_body_with_myoperator_as_a_number_is_rejected_with_400()
    {
        var reply = await ListenerKit.PostAsync(Client, ListenerKit.Json("42"));

        AssertRejected(reply, HttpStatusCode.BadRequest, "JSON property 'myoperator' must be an object, got number");
    }

    [Test]
    public async Task Post_json_body_that_is_not_json_names_the_json_error()
    {
        var reply = await ListenerKit.PostAsync(
            Client,
            ListenerKit.Raw("myoperator=" + Uri.EscapeDataString(ListenerKit.SeedSample), "application/json")
        );

        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(reply.Error, Does.StartWith("JSON body is not valid JSON: "));
    }

    [TestCase("text/plain", "Content-Type 'text/plain' is not supported; use application/x-www-form-urlencoded or application/json")]
    [TestCase(
        "application/xml",
        "Content-Type 'application/xml' is not supported; use application/x-www-form-urlencoded or application/json"
    )]
    [TestCase(
        "multipart/form-data; boundary=x",
        "Content-Type 'multipart/form-data' is not supported; use application/x-www-form-urlencoded or application/json"
    )]
    [TestCase(null, "Content-Type is missing or unreadable; use application/x-www-form-urlencoded or application/json")]
    [TestCase("application/x-www-form-urlencoded; charset=iso-8859-1", "charset 'iso-8859-1' is not supported; the call log is UTF-8")]
    public async Task Post_with_an_unsupported_content_type_is_rejected_with_415(string? contentType, string error)
    {
        var reply = await ListenerKit.PostAsync(
            Client,
            ListenerKit.Raw("myoperator=" + Uri.EscapeDataString(ListenerKit.SeedSample), contentType)
        );

        AssertRejected(reply, HttpStatusCode.UnsupportedMediaType, error);
    }

    [TestCase("application/x-www-form-urlencoded")]
    [TestCase("application/json")]
    [TestCase(null)]
    public async Task Empty_post_body_is_rejected_with_400(string? contentType)
    {
        var reply = await ListenerKit.PostAsync(Client, ListenerKit.Raw("", contentType));

        AssertRejected(reply, HttpStatusCode.BadRequest, "POST body is empty");
    }

    [Test]
    public async Task Post_without_any_content_is_rejected_with_400()
    {
        var reply = await ListenerKit.SendAsync(Client, HttpMethod.Post, "/webhook");

        AssertRejected(reply, HttpStatusCode.BadRequest, "POST body is empty");
    }

    [Test]
    public async Task Post_body_over_one_megabyte_is_rejected_with_413()
    {
        var body = "myoperator=" + new string('a', 1024 * 1024);

        var reply = await ListenerKit.PostAsync(Client, ListenerKit.Raw(body, "application/x-www-form-urlencoded"));

        AssertRejected(reply, HttpStatusCode.RequestEntityTooLarge, "POST body is larger than 1048576 bytes");
    }

    [Test]
    public async Task Rejected_post_leaves_no_call_record()
    {
        await ListenerKit.PostAsync(Client, ListenerKit.Form(ListenerKit.Sample(l => l["event"] = 2)));

        Assert.That(Listener.Calls, Is.Empty);
    }

    internal static void AssertRejected(Reply reply, HttpStatusCode status, string error) =>
        Assert.Multiple(() =>
        {
            Assert.That(reply.Status, Is.EqualTo(status), reply.Body);
            Assert.That(reply.MediaType, Is.EqualTo("application/json"));
            Assert.That(reply.Json.GetProperty("ok").GetBoolean(), Is.False);
            Assert.That(reply.Error, Is.EqualTo(error));
        });
}
