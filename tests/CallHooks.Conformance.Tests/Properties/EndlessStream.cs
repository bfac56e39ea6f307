namespace CallHooks.Conformance.Tests.Properties;

/// <summary>A listener that sends an opening and then one pattern forever, in chosen pieces; counts what was read.</summary>
internal sealed class EndlessStream(byte[] opening, byte[] repeated, IReadOnlyList<int> pieces) : ListenerStream
{
    private long position;
    private int piece;

    public long BytesRead => position;

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var want = pieces.Count == 0 ? buffer.Length : Math.Min(buffer.Length, pieces[piece++ % pieces.Count]);
        var span = buffer.Span;
        for (var i = 0; i < want; i++, position++)
            span[i] = position < opening.Length ? opening[position] : repeated[(position - opening.Length) % repeated.Length];
        return ValueTask.FromResult(want);
    }
}
