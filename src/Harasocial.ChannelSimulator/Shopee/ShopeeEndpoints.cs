namespace Harasocial.ChannelSimulator.Shopee;

/// <summary>Shopee routes under <c>/shopee</c>; signatures cover the path without the prefix (WIRE.md "Shopee").</summary>
internal static class ShopeeEndpoints
{
    public static void Map(IEndpointRouteBuilder app, SimulatorState state)
    {
        app.MapGet("/shopee/api/v2/shop/get_shop_info", (HttpContext c) => ShopeeShop.InfoAsync(c, state));
        app.MapGet("/shopee/api/v2/sellerchat/get_conversation_list", (HttpContext c) => ShopeeConversations.ListAsync(c, state));
        app.MapGet("/shopee/api/v2/sellerchat/get_message", (HttpContext c) => ShopeeMessages.ListAsync(c, state));
        app.MapPost("/shopee/api/v2/sellerchat/send_message", (HttpContext c) => ShopeeWrites.SendAsync(c, state));
        app.MapPost("/shopee/api/v2/auth/access_token/get", (HttpContext c) => ShopeeWrites.RefreshAsync(c, state));
    }
}
