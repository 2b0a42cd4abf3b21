namespace Harasocial.Sync.Channels;

/// <summary>Channel logs. Only the path (never the query: Shopee puts the token there), the classification and
/// the channel's code are logged — no tokens, signatures or bodies.</summary>
internal static partial class ChannelLog
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Warning, Message = "{Channel} call {Path} failed: {Kind} (HTTP {Status}, code {Code})")]
    public static partial void CallFailed(ILogger logger, ChannelKind channel, string path, ChannelErrorKind kind, int? status, string? code);

    public static void CallFailed(ILogger logger, string path, ChannelException ex) =>
        CallFailed(logger, ex.Channel, path, ex.Kind, ex.HttpStatus, ex.ChannelCode);

    /// <summary>Awaits a channel call and logs its failure (path and classification only) before passing it on.</summary>
    public static async Task<T> LoggedAsync<T>(ILogger logger, string path, Task<T> call)
    {
        try
        {
            return await call.ConfigureAwait(false);
        }
        catch (ChannelException ex)
        {
            CallFailed(logger, path, ex);
            throw;
        }
    }
}
