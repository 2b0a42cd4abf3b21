namespace Harasocial.ChannelSimulator.Graph;

internal static class GraphEndpoints
{
    public static void Map(IEndpointRouteBuilder app, SimulatorState state)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(state);
    }
}
