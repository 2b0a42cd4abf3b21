using Harasocial.Sync.Api;
using Harasocial.Sync.Channels;
using Harasocial.Sync.Storage;
using Harasocial.Sync.Sync.Jobs;

namespace Harasocial.Sync.Connections;

internal sealed record ConnectionSettings(bool? SyncSpam);

internal sealed record CreateConnectionRequest(
    string? Channel,
    string? ExternalId,
    string? Name,
    string? AccessToken,
    string? RefreshToken,
    string? LinkedPageId,
    ConnectionSettings? Settings,
    DateTimeOffset? AccessTokenExpiresAt = null) : IValidatable
{
    [System.Text.Json.Serialization.JsonIgnore]
    public ChannelKind Kind => ChannelKindNames.TryParseWireName(Channel, out var kind) ? kind : default;

    /// <summary>What <c>externalId</c> names on each channel, for the error a seller reads.</summary>
    private static string AccountIdName(ChannelKind kind) => kind switch
    {
        ChannelKind.Facebook => "the Facebook Page id",
        ChannelKind.Instagram => "the Instagram professional account id",
        ChannelKind.Zalo => "the Zalo OA id",
        _ => "the Shopee shop id",
    };

    public IEnumerable<(string Field, string Error)> Validate()
    {
        if (!ChannelKindNames.TryParseWireName(Channel, out var kind))
        {
            yield return ("channel", "channel must be one of facebook, instagram, zalo, shopee.");
            yield break;
        }

        foreach (var error in Fields.AccountId("externalId", ExternalId, AccountIdName(kind)))
        {
            yield return error;
        }

        if (string.IsNullOrWhiteSpace(AccessToken) || AccessToken.Length > 4096)
        {
            yield return ("accessToken", "accessToken is required (at most 4096 characters).");
        }

        if (kind is ChannelKind.Zalo or ChannelKind.Shopee && (string.IsNullOrWhiteSpace(RefreshToken) || RefreshToken.Length > 4096))
        {
            yield return ("refreshToken", $"refreshToken is required for {Channel}: its access tokens expire within hours.");
        }

        if (kind == ChannelKind.Instagram)
        {
            foreach (var error in Fields.AccountId("linkedPageId", LinkedPageId, "the id of the Facebook Page linked to the Instagram account"))
            {
                yield return error;
            }
        }

        if (Name is { Length: > 200 })
        {
            yield return ("name", "name is at most 200 characters.");
        }

        if (Settings?.SyncSpam == true && kind != ChannelKind.Facebook)
        {
            yield return ("settings.syncSpam", "syncSpam applies to Facebook Pages only (other channels have no spam folder to read).");
        }
    }
}

internal sealed record UpdateConnectionRequest(ConnectionSettings? Settings) : IValidatable
{
    public IEnumerable<(string Field, string Error)> Validate()
    {
        if (Settings?.SyncSpam is null)
        {
            yield return ("settings.syncSpam", "Send {\"settings\":{\"syncSpam\":true|false}}.");
        }
    }
}

internal sealed record ConnectionCounts(int Conversations, long Messages, int Posts, int Comments);

internal sealed record ConnectionView(
    string Id, string Channel, string ExternalId, string? Name, string? LinkedPageId, string Status, string? StatusReason,
    ConnectionSettings Settings, ConnectionCounts Counts, DateTimeOffset CreatedAt, DateTimeOffset? LastSyncAt, string? ActiveJobId)
{
    /// <summary><paramref name="fromWebhooks"/>: what webhooks added since (<see cref="CounterStore"/>), on top of the jobs' counts on the row.</summary>
    public static ConnectionView From(ConnectionEntity c, WebhookCounts fromWebhooks) => new(
        c.RowKey, c.Channel, c.ExternalId, c.Name, c.LinkedPageId, c.Status, c.StatusReason, new ConnectionSettings(c.SyncSpam),
        new ConnectionCounts(c.Conversations + fromWebhooks.Conversations, c.Messages + fromWebhooks.Messages, c.Posts + fromWebhooks.Posts, c.Comments + fromWebhooks.Comments),
        c.CreatedAt, c.LastSyncAt, c.ActiveJobId);
}

internal sealed record ConnectionCreated(ConnectionView Connection, JobView Job);

internal sealed record StartSyncRequest(string? Kind) : IValidatable
{
    public IEnumerable<(string Field, string Error)> Validate()
    {
        if (Kind is not ("initial" or "resync" or "spam"))
        {
            yield return ("kind", "kind must be \"initial\", \"resync\" or \"spam\".");
        }
    }
}

internal sealed record JobCreated(JobView Job);

internal sealed record ItemsPage<T>(IReadOnlyList<T> Items, string? NextCursor);
