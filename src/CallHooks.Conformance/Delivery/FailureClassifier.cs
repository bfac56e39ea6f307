using System.Net.Sockets;
using System.Security.Authentication;

namespace CallHooks.Conformance.Delivery;

/// <summary>
/// Turns what the socket and TLS layers throw into a precise, stable failure reason. Framing and cut-short answers are
/// named by the HTTP/1.1 reader itself (<see cref="Http1.MalformedResponseException"/>, <see cref="CutShortDiagnosis"/>).
/// </summary>
internal static class FailureClassifier
{
    /// <param name="exception">What the socket or the TLS stream threw.</param>
    public static ObservedFailure Classify(Exception exception)
    {
        var socketError = Find<SocketException>(exception)?.SocketErrorCode;
        var kind = exception switch
        {
            _ when socketError is SocketError.ConnectionRefused => FailureKind.ConnectionRefused,
            _ when socketError is SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => FailureKind.NameResolution,
            _ when Find<AuthenticationException>(exception) is not null => FailureKind.Tls,
            _ when socketError is SocketError.ConnectionReset or SocketError.ConnectionAborted or SocketError.Shutdown =>
                FailureKind.ConnectionReset,
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
            FailureKind.ConnectionReset => "connection reset before the response was complete: " + detail,
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
