namespace Harasocial.ChannelSimulator.Shopee;

/// <summary>
/// <c>GET /api/v2/shop/get_shop_info</c> (shop-signed): answers only for the token of the shop in <c>shop_id</c>
/// (another shop's token gets <c>invalid_acceess_token</c> from the sign check). The shop fields sit at the top level,
/// not under <c>response</c>, as Shopee answers this call.
/// </summary>
internal static class ShopeeShop
{
    public static async Task InfoAsync(HttpContext context, SimulatorState state)
    {
        if (await ShopeeAuth.AuthenticateAsync(context, state, shopCall: true).ConfigureAwait(false) is not { } shop)
        {
            return;
        }

        var now = state.TimeProvider.GetUtcNow();
        await Respond.Object(context, 200, w =>
        {
            w.WriteString("request_id", ShopeeAuth.RequestId(context));
            w.WriteString("error", string.Empty);
            w.WriteString("message", string.Empty);
            w.WriteString("shop_name", shop.Name);
            w.WriteString("region", "VN");
            w.WriteString("status", "NORMAL");
            w.WriteBoolean("is_cb", false);
            w.WriteBoolean("is_cnsc", false);
            w.WriteNumber("auth_time", now.AddDays(-30).ToUnixTimeSeconds());
            w.WriteNumber("expire_time", now.AddDays(335).ToUnixTimeSeconds());
        }).ConfigureAwait(false);
    }
}
