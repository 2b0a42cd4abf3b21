using System.Security.Cryptography;
using System.Text;

namespace Harasocial.Sync.Channels.Shopee;

/// <summary>sign = lowercase hex HMAC-SHA256(partner key as UTF-8, base string) where the base string is
/// partner_id + path + timestamp [+ access_token + shop_id] with no separators; path without host or the
/// simulator prefix (https://open.shopee.com "API calls", channel-apis.md §4.2; WIRE.md "Shopee").</summary>
internal static class ShopeeSigner
{
    public static string Sign(string partnerKey, string partnerId, string path, long timestamp, string? accessToken = null, string? shopId = null)
    {
        var baseString = string.Concat(partnerId, path, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture), accessToken, shopId);
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(partnerKey), Encoding.UTF8.GetBytes(baseString)));
    }
}
