using Harasocial.Functions.Api;
using Harasocial.Functions.Channels;
using Harasocial.Functions.Connections;
using Harasocial.Functions.Functions;
using Harasocial.Functions.Hosting;
using Harasocial.Functions.Hosting.Durable;
using Harasocial.Functions.Security;
using Harasocial.Functions.Storage;
using Harasocial.Functions.Sync;
using Harasocial.Functions.Tenants;
using Harasocial.Functions.Webhooks;

var builder = WebApplication.CreateSlimBuilder(HostingExtensions.Options(args));
builder.AddHosting(args);
builder.Services.AddProblemHandling();
builder.Services.AddStorage(builder.Configuration);
builder.Services.AddSecurity(builder.Configuration);
builder.Services.AddFunctionTable();
builder.Services.AddHealth();
builder.Services.AddTenants();
builder.Services.AddChannels(builder.Configuration);
builder.Services.AddSync(builder.Configuration);
builder.Services.AddDurableStandalone(builder.Configuration);
builder.Services.AddConnectionsAndInbox();
builder.Services.AddWebhooks();
builder.Services.AddApiReference();

var app = builder.Build();
if (ScriptRootCommand.TryRun(app, args))
{
    return;
}

app.UseRequestLogging();
app.UseProblemHandling();
app.UseSecurityHeaders();
app.UseRateLimits();
app.UseMiddleware<StorageReadyMiddleware>();
app.UseTenantAuth();
app.MapFunctions();
app.MapApiReference();
await app.RunAsync();
