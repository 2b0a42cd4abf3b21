using System.Text;
using System.Text.Json;

namespace Harasocial.ChannelSimulator.Graph;

/// <summary><c>POST /{page-id}/messages</c>: Messenger windows (24 h RESPONSE, 7 d HUMAN_AGENT) and text limits.</summary>
internal static class GraphSend
{
    private static readonly TimeSpan StandardWindow = TimeSpan.FromHours(24);
    private static readonly TimeSpan HumanAgentWindow = TimeSpan.FromDays(7);

    public static async Task SendAsync(HttpContext context, SimulatorState state, string id)
    {
        var request = await SendRequest.ReadAsync(context).ConfigureAwait(false);
        var (account, thread) = Find(state, id, request?.RecipientId);
        if (account is null)
        {
            await GraphAuth.NotFound(context, id).ConfigureAwait(false);
            return;
        }

        if (!await GraphAuth.CheckAsync(context, state, account).ConfigureAwait(false))
        {
            return;
        }

        if (await Validate(context, state, account, thread, request).ConfigureAwait(false) is not { } text)
        {
            return;
        }

        var message = state.AddOutbound(account, thread!, text, request!.Tag);
        state.RecordSent(new SentMessage(account.Channel, account.Id, thread!.CustomerId, text, request.Tag, message.Id, message.At));
        state.Webhooks.Echo(account, thread, message);
        await Respond.Object(context, 200, w =>
        {
            w.WriteString("recipient_id", thread.CustomerId);
            w.WriteString("message_id", message.Id);
        }).ConfigureAwait(false);
    }

    private static async Task<string?> Validate(HttpContext context, SimulatorState state, SimAccount account, SimThread? thread, SendRequest? request)
    {
        if (request?.Text is not { Length: > 0 } text)
        {
            await GraphErrors.InvalidParameter(context, "param message must be non-empty.").ConfigureAwait(false);
            return null;
        }

        if (thread is null)
        {
            await GraphErrors.Write(context, 400, 100, "(#100) No matching user found", subcode: 2018001).ConfigureAwait(false);
            return null;
        }

        var ig = account.Channel == Channels.Instagram;
        if (ig ? Encoding.UTF8.GetByteCount(text) > 1000 : text.Length > 2000)
        {
            await GraphErrors.InvalidParameter(context, ig ? "Message text must be at most 1000 bytes." : "Length of param message[text] must be less than or equal to 2000").ConfigureAwait(false);
            return null;
        }

        TimeSpan window;
        switch (request.MessagingType)
        {
            case "RESPONSE" or "UPDATE" when request.Tag is null:
                window = StandardWindow;
                break;
            case "MESSAGE_TAG" when request.Tag == "HUMAN_AGENT":
                window = HumanAgentWindow;
                break;
            default:
                await GraphErrors.InvalidParameter(context, "Invalid messaging_type or tag. Only RESPONSE, UPDATE and MESSAGE_TAG with HUMAN_AGENT are accepted.").ConfigureAwait(false);
                return null;
        }

        DateTimeOffset? lastInbound;
        lock (state.Gate)
        {
            lastInbound = MessageFactory.LastInboundAt(account.Channel, thread);
        }

        if (lastInbound is null || state.TimeProvider.GetUtcNow() - lastInbound.Value > window)
        {
            await GraphErrors.Write(context, 400, 10, "(#10) This message is sent outside of allowed window.", subcode: 2018278).ConfigureAwait(false);
            return null;
        }

        return text;
    }

    /// <summary>The page (or an IG account linked to it, or the IG account itself) that has this recipient.</summary>
    private static (SimAccount? Account, SimThread? Thread) Find(SimulatorState state, string id, string? recipient)
    {
        lock (state.Gate)
        {
            var candidates = state.AllAccounts
                .Where(a => Channels.IsGraph(a.Channel) && (a.Id == id || a.Spec.LinkedPageId == id))
                .OrderBy(a => a.Id == id ? 0 : 1)
                .ToList();
            foreach (var account in candidates)
            {
                if (recipient is not null && account.ByCustomer.TryGetValue(recipient, out var thread))
                {
                    return (account, thread);
                }
            }

            return (candidates.FirstOrDefault(), null);
        }
    }
}

/// <summary>The Send API body fields the simulator reads.</summary>
internal sealed record SendRequest(string? RecipientId, string? MessagingType, string? Tag, string? Text)
{
    public static async Task<SendRequest?> ReadAsync(HttpContext context)
    {
        try
        {
            using var doc = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
            var root = doc.RootElement;
            return new SendRequest(
                Str(root, "recipient", "id"),
                Str(root, "messaging_type", null),
                Str(root, "tag", null),
                Str(root, "message", "text"));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Str(JsonElement root, string name, string? inner)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty(name, out var value))
        {
            return null;
        }

        if (inner is not null && (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty(inner, out value)))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
    }
}
