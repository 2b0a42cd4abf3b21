using System.Globalization;

namespace Harasocial.ChannelSimulator.Webhooks;

/// <summary>Webhook bodies per platform (channel-apis.md §1.7, §2.6, §3.7, §4.7).</summary>
internal static class WebhookPayloads
{
    /// <summary>A message event: inbound when the customer wrote, an echo when the account sent it.</summary>
    public static string Message(SimAccount account, SimThread thread, SimMessage message, ScenarioSecrets secrets) => account.Channel switch
    {
        Channels.Zalo => Zalo(account, thread, message, secrets),
        Channels.Shopee => Shopee(account, thread, message),
        _ => Meta(account, thread, message, secrets),
    };

    public static string Follow(SimAccount account, string userId, bool follow, ScenarioSecrets secrets, DateTimeOffset now) => JsonText.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("app_id", secrets.ZaloAppId);
        w.WriteString("oa_id", account.Id);
        w.WriteString("user_id_by_app", "app" + userId);
        w.WriteString("event_name", follow ? "follow" : "unfollow");
        w.WriteString("timestamp", now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
        w.WriteString("source", "oa_profile");
        w.WriteStartObject("follower");
        w.WriteString("id", userId);
        w.WriteEndObject();
        w.WriteEndObject();
    });

    private static string Meta(SimAccount account, SimThread thread, SimMessage message, ScenarioSecrets secrets) => JsonText.MetaStyle(w =>
    {
        var ms = message.At.ToUnixTimeMilliseconds();
        w.WriteStartObject();
        w.WriteString("object", account.Channel == Channels.Instagram ? "instagram" : "page");
        w.WriteStartArray("entry");
        w.WriteStartObject();
        w.WriteString("id", account.Id);
        w.WriteNumber("time", ms);
        w.WriteStartArray("messaging");
        w.WriteStartObject();
        WriteId(w, "sender", message.Inbound ? thread.CustomerId : account.Id);
        WriteId(w, "recipient", message.Inbound ? account.Id : thread.CustomerId);
        w.WriteNumber("timestamp", ms);
        w.WriteStartObject("message");
        w.WriteString("mid", message.Id);
        if (!message.Inbound)
        {
            w.WriteBoolean("is_echo", true);
        }

        if (!message.Inbound && !message.FromPlatform)
        {
            w.WritePropertyName("app_id");
            w.WriteRawValue(long.TryParse(secrets.MetaAppId, CultureInfo.InvariantCulture, out var appId)
                ? appId.ToString(CultureInfo.InvariantCulture) : "0");
        }

        w.WriteString("text", message.Text);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    });

    private static string Zalo(SimAccount account, SimThread thread, SimMessage message, ScenarioSecrets secrets) => JsonText.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("app_id", secrets.ZaloAppId);
        w.WriteString("user_id_by_app", "app" + thread.CustomerId);
        w.WriteString("event_name", message.Inbound ? "user_send_text" : "oa_send_text");
        w.WriteString("timestamp", message.At.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
        WriteId(w, "sender", message.Inbound ? thread.CustomerId : account.Id);
        WriteId(w, "recipient", message.Inbound ? account.Id : thread.CustomerId);
        w.WriteStartObject("message");
        w.WriteString("msg_id", message.Id);
        w.WriteString("text", message.Text);
        w.WriteEndObject();
        w.WriteEndObject();
    });

    private static string Shopee(SimAccount account, SimThread thread, SimMessage message) => JsonText.Write(w =>
    {
        var seconds = message.At.ToUnixTimeSeconds();
        w.WriteStartObject();
        w.WriteBigNumber("shop_id", account.Id);
        w.WriteNumber("code", 10);
        w.WriteNumber("timestamp", seconds);
        w.WriteStartObject("data");
        w.WriteString("type", "message");
        w.WriteStartObject("content");
        w.WriteString("message_id", message.Id);
        w.WriteString("conversation_id", thread.ThreadId);
        w.WriteBigNumber("from_id", message.Inbound ? thread.CustomerId : account.Id);
        w.WriteString("from_user_name", message.Inbound ? thread.CustomerName : account.Name);
        w.WriteBigNumber("to_id", message.Inbound ? account.Id : thread.CustomerId);
        w.WriteString("to_user_name", message.Inbound ? account.Name : thread.CustomerName);
        w.WriteString("message_type", "text");
        w.WriteStartObject("content");
        w.WriteString("text", message.Text);
        w.WriteEndObject();
        w.WriteNumber("created_timestamp", seconds);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
    });

    private static void WriteId(System.Text.Json.Utf8JsonWriter w, string name, string id)
    {
        w.WriteStartObject(name);
        w.WriteString("id", id);
        w.WriteEndObject();
    }
}
