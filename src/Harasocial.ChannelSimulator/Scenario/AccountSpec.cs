namespace Harasocial.ChannelSimulator;

/// <summary>One connected account (Facebook page, Instagram account, Zalo OA or Shopee shop).</summary>
public sealed record AccountSpec
{
    /// <summary><c>facebook</c>, <c>instagram</c>, <c>zalo</c> or <c>shopee</c>.</summary>
    public required string Channel { get; init; }
    public required string Id { get; init; }
    public string Name { get; init; } = "Simulated account";
    public required string AccessToken { get; init; }
    public string? RefreshToken { get; init; }

    /// <summary>Zalo/Shopee access-token lifetime; null → the platform default (90000 s / 14400 s). Graph tokens never expire.</summary>
    public int? AccessTokenTtlSeconds { get; init; }

    /// <summary>Instagram only: the Facebook page the IG conversations are listed on.</summary>
    public string? LinkedPageId { get; init; }
    public IReadOnlyList<ThreadSpec> Threads { get; init; } = [];

    /// <summary>Facebook only: threads that start in the spam folder.</summary>
    public IReadOnlyList<ThreadSpec> Spam { get; init; } = [];
    public PostSpec? Posts { get; init; }

    /// <summary>Zalo only: share of customers that do not follow the OA.</summary>
    public double UnfollowerShare { get; init; }
}

/// <summary>A batch of threads: how many, how long ago the last activity was, how many messages each.</summary>
public sealed record ThreadSpec
{
    public ValueRange Count { get; init; } = ValueRange.Of(1);
    public ValueRange? AgeDays { get; init; }
    public ValueRange? AgeMinutes { get; init; }
    public ValueRange Messages { get; init; } = ValueRange.Of(5);
}

public sealed record PostSpec
{
    public ValueRange Count { get; init; } = ValueRange.Of(5);
    public ValueRange Comments { get; init; } = ValueRange.Of(10);
    public ValueRange AgeDays { get; init; } = new(0, 90);
}
