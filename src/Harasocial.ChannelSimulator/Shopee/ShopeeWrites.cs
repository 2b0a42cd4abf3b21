using System.Globalization;
using System.Text.Json;
using Harasocial.ChannelSimulator.Faults;

namespace Harasocial.ChannelSimulator.Shopee;

/// <summary><c>send_message</c> (text ≤ 1000 chars) and <c>auth/access_token/get</c> (single-use refresh tokens).</summary>
internal static class ShopeeWrites
{
    public static async Task SendAsync(HttpContext context, SimulatorState state)
    {
        if (await ShopeeAuth.AuthenticateAsync(context, state, shopCall: true).ConfigureAwait(false) is not { } shop)
        {
            return;
        }

        var body = await ReadAsync(context).ConfigureAwait(false);
        var toId = Text(body, "to_id");
        var text = body is { } b && b.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.Object ? Text(content, "text") : null;
        if (Text(body, "message_type") != "text" || string.IsNullOrEmpty(text) || text.Length > 1000)
        {
            await ShopeeAuth.Error(context, 400, "error_param", "message_type must be text and content.text 1..1000 characters.").ConfigureAwait(false);
            return;
        }

        SimThread? thread = null;
        lock (state.Gate)
        {
            if (toId is not null)
            {
                shop.ByCustomer.TryGetValue(toId, out thread);
            }
        }

        if (thread is null)
        {
            await ShopeeAuth.Error(context, 400, "error_param", "to_id is not a buyer of this shop.").ConfigureAwait(false);
            return;
        }

        var message = state.AddOutbound(shop, thread, text, null);
        state.RecordSent(new SentMessage(Channels.Shopee, shop.Id, thread.CustomerId, text, null, message.Id, message.At));
        state.Webhooks.Echo(shop, thread, message);
        await RespondBytes.Send(context, 200, ShopeeJson.Envelope(context, w =>
        {
            w.WriteString("message_id", message.Id);
            w.WriteBigNumber("to_id", thread.CustomerId);
            w.WriteString("message_type", "text");
            w.WriteStartObject("content");
            w.WriteString("text", text);
            w.WriteEndObject();
            w.WriteString("conversation_id", thread.ThreadId);
            w.WriteNumber("created_timestamp", message.At.ToUnixTimeSeconds());
        })).ConfigureAwait(false);
    }

    public static async Task RefreshAsync(HttpContext context, SimulatorState state)
    {
        await ShopeeAuth.AuthenticateAsync(context, state, shopCall: false).ConfigureAwait(false);
        if (context.Response.HasStarted || context.Response.StatusCode != 200)
        {
            return;
        }

        var body = await ReadAsync(context).ConfigureAwait(false);
        var shopId = Text(body, "shop_id");
        PlatformCall.Of(context)?.Account = shopId;
        var pair = Text(body, "refresh_token") is { } refresh && Text(body, "partner_id") == state.Secrets.ShopeePartnerId.ToString(CultureInfo.InvariantCulture)
            ? state.Refresh(Channels.Shopee, refresh, shopId) : null;
        if (pair is null)
        {
            await ShopeeAuth.Error(context, 403, "error_auth", "Invalid refresh_token.").ConfigureAwait(false);
            return;
        }

        var ttl = SimulatorState.TtlSeconds(pair, state.TimeProvider.GetUtcNow());
        await Respond.Object(context, 200, w =>
        {
            w.WriteString("request_id", ShopeeAuth.RequestId(context));
            w.WriteString("error", string.Empty);
            w.WriteString("message", string.Empty);
            w.WriteString("access_token", pair.AccessToken);
            w.WriteString("refresh_token", pair.RefreshToken);
            w.WriteNumber("expire_in", ttl);
            w.WriteBigNumber("shop_id", shopId!);
            w.WriteNumber("partner_id", state.Secrets.ShopeePartnerId);
        }).ConfigureAwait(false);
    }

    private static async Task<JsonElement?> ReadAsync(HttpContext context)
    {
        try
        {
            using var doc = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
            return doc.RootElement.ValueKind == JsonValueKind.Object ? doc.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement? element, string name) =>
        element is { } e && e.TryGetProperty(name, out var v)
            ? v.ValueKind switch { JsonValueKind.String => v.GetString(), JsonValueKind.Number => v.GetRawText(), _ => null }
            : null;
}
