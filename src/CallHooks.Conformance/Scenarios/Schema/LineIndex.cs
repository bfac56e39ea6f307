namespace CallHooks.Conformance.Scenarios.Schema;

/// <summary>
/// Turns byte offsets into 1-based line and character columns. The reader only knows bytes, but
/// an editor counts characters, so "é" (two bytes) must count as one column.
/// </summary>
internal sealed class LineIndex
{
    private readonly byte[] _text;

    /// <summary>Byte offset at which each line starts; line n (1-based) starts at _lineStarts[n - 1].</summary>
    private readonly List<int> _lineStarts = [0];

    public LineIndex(ReadOnlySpan<byte> utf8)
    {
        _text = utf8.ToArray();
        for (var i = 0; i < _text.Length; i++)
        {
            if (_text[i] == (byte)'\n')
            {
                _lineStarts.Add(i + 1);
            }
            else if (_text[i] == (byte)'\r' && (i + 1 >= _text.Length || _text[i + 1] != (byte)'\n'))
            {
                // A lone CR ends a line in every editor we care about; CRLF is handled by the LF.
                _lineStarts.Add(i + 1);
            }
        }
    }

    public (int Line, int Column) Locate(int offset)
    {
        var found = _lineStarts.BinarySearch(offset);
        // BinarySearch returns the complement of the next larger start when offset is mid-line.
        var lineIndex = found >= 0 ? found : ~found - 1;
        var column = 1;
        for (var i = _lineStarts[lineIndex]; i < offset; i++)
        {
            // Continuation bytes look like 10xxxxxx; every other byte begins a character.
            if ((_text[i] & 0xC0) != 0x80)
            {
                column++;
            }
        }

        return (lineIndex + 1, column);
    }
}
