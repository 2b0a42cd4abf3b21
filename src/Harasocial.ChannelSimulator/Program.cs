var builder = WebApplication.CreateSlimBuilder(args);
var app = builder.Build();
app.MapGet("/", () => "Harasocial channel simulator");
await app.RunAsync();
