using System.Text.Json;
using Harasocial.Sync.Api;
using Harasocial.Sync.Functions;
using Harasocial.Sync.Storage;
using Harasocial.Sync.Tenants;

namespace Harasocial.Sync.Inbox;

internal sealed record ReplyRequest(string? Text) : IValidatable
{
    public IEnumerable<(string Field, string Error)> Validate()
    {
        if (ReplyText.Problem(Text) is { } problem)
        {
            yield return ("text", problem);
        }
    }
}

internal static class ReplyEndpoints
{
    public static IEnumerable<FunctionDefinition> Functions =>
    [
        new HttpFunction("SendReply", "api/conversations/{id}/messages", ["POST"], SendAsync),
    ];

    /// <summary>
    /// 201 with the stored message; 422 outside the reply window or over the text limit; 502 when the channel refuses.
    /// With an <c>Idempotency-Key</c> the first answer is kept and given again (<see cref="ReplyIdempotency"/>).
    /// </summary>
    private static async Task<IResult> SendAsync(
        string id, HttpContext http, ConnectionStore connections, ConversationStore conversations, ReplyService replies, ReplyIdempotency idempotency)
    {
        if (!ReplyIdempotency.TryReadKey(http.Request, out var key, out var keyProblem))
        {
            return keyProblem!;
        }

        var (request, problem) = await JsonBody.ReadAsync(http, ApiJsonContext.Default.ReplyRequest);
        if (problem is not null)
        {
            return problem;
        }

        if (await InboxEndpoints.FindAsync(id, http, connections, conversations) is not var (connection, conversation))
        {
            return Problems.NotFound($"Conversation '{id}'");
        }

        var text = request!.Text!;
        async Task<ReplyAnswer> SendOnceAsync()
        {
            var (message, refusal) = await replies.SendAsync(connection, conversation, text, http.RequestAborted);
            return refusal is not null
                ? new ReplyAnswer(refusal.Status, null, refusal.Status switch { 422 => "Cannot send now", 409 => "Conflict", _ => "The channel refused the message" }, refusal.Detail)
                : new ReplyAnswer(StatusCodes.Status201Created, JsonSerializer.Serialize(MessageView.From(id, message!), ApiJsonContext.Default.MessageView));
        }

        return key is null
            ? (await SendOnceAsync()).ToResult()
            : await idempotency.RunAsync(http, Caller.TenantOf(http), key, ReplyIdempotency.Fingerprint(id, text), SendOnceAsync);
    }
}
