using System.Text.RegularExpressions;

namespace CallHooks.Conformance.Listener.MyOperatorInCall;

/// <summary>
/// The records a buggy integration keeps, for the record-bug modes of <see cref="ListenerMode"/>: what <c>/calls/{uid}</c>
/// shows in those modes instead of the <see cref="CallBook"/>'s one correct record per call. Each mode is one realistic
/// way a CRM integration loses or corrupts data while answering 200, so a test can prove the rules catch it.
/// </summary>
internal sealed partial class RecordStore(ListenerMode mode)
{
    private readonly Lock gate = new();
    private readonly List<StoredRecord> records = [];

    /// <summary>True in the modes whose records this store keeps; otherwise the call book is the record.</summary>
    public bool Active =>
        mode
            is ListenerMode.StoresRawPayload
                or ListenerMode.RecordPerEvent
                or ListenerMode.RecordPerDelivery
                or ListenerMode.UpdatesNewestRecord
                or ListenerMode.StoresMalformed;

    /// <summary>An accepted delivery of a call, stored the way the mode's integration stores it.</summary>
    public void Accepted(InCallLog log, DeliveryKind kind)
    {
        lock (gate)
        {
            var own = records.FindLastIndex(record => record.Uid == log.Uid);
            switch (mode)
            {
                case ListenerMode.RecordPerEvent when kind != DeliveryKind.Duplicate:
                case ListenerMode.RecordPerDelivery:
                    records.Add(StoredRecord.Of(log));
                    break;
                case ListenerMode.UpdatesNewestRecord when own < 0:
                    records.Add(StoredRecord.Of(log));
                    break;
                case ListenerMode.UpdatesNewestRecord:
                    // The bug: "update the latest open record" instead of the one keyed by this call.
                    records[^1] = records[^1].UpdatedFrom(log);
                    break;
                case ListenerMode.StoresRawPayload:
                    Upsert(own, StoredRecord.Of(log) with { Caller = "", Raw = log.Fingerprint });
                    break;
                case ListenerMode.StoresMalformed when kind != DeliveryKind.Duplicate:
                    Upsert(own, own < 0 ? StoredRecord.Of(log) : records[own].UpdatedFrom(log));
                    break;
            }
        }
    }

    /// <summary>A body nobody could read, kept anyway under the uid found in its text (<see cref="ListenerMode.StoresMalformed"/>).</summary>
    public void Unreadable(string body)
    {
        if (mode != ListenerMode.StoresMalformed)
            return;
        var uid = UidPattern().Match(Uri.UnescapeDataString(body.Replace('+', ' ')));
        lock (gate)
            records.Add(new StoredRecord(uid.Success ? uid.Groups[1].Value : "", "", null, "", body.Length <= 200 ? body : body[..200]));
    }

    public IReadOnlyList<StoredRecord> Find(string uid)
    {
        lock (gate)
            return records.Where(record => record.Uid == uid).ToList();
    }

    private void Upsert(int index, StoredRecord record)
    {
        if (index < 0)
            records.Add(record);
        else
            records[index] = record;
    }

    [GeneratedRegex("\"uid\"\\s*:\\s*\"([^\"]+)\"")]
    private static partial Regex UidPattern();
}
