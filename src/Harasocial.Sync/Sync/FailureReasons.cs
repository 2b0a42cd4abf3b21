using System.Text.RegularExpressions;
using Azure;
using Harasocial.Sync.Channels;

namespace Harasocial.Sync.Sync;

/// <summary>
/// What a seller reads when a job fails or a connection needs reconnecting: a stable, human-readable reason chosen by
/// the kind of failure, never exception text (which can carry hosts, paths, internal type names or a channel's own
/// words). The exception itself goes to the log next to the job id.
/// </summary>
internal static partial class FailureReasons
{
    public const string StorageUnreachable = "Storage unreachable.";

    public static string Of(Exception exception) => exception switch
    {
        ChannelException channel => Of(channel),
        RequestFailedException or HttpRequestException => StorageUnreachable,
        OperationCanceledException or TimeoutException => "A step took too long and was stopped.",
        _ => "An internal error stopped the sync (the details are in the service log).",
    };

    public static string Of(ChannelException exception) => exception.Kind switch
    {
        ChannelErrorKind.AuthFailed => $"{DisplayName(exception.Channel)} rejected the token.",
        ChannelErrorKind.RateLimited => $"{DisplayName(exception.Channel)} kept throttling the requests.",
        ChannelErrorKind.Transient => $"{DisplayName(exception.Channel)} did not answer (time-outs or server errors).",
        _ => $"{DisplayName(exception.Channel)} refused the request{Code(exception.ChannelCode)}.",
    };

    public static string DisplayName(ChannelKind channel) => channel switch
    {
        ChannelKind.Facebook => "Facebook",
        ChannelKind.Instagram => "Instagram",
        ChannelKind.Zalo => "Zalo",
        ChannelKind.Shopee => "Shopee",
        _ => "The channel",
    };

    /// <summary>The channel's error code when it is a plain code (Graph 100, Zalo -201, Shopee error_param).</summary>
    private static string Code(string? code) => code is not null && PlainCode().IsMatch(code) ? $" (code {code})" : string.Empty;

    [GeneratedRegex("^-?[A-Za-z0-9_.]{1,40}$")]
    private static partial Regex PlainCode();
}
