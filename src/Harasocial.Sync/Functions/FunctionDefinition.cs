namespace Harasocial.Sync.Functions;

/// <summary>
/// One row of the function table: what the Functions host sees (name + trigger) and what runs it.
/// The table generates every function.json, maps the HTTP routes and drives the standalone triggers,
/// so a function is declared exactly once.
/// </summary>
internal abstract record FunctionDefinition(string Name);

/// <summary>
/// An HTTP function. The host forwards the request byte-exact to the same path
/// (<c>enableForwardingHttpRequest</c>), so the route is an ordinary ASP.NET Core route.
/// Routes carry their own <c>api/</c> prefix because host.json sets <c>routePrefix</c> to "" (the dashboard lives at <c>/</c>).
/// </summary>
internal sealed record HttpFunction(string Name, string Route, IReadOnlyList<string> Methods, Delegate Handler, HttpAccess Access = HttpAccess.Tenant)
    : FunctionDefinition(Name);

/// <summary>Who may call an HTTP function (SPEC §4).</summary>
internal enum HttpAccess
{
    /// <summary>No key: health, webhooks (they carry signatures) and the dashboard's static files.</summary>
    Public,

    /// <summary>A tenant key; the route sees only that tenant's data.</summary>
    Tenant,

    /// <summary>The operator's admin key.</summary>
    Admin,
}

/// <summary>A queue-triggered function; its handler gets the message text and its dequeue count.</summary>
internal sealed record QueueFunction(string Name, string QueueName, Type HandlerType) : FunctionDefinition(Name)
{
    public static QueueFunction For<THandler>(string name, string queueName)
        where THandler : IQueueFunctionHandler => new(name, queueName, typeof(THandler));
}

/// <summary>
/// A timer-triggered function. <see cref="ScheduleSetting"/> names the configuration key holding the 6-field
/// NCRONTAB expression; function.json refers to it as <c>%Section__Key%</c> so Azure reads the same app setting.
/// </summary>
internal sealed record TimerFunction(string Name, string ScheduleSetting, string DefaultSchedule, Type HandlerType)
    : FunctionDefinition(Name)
{
    public static TimerFunction For<THandler>(string name, string scheduleSetting, string defaultSchedule)
        where THandler : ITimerFunctionHandler => new(name, scheduleSetting, defaultSchedule, typeof(THandler));
}
