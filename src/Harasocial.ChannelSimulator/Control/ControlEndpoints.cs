namespace Harasocial.ChannelSimulator.Control;

internal static class ControlEndpoints
{
    public static void Map(IEndpointRouteBuilder app, SimulatorState state)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(state);
    }
}
