namespace Harasocial.ChannelSimulator.Graph;

/// <summary>Graph routes under <c>/graph/{version}</c> (WIRE.md "Graph").</summary>
internal static class GraphEndpoints
{
    public static void Map(IEndpointRouteBuilder app, SimulatorState state)
    {
        var graph = app.MapGroup("/graph/{version}");
        graph.MapGet("/me", (HttpContext c) => GraphNodes.MeAsync(c, state));
        graph.MapGet("/{id}", (HttpContext c, string id) => GraphNodes.NodeAsync(c, state, id));
        graph.MapGet("/{id}/conversations", (HttpContext c, string id) => GraphConversations.ListAsync(c, state, id));
        graph.MapGet("/{id}/messages", (HttpContext c, string id) => GraphMessages.ListAsync(c, state, id));
        graph.MapPost("/{id}/messages", (HttpContext c, string id) => GraphSend.SendAsync(c, state, id));
        graph.MapGet("/{id}/published_posts", (HttpContext c, string id) => GraphPosts.PostsAsync(c, state, id, media: false));
        graph.MapGet("/{id}/media", (HttpContext c, string id) => GraphPosts.PostsAsync(c, state, id, media: true));
        graph.MapGet("/{id}/comments", (HttpContext c, string id) => GraphPosts.CommentsAsync(c, state, id));
    }
}
