using System.Net;

namespace CallHooks.Conformance.Tests.Listener;

/// <summary>
/// Bodies no listener can read: the strict listener must answer each with a 4xx (never a 5xx or a hang), and the
/// ServerErrorOnMalformed mode answers each with a 500. One list, so both sides cover the same cases.
/// </summary>
internal static class UnreadableBodies
{
    private const string FormType = "application/x-www-form-urlencoded";

    public static IEnumerable<TestCaseData> Cases()
    {
        static TestCaseData Case(string name, Func<HttpContent> content, HttpStatusCode strictStatus, string strictErrorStart) =>
            new TestCaseData(content, strictStatus, strictErrorStart).SetArgDisplayNames(name);

        yield return Case(
            "malformed JSON in the myoperator field",
            () => ListenerKit.Form("{\"uid\": \"n2.1596270949.2175190\","),
            HttpStatusCode.BadRequest,
            "form field 'myoperator' is not valid JSON: "
        );
        yield return Case(
            "malformed JSON body",
            () => ListenerKit.Raw("{\"myoperator\": {\"uid\": ", "application/json"),
            HttpStatusCode.BadRequest,
            "JSON body is not valid JSON: "
        );
        yield return Case(
            "wrong content type",
            () => ListenerKit.Raw("myoperator=" + Uri.EscapeDataString(ListenerKit.SeedSample), "text/plain"),
            HttpStatusCode.UnsupportedMediaType,
            "Content-Type 'text/plain' is not supported; use application/x-www-form-urlencoded or application/json"
        );
        yield return Case(
            "JSON sent as a form",
            () => ListenerKit.Raw("{\"myoperator\": " + ListenerKit.SeedSample + "}", FormType),
            HttpStatusCode.BadRequest,
            "form field 'myoperator' is missing"
        );
        yield return Case("empty form body", () => ListenerKit.Raw("", FormType), HttpStatusCode.BadRequest, "POST body is empty");
        yield return Case(
            "empty body without a content type",
            () => ListenerKit.Raw("", null),
            HttpStatusCode.BadRequest,
            "POST body is empty"
        );
    }
}
