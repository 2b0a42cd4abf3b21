namespace Harasocial.Sync.Channels.Shopee;

/// <summary>`Channels:Shopee` (SPEC §5).</summary>
internal sealed class ShopeeOptions
{
    public const string Section = "Channels:Shopee";

    public string ApiBaseUrl { get; set; } = "https://partner.shopeemobile.com";

    /// <summary>Kept as a string: ids are opaque (it is written as a JSON number in request bodies).</summary>
    public string PartnerId { get; set; } = "";

    /// <summary>HMAC key for request signing and push verification; empty (dev) makes push checks fail closed.</summary>
    public string PartnerKey { get; set; } = "";

    /// <summary>The exact URL registered with Shopee: part of the push signature base string.</summary>
    public string PushCallbackUrl { get; set; } = "";
}
