using Harasocial.ChannelSimulator.Control;
using Harasocial.ChannelSimulator.Faults;
using Harasocial.ChannelSimulator.Graph;
using Harasocial.ChannelSimulator.Shopee;
using Harasocial.ChannelSimulator.Zalo;

namespace Harasocial.ChannelSimulator;

/// <summary>Wires the middleware and every endpoint group.</summary>
internal static class SimulatorApp
{
    public static void Configure(WebApplication app, SimulatorState state)
    {
        app.UseMiddleware<PlatformCallMiddleware>(state);
        app.MapGet("/", () => "Harasocial channel simulator: see /_sim/accounts");
        GraphEndpoints.Map(app, state);
        ZaloEndpoints.Map(app, state);
        ShopeeEndpoints.Map(app, state);
        ControlEndpoints.Map(app, state);
    }
}
