namespace CallHooks.Conformance.Delivery.Http1;

/// <summary>Where in a response body the connection is.</summary>
internal enum BodyPhase
{
    /// <summary>Bytes of data: the rest of a Content-Length body or chunk, or everything until close.</summary>
    Data,

    /// <summary>The line end after a chunk's data.</summary>
    DataEnd,

    /// <summary>A chunk size line.</summary>
    SizeLine,

    /// <summary>Trailer fields after the last chunk.</summary>
    Trailer,

    /// <summary>The body is complete.</summary>
    Done,
}
