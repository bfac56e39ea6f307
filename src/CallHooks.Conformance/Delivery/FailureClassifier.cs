using System.Net.Sockets;
using System.Security.Authentication;

namespace CallHooks.Conformance.Delivery;

/// <summary>Turns transport exceptions into a precise, stable failure reason.</summary>
internal static class FailureClassifier
{
    /// <param name="exception">What the transport threw.</param>
    /// <param name="anyResponseByte">Whether any byte of the response had arrived.</param>
    public static ObservedFailure Classify(Exception exception, bool anyResponseByte)
    {
        var socketError = Find<SocketException>(exception)?.SocketErrorCode;
        var kind = exception switch
        {
            _ when socketError is SocketError.ConnectionRefused => FailureKind.ConnectionRefused,
            _ when socketError is SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => FailureKind.NameResolution,
            HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError } => FailureKind.NameResolution,
            HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError } => FailureKind.Tls,
            _ when Find<AuthenticationException>(exception) is not null => FailureKind.Tls,
            _ when socketError is SocketError.ConnectionReset or SocketError.ConnectionAborted or SocketError.Shutdown =>
                FailureKind.ConnectionReset,
            HttpRequestException { HttpRequestError: HttpRequestError.ResponseEnded } => anyResponseByte
                ? FailureKind.ConnectionReset
                : FailureKind.EmptyReply,
            HttpRequestException { HttpRequestError: HttpRequestError.InvalidResponse } => FailureKind.MalformedResponse,
            HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError } => FailureKind.ConnectionReset,
            HttpIOException { HttpRequestError: HttpRequestError.ResponseEnded } => FailureKind.ConnectionReset,
            HttpIOException { HttpRequestError: HttpRequestError.InvalidResponse } => FailureKind.MalformedResponse,
            IOException => FailureKind.ConnectionReset,
            _ => FailureKind.Other,
        };
        return new ObservedFailure(kind, Describe(kind, exception));
    }

    private static string Describe(FailureKind kind, Exception exception)
    {
        var detail = Innermost(exception).Message;
        return kind switch
        {
            FailureKind.ConnectionRefused => "connection refused: nothing listens at the target",
            FailureKind.NameResolution => "host name does not resolve: " + detail,
            FailureKind.EmptyReply => "the listener closed the connection without sending a response",
            FailureKind.ConnectionReset => "connection reset before the response was complete: " + detail,
            FailureKind.MalformedResponse => "the response is not valid HTTP: " + detail,
            FailureKind.Tls => "TLS handshake failed: " + detail,
            _ => exception.GetType().Name + ": " + detail,
        };
    }

    private static T? Find<T>(Exception? exception)
        where T : Exception
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is T match)
                return match;
        }

        return null;
    }

    private static Exception Innermost(Exception exception)
    {
        while (exception.InnerException is not null)
            exception = exception.InnerException;
        return exception;
    }
}
