using System.Text.Json.Serialization;

namespace Harasocial.Sync.Channels;

/// <summary>The platforms we import from. The wire/JSON name is lowercase ("facebook", …).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ChannelKind>))]
public enum ChannelKind
{
    [JsonStringEnumMemberName("facebook")] Facebook,
    [JsonStringEnumMemberName("instagram")] Instagram,
    [JsonStringEnumMemberName("zalo")] Zalo,
    [JsonStringEnumMemberName("shopee")] Shopee,
}

internal static class ChannelKindNames
{
    public static string ToWireName(this ChannelKind kind) => kind switch
    {
        ChannelKind.Facebook => "facebook",
        ChannelKind.Instagram => "instagram",
        ChannelKind.Zalo => "zalo",
        ChannelKind.Shopee => "shopee",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown channel."),
    };

    public static bool TryParseWireName(string? name, out ChannelKind kind)
    {
        foreach (var candidate in Enum.GetValues<ChannelKind>())
        {
            if (string.Equals(candidate.ToWireName(), name, StringComparison.Ordinal))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }
}
