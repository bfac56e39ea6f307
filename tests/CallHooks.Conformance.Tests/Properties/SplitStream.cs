namespace CallHooks.Conformance.Tests.Properties;

/// <summary>
/// A listener's side of a connection, in memory: each read gets the next piece of the response as the property chose
/// to split it (never more than the reader's buffer), then the close, or a stall until the reader gives up.
/// Counts what was read, so a property can bound how much of an endless answer the harness took in.
/// </summary>
internal sealed class SplitStream(byte[] response, IReadOnlyList<int> pieces, bool stallAtEnd) : ListenerStream
{
    private int offset;
    private int piece;
    private int leftInPiece = -1;

    public long BytesRead => offset;

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (offset == response.Length)
        {
            if (stallAtEnd)
                await Task.Delay(Timeout.Infinite, cancellationToken);
            return 0;
        }

        if (leftInPiece <= 0)
            leftInPiece = pieces.Count == 0 ? response.Length : Math.Max(1, pieces[piece++ % pieces.Count]);
        var count = Math.Min(Math.Min(leftInPiece, buffer.Length), response.Length - offset);
        response.AsMemory(offset, count).CopyTo(buffer);
        offset += count;
        leftInPiece -= count;
        return count;
    }
}
