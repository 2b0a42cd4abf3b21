namespace Harasocial.Sync.Channels;

internal enum ChannelErrorKind { RateLimited, AuthFailed, Transient, Permanent }

/// <summary>A classified channel failure. The message never contains tokens, signatures or request URLs
/// (Shopee puts the access token in the query string).</summary>
internal sealed class ChannelException : Exception
{
    public ChannelException()
    {
    }

    public ChannelException(string message)
        : base(message)
    {
    }

    public ChannelException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ChannelException(
        ChannelKind channel,
        ChannelErrorKind kind,
        string? channelCode,
        string? channelMessage,
        int? httpStatus = null,
        TimeSpan? retryAfter = null,
        Exception? innerException = null)
        : base(Describe(channel, kind, channelCode, channelMessage, httpStatus), innerException)
    {
        Channel = channel;
        Kind = kind;
        ChannelCode = channelCode;
        ChannelMessage = channelMessage;
        HttpStatus = httpStatus;
        RetryAfter = retryAfter;
    }

    public ChannelKind Channel { get; }

    public ChannelErrorKind Kind { get; } = ChannelErrorKind.Permanent;

    public string? ChannelCode { get; }

    public string? ChannelMessage { get; }

    public TimeSpan? RetryAfter { get; }

    public int? HttpStatus { get; }

    private static string Describe(ChannelKind channel, ChannelErrorKind kind, string? code, string? message, int? status) =>
        $"{channel.ToWireName()} call failed ({kind}; HTTP {status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}; code {code ?? "-"}): {message ?? "no message"}";
}
