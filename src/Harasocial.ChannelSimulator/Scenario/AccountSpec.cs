namespace Harasocial.ChannelSimulator;

/// <summary>One connected account (Facebook page, Instagram account, Zalo OA or Shopee shop).</summary>
public sealed record AccountSpec
{
    /// <summary><c>facebook</c>, <c>instagram</c>, <c>zalo</c> or <c>shopee</c>.</summary>
    public required string Channel { get; set; }
    public required string Id { get; set; }
    public string Name { get; set; } = "Simulated account";
    public required string AccessToken { get; set; }
    public string? RefreshToken { get; set; }

    /// <summary>Zalo/Shopee access-token lifetime; null → the platform default (90000 s / 14400 s). Graph tokens never expire.</summary>
    public int? AccessTokenTtlSeconds { get; set; }

    /// <summary>Instagram only: the Facebook page the IG conversations are listed on.</summary>
    public string? LinkedPageId { get; set; }
    public IReadOnlyList<ThreadSpec> Threads { get; set; } = [];

    /// <summary>Facebook only: threads that start in the spam folder.</summary>
    public IReadOnlyList<ThreadSpec> Spam { get; set; } = [];
    public PostSpec? Posts { get; set; }

    /// <summary>Zalo only: share of customers that do not follow the OA.</summary>
    public double UnfollowerShare { get; set; }

    /// <summary>Zalo only: which reading of <c>listrecentchat</c> to serve (channel-apis.md §3.3 [conflict]).</summary>
    public RecentChatRows RecentChatRows { get; set; } = RecentChatRows.Customer;
}

/// <summary>
/// What one <c>listrecentchat</c> row is. <see cref="Customer"/>: one row per customer, their latest message (the
/// thread-summary reading). <see cref="Message"/>: every message of every customer is a row, newest first, so one
/// customer fills many rows (Z5's reading, which channel-apis.md §3.3 says to build for).
/// </summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<RecentChatRows>))]
public enum RecentChatRows
{
    [System.Text.Json.Serialization.JsonStringEnumMemberName("customer")] Customer,
    [System.Text.Json.Serialization.JsonStringEnumMemberName("message")] Message,
}

/// <summary>A batch of threads: how many, how long ago the last activity was, how many messages each.</summary>
public sealed record ThreadSpec
{
    public ValueRange Count { get; set; } = ValueRange.Of(1);
    public ValueRange? AgeDays { get; set; }
    public ValueRange? AgeMinutes { get; set; }
    public ValueRange Messages { get; set; } = ValueRange.Of(5);
}

public sealed record PostSpec
{
    public ValueRange Count { get; set; } = ValueRange.Of(5);
    public ValueRange Comments { get; set; } = ValueRange.Of(10);
    public ValueRange AgeDays { get; set; } = new(0, 90);
}
