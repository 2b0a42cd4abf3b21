using Harasocial.Sync.Api;
using Harasocial.Sync.Connections;
using Harasocial.Sync.Functions;
using Harasocial.Sync.Security;
using Harasocial.Sync.Storage;
using Harasocial.Sync.Tenants;

namespace Harasocial.Sync.Inbox;

/// <summary>The read side of the inbox: conversations by newest activity, their messages, posts and comments.</summary>
internal static class InboxEndpoints
{
    private static readonly string[] Folders = ["inbox", "spam"];
    private static readonly string[] Statuses = ["open", "closed"];

    public static IEnumerable<FunctionDefinition> Functions =>
    [
        new HttpFunction("ListConversations", "api/connections/{id}/conversations", ["GET"], ListConversationsAsync),
        new HttpFunction("GetConversation", "api/conversations/{id}", ["GET"], GetConversationAsync),
        new HttpFunction("ListMessages", "api/conversations/{id}/messages", ["GET"], ListMessagesAsync),
        new HttpFunction("ListPosts", "api/connections/{id}/posts", ["GET"], ListPostsAsync),
        new HttpFunction("ListComments", "api/posts/{id}/comments", ["GET"], ListCommentsAsync),
    ];

    private static async Task<IResult> ListConversationsAsync(string id, HttpContext http, ConnectionStore connections, ConversationStore conversations, CursorProtector cursors)
    {
        var folder = http.Request.Query["folder"].ToString() is { Length: > 0 } f ? f : "inbox";
        var status = http.Request.Query["status"].ToString() is { Length: > 0 } s ? s : null;
        if (!Folders.Contains(folder, StringComparer.Ordinal))
        {
            return Problems.Validation("folder", "folder must be inbox or spam.");
        }

        if (status is not null && !Statuses.Contains(status, StringComparer.Ordinal))
        {
            return Problems.Validation("status", "status must be open or closed.");
        }

        var scope = $"conversations|{id}|{folder}|{status}";
        if (!Fields.TryLimit(http.Request, 20, 100, out var limit, out var problem) || !Fields.TryCursor(http.Request, cursors, scope, out var cursor, out problem))
        {
            return problem!;
        }

        var connection = await connections.GetAsync(Caller.TenantOf(http), id, http.RequestAborted);
        if (connection is null)
        {
            return Problems.NotFound($"Connection '{id}'");
        }

        var (items, next) = await conversations.ListAsync(id, folder, status, limit, cursor, http.RequestAborted);
        return Results.Json(
            new ItemsPage<ConversationView>([.. items.Select(c => ConversationView.From(connection, c))], cursors.Protect(scope, next)),
            ApiJsonContext.Default.ItemsPageConversationView);
    }

    private static async Task<IResult> GetConversationAsync(string id, HttpContext http, ConnectionStore connections, ConversationStore conversations) =>
        await FindAsync(id, http, connections, conversations) is var (connection, conversation)
            ? Results.Json(ConversationView.From(connection, conversation), ApiJsonContext.Default.ConversationView)
            : Problems.NotFound($"Conversation '{id}'");

    private static async Task<IResult> ListMessagesAsync(string id, HttpContext http, ConnectionStore connections, ConversationStore conversations, MessageStore messages, CursorProtector cursors)
    {
        var scope = "messages|" + id;
        if (!Fields.TryLimit(http.Request, 50, 100, out var limit, out var problem) || !Fields.TryCursor(http.Request, cursors, scope, out var cursor, out problem))
        {
            return problem!;
        }

        if (await FindAsync(id, http, connections, conversations) is not var (connection, conversation))
        {
            return Problems.NotFound($"Conversation '{id}'");
        }

        var (items, next) = await messages.ListAsync(connection.RowKey, conversation.CustomerId, limit, cursor, http.RequestAborted);
        return Results.Json(new ItemsPage<MessageView>([.. items.Select(m => MessageView.From(id, m))], cursors.Protect(scope, next)), ApiJsonContext.Default.ItemsPageMessageView);
    }

    private static async Task<IResult> ListPostsAsync(string id, HttpContext http, ConnectionStore connections, PostStore posts)
    {
        if (!Fields.TryLimit(http.Request, 20, 100, out var limit, out var problem))
        {
            return problem!;
        }

        if (await connections.GetAsync(Caller.TenantOf(http), id, http.RequestAborted) is null)
        {
            return Problems.NotFound($"Connection '{id}'");
        }

        var list = await posts.ListPostsAsync(id, limit, http.RequestAborted);
        return Results.Json(new ItemsPage<PostView>([.. list.Select(p => PostView.From(id, p))], null), ApiJsonContext.Default.ItemsPagePostView);
    }

    private static async Task<IResult> ListCommentsAsync(string id, HttpContext http, ConnectionStore connections, PostStore posts)
    {
        if (!Fields.TryLimit(http.Request, 100, 100, out var limit, out var problem))
        {
            return problem!;
        }

        if (!Keys.TryDecompose(id, out var connectionId, out var postId) ||
            await connections.GetAsync(Caller.TenantOf(http), connectionId, http.RequestAborted) is null)
        {
            return Problems.NotFound($"Post '{id}'");
        }

        var list = await posts.ListCommentsAsync(connectionId, postId, limit, http.RequestAborted);
        return Results.Json(
            new ItemsPage<CommentView>([.. list.Select(c => new CommentView(Keys.Compose(connectionId, c.ExternalId), c.ExternalId, id, c.ParentExternalId, c.Text, c.AuthorId, c.AuthorName, c.CreatedAt))], null),
            ApiJsonContext.Default.ItemsPageCommentView);
    }

    internal static async Task<(ConnectionEntity Connection, ConversationEntity Conversation)?> FindAsync(
        string id, HttpContext http, ConnectionStore connections, ConversationStore conversations)
    {
        if (!Keys.TryDecompose(id, out var connectionId, out var customerId))
        {
            return null;
        }

        var connection = await connections.GetAsync(Caller.TenantOf(http), connectionId, http.RequestAborted);
        if (connection is null)
        {
            return null;
        }

        var conversation = await conversations.GetAsync(connectionId, customerId, http.RequestAborted);
        return conversation is null ? null : (connection, conversation);
    }
}
