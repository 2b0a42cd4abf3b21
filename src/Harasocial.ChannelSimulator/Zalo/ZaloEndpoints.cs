namespace Harasocial.ChannelSimulator.Zalo;

internal static class ZaloEndpoints
{
    public static void Map(IEndpointRouteBuilder app, SimulatorState state)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(state);
    }
}
