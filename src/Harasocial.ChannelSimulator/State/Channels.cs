namespace Harasocial.ChannelSimulator;

/// <summary>Channel names as used by the scenario, the control API and the webhook routes.</summary>
public static class Channels
{
    public const string Facebook = "facebook";
    public const string Instagram = "instagram";
    public const string Zalo = "zalo";
    public const string Shopee = "shopee";

    public static bool IsGraph(string channel) => channel is Facebook or Instagram;

    public static string Normalize(string channel) => channel.Trim().ToLowerInvariant() switch
    {
        "facebook" or "messenger" or "fb" => Facebook,
        "instagram" or "ig" => Instagram,
        "zalo" => Zalo,
        "shopee" => Shopee,
        _ => throw new ArgumentException($"Unknown channel '{channel}'.", nameof(channel)),
    };
}
