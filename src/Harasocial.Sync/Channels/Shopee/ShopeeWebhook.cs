using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Harasocial.Sync.Channels.Shopee;

/// <summary>Shopee push (channel-apis.md §4.7): `Authorization: hex(HMAC-SHA256(partner key, callback URL + "|"
/// + raw body))`. A third-party summary names the header `x-shopee-signature`; the official text says
/// `Authorization`, which we use.</summary>
internal sealed class ShopeeWebhook(IOptions<ShopeeOptions> options) : IChannelWebhook
{
    public ChannelKind Kind => ChannelKind.Shopee;

    public WebhookVerification Verify(IHeaderDictionary headers, ReadOnlySpan<byte> body)
    {
        var header = headers.Authorization.ToString().Trim();
        if (header.Length == 0)
        {
            return WebhookVerification.MissingSignature;
        }

        var o = options.Value;
        if (string.IsNullOrEmpty(o.PartnerKey) || string.IsNullOrEmpty(o.PushCallbackUrl))
        {
            return WebhookVerification.InvalidSignature; // fail closed
        }

        var prefix = Encoding.UTF8.GetBytes(o.PushCallbackUrl + "|");
        var input = new byte[prefix.Length + body.Length];
        prefix.CopyTo(input, 0);
        body.CopyTo(input.AsSpan(prefix.Length));
        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(o.PartnerKey), input, expected);
        return WebhookSignature.HexEquals(expected, header) ? WebhookVerification.Valid : WebhookVerification.InvalidSignature;
    }

    public bool SignsTime => true;

    /// <summary>The envelope's `timestamp`, unix seconds, inside the signed body (channel-apis.md §4.7).</summary>
    public DateTimeOffset? SignedAt(ReadOnlySpan<byte> body)
    {
        try
        {
            return JsonSerializer.Deserialize(body, ShopeeJsonContext.Default.ShopeePush)?.Timestamp is { } seconds
                ? ChannelTime.TryFromSecondsOrMillis(seconds)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public IReadOnlyList<ChannelEvent> Parse(ReadOnlySpan<byte> body)
    {
        ShopeePush? push;
        try
        {
            push = JsonSerializer.Deserialize(body, ShopeeJsonContext.Default.ShopeePush);
        }
        catch (JsonException ex)
        {
            throw new WebhookFormatException("The Shopee push body is not a JSON object of the expected shape.", ex);
        }

        if (push?.Code is null)
        {
            throw new WebhookFormatException("The Shopee push body has no `code`.");
        }

        return ShopeePushMapper.ToEvents(push);
    }
}
