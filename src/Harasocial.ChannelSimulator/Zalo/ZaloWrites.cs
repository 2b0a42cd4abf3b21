using System.Globalization;
using System.Text.Json;
using Harasocial.ChannelSimulator.Faults;

namespace Harasocial.ChannelSimulator.Zalo;

/// <summary><c>POST /v3.0/oa/message/cs</c> and the OAuth refresh (single-use refresh tokens).</summary>
internal static class ZaloWrites
{
    public static async Task SendAsync(HttpContext context, SimulatorState state)
    {
        if (await ZaloAuth.AuthenticateAsync(context, state).ConfigureAwait(false) is not { } oa)
        {
            return;
        }

        JsonElement root;
        try
        {
            using var doc = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
            root = doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            await ZaloAuth.Error(context, -201, "Body is not valid JSON").ConfigureAwait(false);
            return;
        }

        var text = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.Object
            ? ZaloRows.Text(m, "text") : null;
        if (string.IsNullOrEmpty(text) || text.Length > 2000)
        {
            await ZaloAuth.Error(context, -201, "message.text is empty or longer than 2000 characters").ConfigureAwait(false);
            return;
        }

        var recipient = root.TryGetProperty("recipient", out var r) && r.ValueKind == JsonValueKind.Object ? r : default;
        if (recipient.ValueKind != JsonValueKind.Object
            || await ZaloReads.Thread(context, state, oa, recipient).ConfigureAwait(false) is not { } thread)
        {
            if (recipient.ValueKind != JsonValueKind.Object)
            {
                await ZaloAuth.Error(context, -201, "recipient is required").ConfigureAwait(false);
            }

            return;
        }

        var message = state.AddOutbound(oa, thread, text, null);
        state.RecordSent(new SentMessage(Channels.Zalo, oa.Id, thread.CustomerId, text, null, message.Id, message.At));
        state.Webhooks.Echo(oa, thread, message);
        await Respond.Object(context, 200, w =>
        {
            w.WriteNumber("error", 0);
            w.WriteString("message", "Success");
            w.WriteStartObject("data");
            w.WriteString("message_id", message.Id);
            w.WriteString("user_id", thread.CustomerId);
            w.WriteEndObject();
        }).ConfigureAwait(false);
    }

    public static async Task RefreshAsync(HttpContext context, SimulatorState state)
    {
        var form = context.Request.HasFormContentType
            ? await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false)
            : null;
        var secrets = state.Secrets;
        if (context.Request.Headers["secret_key"].ToString() != secrets.ZaloAppSecret)
        {
            await ZaloAuth.Error(context, -14014, "Invalid secret key").ConfigureAwait(false);
            return;
        }

        if (form?["app_id"].ToString() != secrets.ZaloAppId || form["grant_type"].ToString() != "refresh_token")
        {
            await ZaloAuth.Error(context, -14003, "Invalid app_id or grant_type").ConfigureAwait(false);
            return;
        }

        var pair = state.Refresh(Channels.Zalo, form["refresh_token"].ToString(), null);
        if (pair is null)
        {
            await ZaloAuth.Error(context, -14020, "Invalid refresh token").ConfigureAwait(false);
            return;
        }

        PlatformCall.Of(context)?.Account = ZaloAuth.FindByToken(state, pair.AccessToken)?.Id;
        var ttl = SimulatorState.TtlSeconds(pair, state.TimeProvider.GetUtcNow());
        await Respond.Object(context, 200, w =>
        {
            w.WriteString("access_token", pair.AccessToken);
            w.WriteString("refresh_token", pair.RefreshToken);
            w.WriteString("expires_in", ttl.ToString(CultureInfo.InvariantCulture));
        }).ConfigureAwait(false);
    }
}
