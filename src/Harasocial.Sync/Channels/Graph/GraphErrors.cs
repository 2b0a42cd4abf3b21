using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Harasocial.Sync.Channels.Graph;

/// <summary>Classifies Graph failures (WIRE.md "Graph" errors; SPEC §2; channel-apis.md §1.8,
/// https://developers.facebook.com/docs/graph-api/overview/rate-limiting). The error is in the JSON body, so
/// the code decides before the HTTP status does.</summary>
internal static class GraphErrors
{
    private static readonly HashSet<string> ThrottleCodes = ["4", "17", "32", "613", "80001", "80002", "80006"];

    public static ChannelException Classify(ChannelKind channel, ChannelResponse response)
    {
        var error = TryReadError(response.Body);
        var status = (int)response.Status;
        var code = error?.Code;
        var message = error?.Message;
        var channelCode = error?.Subcode is { } sub ? $"{code}/{sub}" : code;

        if ((code is not null && ThrottleCodes.Contains(code)) || response.Status == HttpStatusCode.TooManyRequests)
        {
            return new ChannelException(channel, ChannelErrorKind.RateLimited, channelCode, message, status, RetryAfter(response));
        }

        if (code == "190" || (error is null && response.Status == HttpStatusCode.Unauthorized))
        {
            return new ChannelException(channel, ChannelErrorKind.AuthFailed, channelCode, message, status);
        }

        if (code is "1" or "2" || response.IsServerError)
        {
            return new ChannelException(channel, ChannelErrorKind.Transient, channelCode, message, status);
        }

        return new ChannelException(channel, ChannelErrorKind.Permanent, channelCode, message ?? "Unexpected Graph response.", status);
    }

    /// <summary>wait = max(Retry-After seconds, estimated_time_to_regain_access minutes × 60); neither → null
    /// (the engine picks a default).</summary>
    internal static TimeSpan? RetryAfter(ChannelResponse response)
    {
        var eta = EstimatedTimeToRegainAccess(response.BusinessUseCaseUsage);
        return (response.RetryAfter, eta) switch
        {
            (null, null) => null,
            ({ } a, null) => a,
            (null, { } b) => b,
            ({ } a, { } b) => a > b ? a : b,
        };
    }

    internal static TimeSpan? EstimatedTimeToRegainAccess(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return null;
        }

        try
        {
            var usage = JsonSerializer.Deserialize(header, GraphJsonContext.Default.DictionaryStringListGraphUsageEntry);
            var minutes = usage?.Values.SelectMany(v => v).Max(e => e.EstimatedTimeToRegainAccess);
            return minutes is { } m ? TimeSpan.FromMinutes(m) : null;
        }
        catch (JsonException)
        {
            return null; // a malformed usage header must not hide the throttle itself
        }
    }

    internal static GraphErrorBody? TryReadError(byte[] body)
    {
        if (body.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(body, GraphJsonContext.Default.GraphErrorEnvelope)?.Error;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    internal static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);
}
