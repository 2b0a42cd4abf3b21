var builder = WebApplication.CreateSlimBuilder(args);
var app = builder.Build();
app.MapGet("/", () => "Harasocial Sync");
app.MapGet("/api/health", () => Results.Ok(new { status = "ok" }));
await app.RunAsync();
