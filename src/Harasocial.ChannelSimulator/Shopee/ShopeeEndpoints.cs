namespace Harasocial.ChannelSimulator.Shopee;

internal static class ShopeeEndpoints
{
    public static void Map(IEndpointRouteBuilder app, SimulatorState state)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(state);
    }
}
