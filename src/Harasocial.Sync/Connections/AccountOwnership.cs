using Harasocial.Sync.Api;
using Harasocial.Sync.Channels;
using Harasocial.Sync.Sync;

namespace Harasocial.Sync.Connections;

/// <summary>
/// Proves at connect that the token controls the account it claims (SPEC §4 <c>POST /api/connections</c>): the
/// channel says whom the token acts for (<see cref="IChannelClient.IdentifyAsync"/>) and that must be
/// <c>externalId</c>. Without this, any tenant could claim any Page/OA/shop id first, receive its buyers' webhooks and
/// lock the real owner out. Nothing is stored or claimed before the proof.
/// </summary>
internal sealed partial class AccountOwnership(ChannelAccess access, ILogger<AccountOwnership> log)
{
    /// <summary>Retry-After of a 503 when the channel could not be asked.</summary>
    private const int RetryAfterSeconds = 5;

    /// <summary>The account's name at the channel when proven, else the problem to answer.</summary>
    public async Task<(string? ChannelName, IResult? Refusal)> ProveAsync(HttpContext http, CreateConnectionRequest request, CancellationToken cancellationToken)
    {
        var kind = request.Kind;
        var externalId = request.ExternalId!;
        var account = new ChannelAccount(kind, externalId, request.AccessToken!, request.LinkedPageId);
        var name = FailureReasons.DisplayName(kind);
        ChannelIdentity identity;
        try
        {
            identity = await access.Client(kind).IdentifyAsync(account, cancellationToken);
        }
        catch (ChannelException ex) when (ex.Kind == ChannelErrorKind.AuthFailed)
        {
            LogNotProven(log, kind, externalId, "token rejected", ex.ChannelCode);
            return (null, Problems.NotProven("accessToken", kind == ChannelKind.Shopee
                ? $"Shopee rejected this access token for shop {externalId}: it is invalid, expired, revoked or belongs to another shop."
                : $"{name} rejected this access token: it is invalid, expired or revoked."));
        }
        catch (ChannelException ex) when (ex.Kind == ChannelErrorKind.Permanent)
        {
            LogNotProven(log, kind, externalId, "request refused", ex.ChannelCode);
            return (null, kind switch
            {
                ChannelKind.Instagram => Problems.NotProven("linkedPageId", $"This access token cannot read Page {request.LinkedPageId}: use the access token of the Page linked to the Instagram account."),
                ChannelKind.Shopee => Problems.NotProven("externalId", $"Shopee refused to confirm shop {externalId} with this access token."),
                _ => Problems.NotProven("accessToken", $"{name} refused to say whom this access token belongs to."),
            });
        }
        catch (ChannelException ex)
        {
            LogUnreachable(log, kind, externalId, ex.Kind, ex.ChannelCode);
            http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return (null, Problems.Status(StatusCodes.Status503ServiceUnavailable, "Channel unavailable",
                $"{name} did not answer who this access token belongs to, so the account was not connected. Try again in a few seconds."));
        }

        if (string.Equals(identity.AccountId, externalId, StringComparison.Ordinal))
        {
            LogProven(log, kind, externalId);
            return (identity.Name, null);
        }

        LogNotProven(log, kind, externalId, "another account", null);
        return (null, kind switch
        {
            ChannelKind.Facebook => Problems.NotProven("externalId", $"This access token is not Page {externalId}'s: send that Page's own access token (a user token or another Page's token acts for someone else)."),
            ChannelKind.Instagram when identity.AccountId is null => Problems.NotProven("linkedPageId", $"Page {request.LinkedPageId} has no linked Instagram professional account."),
            ChannelKind.Instagram => Problems.NotProven("externalId", $"Page {request.LinkedPageId} is linked to another Instagram account, not {externalId}."),
            _ => Problems.NotProven("externalId", $"This access token belongs to another {name} account, not {externalId}."),
        });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ownership of {Channel} account {ExternalId} proven by the channel")]
    private static partial void LogProven(ILogger logger, ChannelKind channel, string externalId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ownership of {Channel} account {ExternalId} not proven: {Reason} (channel code {Code})")]
    private static partial void LogNotProven(ILogger logger, ChannelKind channel, string externalId, string reason, string? code);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not ask {Channel} who owns {ExternalId}: {Kind} (channel code {Code})")]
    private static partial void LogUnreachable(ILogger logger, ChannelKind channel, string externalId, ChannelErrorKind kind, string? code);
}
