using System.Text.Json;
using CallHooks.Conformance.Calls;
using CallHooks.Conformance.Wire;

namespace CallHooks.Conformance.Providers.MyOperatorInCall;

/// <summary>
/// A call's In-Call request bodies, prepared once per call. Between two events of a call the log differs only in
/// <c>call_state</c> and <c>status</c>, so the rest (fourteen of sixteen fields, and their form encoding) is rendered
/// when the call's first event is built and kept in the call's memo; each event then joins the three prepared pieces
/// with its own two values. A load run builds tens of thousands of bodies a second, and rendering and encoding every
/// field again was the largest single cost of building one. The log is written once, field by field as the log object
/// serializes, and cut around the two values; tests hold the joined bodies equal to the serialized object at every call
/// state. Without a memo (contexts made outside the runners) the pieces serve the one body and are dropped.
/// </summary>
internal sealed class CallLogBody
{
    private static readonly byte[] JsonStart = "{\"myoperator\":"u8.ToArray();
    private static readonly byte[] JsonEnd = "}"u8.ToArray();

    private readonly Call call;
    private readonly ClidStyle clidStyle;
    private readonly bool form;

    // {"id":...,"rdnis":"...","call_state":   then the state's value, then   ,"event":"1","status":   then the status,
    // then   ,"users":[...],...,"job_id":null}   (form-encoded for a form body, and inside the envelope of the encoding).
    private readonly byte[] head;
    private readonly byte[] middle;
    private readonly byte[] tail;

    private CallLogBody(Call call, ClidStyle clidStyle, bool form, string anyState)
    {
        this.call = call;
        this.clidStyle = clidStyle;
        this.form = form;
        var cuts = new int[4];
        var json = PayloadJson.Write((Fields: CallLog.Fields(call, anyState, clidStyle), Cuts: cuts), static (json, state) =>
            WriteCut(json, state.Fields, state.Cuts)
        );
        var headJson = json.AsSpan(0, cuts[0]);
        var middleJson = json.AsSpan(cuts[1], cuts[2] - cuts[1]);
        var tailJson = json.AsSpan(cuts[3]);
        (head, middle, tail) = form
            ? (FormUrlEncoding.Field("myoperator"u8, headJson), FormUrlEncoding.Bytes(middleJson), FormUrlEncoding.Bytes(tailJson))
            : (Join(JsonStart, headJson.ToArray()), middleJson.ToArray(), Join(tailJson.ToArray(), JsonEnd));
    }

    /// <summary>The body of the context's event: the call's prepared pieces (made now if the memo holds none for this call) around its two values.</summary>
    public static byte[] Render(StepContext context, ClidStyle clidStyle, bool form)
    {
        if (
            context.Memo?.Value is not CallLogBody body
            || !ReferenceEquals(body.call, context.Call)
            || body.clidStyle != clidStyle
            || body.form != form
        )
        {
            body = new CallLogBody(context.Call, clidStyle, form, context.Step.Event);
            context.Memo?.Value = body;
        }

        return Join(
            body.head,
            body.Value(context.Step.Event),
            body.middle,
            body.Value(CallLog.StatusAt(body.call, context.Step.Event)),
            body.tail
        );
    }

    /// <summary>
    /// The log object's JSON, field by field, noting where the values of call_state and status start
    /// and end (the writer puts the comma before a member, so each cut piece carries its own).
    /// </summary>
    private static void WriteCut(Utf8JsonWriter json, CallLogField[] fields, int[] cuts)
    {
        var cut = 0;
        json.WriteStartObject();
        foreach (var field in fields)
        {
            json.WritePropertyName(field.Name);
            var varies = field.Name.Equals(CallLog.CallStateName) || field.Name.Equals(CallLog.StatusName);
            if (varies)
                cuts[cut++] = Committed(json);
            CallLog.WriteValue(json, field);
            if (varies)
                cuts[cut++] = Committed(json);
        }

        json.WriteEndObject();
        if (cut != cuts.Length)
            throw new InvalidOperationException("the In-Call log lists call_state, then status, once each");
    }

    private static int Committed(Utf8JsonWriter json)
    {
        json.Flush();
        return (int)json.BytesCommitted;
    }

    /// <summary>A value as the log's writer writes it (a JSON string, or null), form-encoded for a form body.</summary>
    private byte[] Value(string? text)
    {
        var json = PayloadJson.Write(text, static (json, text) =>
        {
            if (text is null)
                json.WriteNullValue();
            else
                json.WriteStringValue(text);
        });
        return form ? FormUrlEncoding.Bytes(json) : json;
    }

    private static byte[] Join(params ReadOnlySpan<byte[]> pieces)
    {
        var length = 0;
        foreach (var piece in pieces)
            length += piece.Length;
        var joined = new byte[length];
        var at = 0;
        foreach (var piece in pieces)
        {
            piece.CopyTo(joined, at);
            at += piece.Length;
        }

        return joined;
    }
}
