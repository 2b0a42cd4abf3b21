using Harasocial.Functions.Api;
using Harasocial.Functions.Functions;
using Harasocial.Functions.Storage;

namespace Harasocial.Functions.Inbox;

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

    /// <summary>201 with the stored message; 422 outside the reply window or over the text limit; 502 when the channel refuses.</summary>
    private static async Task<IResult> SendAsync(string id, HttpContext http, ConnectionStore connections, ConversationStore conversations, ReplyService replies)
    {
        var (request, problem) = await JsonBody.ReadAsync(http, ApiJsonContext.Default.ReplyRequest);
        if (problem is not null)
        {
            return problem;
        }

        if (await InboxEndpoints.FindAsync(id, http, connections, conversations) is not var (connection, conversation))
        {
            return Problems.NotFound($"Conversation '{id}'");
        }

        var (message, refusal) = await replies.SendAsync(connection, conversation, request!.Text!, http.RequestAborted);
        if (refusal is not null)
        {
            return Problems.Status(refusal.Status, refusal.Status switch { 422 => "Cannot send now", 409 => "Conflict", _ => "The channel refused the message" }, refusal.Detail);
        }

        return Results.Json(MessageView.From(id, message!), ApiJsonContext.Default.MessageView, statusCode: StatusCodes.Status201Created);
    }
}
