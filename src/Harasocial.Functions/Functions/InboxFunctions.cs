using Harasocial.Functions.Hosting;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Harasocial.Functions.Functions;

/// <summary>The inbox (SPEC §4): conversations, messages, replies, posts and comments. Routes and names as in the product's function table.</summary>
internal sealed class InboxFunctions(HttpInvoker http)
{
    [Function("ListConversations")]
    public Task<IResult> ListConversations([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/connections/{id}/conversations")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        http.RunAsync("ListConversations", request, durable);

    [Function("GetConversation")]
    public Task<IResult> GetConversation([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/conversations/{id}")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        http.RunAsync("GetConversation", request, durable);

    [Function("ListMessages")]
    public Task<IResult> ListMessages([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/conversations/{id}/messages")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        http.RunAsync("ListMessages", request, durable);

    [Function("SendReply")]
    public Task<IResult> SendReply([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/conversations/{id}/messages")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        http.RunAsync("SendReply", request, durable);

    [Function("ListPosts")]
    public Task<IResult> ListPosts([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/connections/{id}/posts")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        http.RunAsync("ListPosts", request, durable);

    [Function("ListComments")]
    public Task<IResult> ListComments([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/posts/{id}/comments")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        http.RunAsync("ListComments", request, durable);
}
