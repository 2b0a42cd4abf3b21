using Harasocial.Sync.Api;
using Harasocial.Sync.Connections;
using Harasocial.Sync.Functions;
using Harasocial.Sync.Inbox;
using Harasocial.Sync.Sync.Jobs;
using Harasocial.Sync.Tenants;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace Harasocial.Standalone.Hosting;

/// <summary>
/// The API reference (SPEC §4, issue 18): an OpenAPI 3.1 document of every route at <c>/openapi/v1.json</c> (checked in
/// as <c>docs/openapi.json</c>; a test fails when they differ) and a Scalar reference page at <c>/scalar</c>, both
/// served by the standalone host. Handlers read their bodies and query strings themselves (clear 4xx answers, see
/// <see cref="JsonBody"/>), so what the generator cannot infer — bodies, query parameters, answers — is declared here,
/// by function name, in one table. Kept in one file so that it moves with the routes' mapping. The Functions host serves
/// only its functions, so the worker carries neither; the page gets its own content security policy (below).
/// </summary>
internal static class ApiReference
{
    public const string DocumentPath = "/openapi/v1.json";
    public const string PagePath = "/scalar";

    public static IServiceCollection AddApiReference(this IServiceCollection services) =>
        services.AddOpenApi(o =>
        {
            o.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1;
            o.ShouldInclude = d => d.ActionDescriptor.EndpointMetadata.OfType<IEndpointNameMetadata>().Any(n => Operations.ContainsKey(n.EndpointName));
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Harasocial Sync API",
                    Version = "v1",
                    Description = "Channel sync for a social-commerce inbox: connect Facebook, Instagram, Zalo and Shopee accounts, read their conversations, " +
                        "messages, posts and comments, reply. Every route but webhooks and health needs `X-Api-Key` (a tenant key; the operator key creates tenants). " +
                        "Errors are `application/problem+json` (RFC 9457). `GET /` and any other path outside `/api` serve the dashboard.",
                };
                document.Servers = [];
                // The generator tags operations by their handler class (ConnectionEndpoints, …); the reference groups them by area.
                document.Tags = new HashSet<OpenApiTag>(
                    Operations.Values.Select(o => o.Tag).Distinct(StringComparer.Ordinal).Select(t => new OpenApiTag { Name = t }));
                var paths = document.Paths.OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
                document.Paths.Clear();
                foreach (var (path, item) in paths)
                {
                    document.Paths.Add(path, item);
                }

                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
                {
                    ["apiKey"] = new OpenApiSecurityScheme { Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = "X-Api-Key", Description = "A tenant API key, or the operator key for creating tenants." },
                };
                return Task.CompletedTask;
            });
            o.AddOperationTransformer(DescribeAsync);
            o.AddSchemaTransformer((schema, context, _) =>
            {
                // Request bodies are nullable records (a missing field is a clear 400, not a binding failure): say which
                // fields the handler requires.
                if (RequiredFields.TryGetValue(context.JsonTypeInfo.Type, out var required))
                {
                    schema.Required = new HashSet<string>(required, StringComparer.Ordinal);
                }

                // The Web defaults accept numbers written as strings; answers always write them as numbers.
                if (schema.Type is { } type && (type & (JsonSchemaType.Integer | JsonSchemaType.Number)) != 0 && (type & JsonSchemaType.String) != 0)
                {
                    (schema.Type, schema.Pattern) = (type & ~JsonSchemaType.String, null);
                }

                return Task.CompletedTask;
            });
        });

    /// <summary>
    /// The document and its reference page. The page is the one answer with an inline script: Scalar gives it a fresh
    /// nonce per response, and this sets the page's policy before the response starts (the API pipeline's security
    /// headers keep a policy a page set itself). The page loads nothing from another origin.
    /// </summary>
    public static WebApplication MapApiReference(this WebApplication app)
    {
        var reference = app.MapGroup(string.Empty).WithMetadata(StandaloneOnly.Instance);
        reference.MapOpenApi(DocumentPath);
        reference.MapScalarApiReference(PagePath, o => o
            .WithTitle("Harasocial Sync API")
            .WithOpenApiRoutePattern(DocumentPath)
            .WithNonce()
            .DisableDefaultFonts() // no CDN: the page loads nothing but this host's files
            .DisableTelemetry()
            .DisableAgent()
            .DisableMcp()
            .ExpandAllTags()
            .HideDeveloperTools())
            .AddEndpointFilter(static (context, next) =>
            {
                var http = context.HttpContext;
                http.Response.OnStarting(static state =>
                {
                    var http = (HttpContext)state;
                    if (http.Items.TryGetValue(ScalarOptions.NonceHttpContextItemKey, out var nonce) && nonce is string value)
                    {
                        http.Response.Headers.ContentSecurityPolicy = ReferencePagePolicy(value);
                    }

                    return Task.CompletedTask;
                }, http);
                return next(context);
            });
        return app;
    }

    /// <summary>Marks the reference's endpoints: the standalone host's own, not functions (the host parity test skips them).</summary>
    internal sealed class StandaloneOnly
    {
        public static readonly StandaloneOnly Instance = new();
    }

    /// <summary>The reference page's policy: its own scripts plus the nonced inline one, the styles it injects at run time.</summary>
    public static string ReferencePagePolicy(string nonce) =>
        $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private static async Task DescribeAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var name = context.Description.ActionDescriptor.EndpointMetadata.OfType<IEndpointNameMetadata>().First().EndpointName;
        var op = Operations[name];
        operation.OperationId = name;
        operation.Summary = op.Summary;
        operation.Description = op.Description;
        operation.Tags = new HashSet<OpenApiTagReference> { new(op.Tag, context.Document) };
        operation.Parameters ??= [];
        foreach (var (parameterName, where, description) in op.Parameters)
        {
            // Route values are inferred from the handler; the rest is read from the request by hand and declared here.
            if (operation.Parameters.OfType<OpenApiParameter>().FirstOrDefault(p => p.Name == parameterName && p.In == where) is { } inferred)
            {
                inferred.Description = description;
                continue;
            }

            operation.Parameters.Add(new OpenApiParameter
            {
                Name = parameterName, In = where, Description = description, Required = where == ParameterLocation.Path,
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
        }

        if (op.Body is { } body)
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = await SchemaAsync(body, context, cancellationToken) } },
            };
        }

        operation.Responses = [];
        foreach (var (status, type, description) in op.Answers)
        {
            var response = new OpenApiResponse { Description = description };
            if (status >= 400)
            {
                var problem = status is 400 or 403 ? typeof(HttpValidationProblemDetails) : typeof(ProblemDetails);
                response.Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Schema = await SchemaAsync(problem, context, cancellationToken) } };
            }
            else if (type is not null)
            {
                response.Content = new Dictionary<string, OpenApiMediaType>
                {
                    [type == typeof(string) ? "text/plain" : "application/json"] = new() { Schema = await SchemaAsync(type, context, cancellationToken) },
                };
            }

            operation.Responses[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] = response;
        }

        var access = context.ApplicationServices.GetRequiredService<FunctionTable>().ByName[name] is HttpFunction { Access: not HttpAccess.Public };
        if (access)
        {
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("apiKey", context.Document)] = [] }];
        }
    }

    /// <summary>A component schema per type (<c>ItemsPageOfConnectionView</c> for a generic), referenced from the operation.</summary>
    private static async Task<IOpenApiSchema> SchemaAsync(Type type, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var schema = await context.GetOrCreateSchemaAsync(type, null, cancellationToken);
        if (type == typeof(string) || context.Document is null)
        {
            return schema;
        }

        var id = type.IsGenericType ? type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)] + "Of" + string.Concat(type.GetGenericArguments().Select(t => t.Name)) : type.Name;
        if (context.Document.Components?.Schemas?.ContainsKey(id) != true)
        {
            context.Document.AddComponent<IOpenApiSchema>(id, schema);
        }

        return new OpenApiSchemaReference(id, context.Document);
    }

    private static readonly Dictionary<Type, string[]> RequiredFields = new()
    {
        [typeof(CreateTenantRequest)] = ["id", "name"],
        [typeof(CreateConnectionRequest)] = ["channel", "externalId", "accessToken"],
        [typeof(UpdateConnectionRequest)] = ["settings"],
        [typeof(StartSyncRequest)] = ["kind"],
        [typeof(ReplyRequest)] = ["text"],
    };

    private sealed record Operation(
        string Tag, string Summary, string? Description, Type? Body, (int Status, Type? Type, string Description)[] Answers,
        (string Name, ParameterLocation In, string Description)[] Parameters);

    private static readonly (int, Type?, string) Unauthorized = (401, null, "No or an unknown `X-Api-Key`.");
    private static readonly (int, Type?, string) NotFound = (404, null, "No such id for this tenant (another tenant's ids answer 404 too).");
    private static readonly (int, Type?, string) BadInput = (400, null, "Invalid input; `errors` names the fields.");
    private static readonly (string, ParameterLocation, string) Limit = ("limit", ParameterLocation.Query, "Page size (1–100).");
    private static readonly (string, ParameterLocation, string) Cursor = ("cursor", ParameterLocation.Query, "`nextCursor` of the previous page of the same listing (a cursor of another listing → 400).");

    private static (string, ParameterLocation, string) Path(string name, string description) => (name, ParameterLocation.Path, description);

    private static (string, ParameterLocation, string)[] Query(params (string, ParameterLocation, string)[] parameters) => parameters;

    private static readonly Dictionary<string, Operation> Operations = new(StringComparer.Ordinal)
    {
        ["CreateTenant"] = new("Tenants", "Create a tenant (operator key)", "Answers the tenant's API key once; only its hash is stored.", typeof(CreateTenantRequest),
            [(201, typeof(CreateTenantResponse), "Created."), BadInput, Unauthorized, (403, null, "Not the operator key."), (409, null, "The tenant id exists.")], []),
        ["GetTenant"] = new("Tenants", "Read your tenant", null, null, [(200, typeof(Tenant), "The tenant."), Unauthorized, NotFound], [Path("id", "Tenant id.")]),
        ["CreateConnection"] = new("Connections", "Connect a channel account",
            "Proves with the channel that the token controls `externalId` (403 naming the field if not; nothing stored), then starts the initial sync. " +
            "An account this tenant disconnected earlier (or that needs re-authorisation) is reactivated: same id, data kept, new tokens, new initial sync. " +
            "Account ids are digits (at most 24).", typeof(CreateConnectionRequest),
            [(202, typeof(ConnectionCreated), "Connecting: the connection and its initial sync job."), BadInput, Unauthorized, (403, null, "Ownership not proven."),
             (409, null, "The account is connected here already, or elsewhere."), (503, null, "The channel did not answer; retry after `Retry-After`.")], []),
        ["ListConnections"] = new("Connections", "List connections", "Statuses: `syncing`, `active`, `sync_failed` (+ reason), `reauth_required` (+ reason), `disconnected`.", null,
            [(200, typeof(ItemsPage<ConnectionView>), "Oldest first."), Unauthorized], []),
        ["GetConnection"] = new("Connections", "Read a connection", null, null, [(200, typeof(ConnectionView), "The connection."), Unauthorized, NotFound], [Path("id", "Connection id.")]),
        ["UpdateConnection"] = new("Connections", "Change settings", "`syncSpam` (Facebook only): on runs a spam-folder check at once.", typeof(UpdateConnectionRequest),
            [(200, typeof(ConnectionView), "Saved."), BadInput, Unauthorized, NotFound], [Path("id", "Connection id.")]),
        ["DeleteConnection"] = new("Connections", "Disconnect", "Cancels its jobs; webhooks stop applying. `?purge=true` also deletes its data. Connecting the account again reactivates it.", null,
            [(204, null, "Disconnected."), BadInput, Unauthorized, NotFound], [Path("id", "Connection id."), ("purge", ParameterLocation.Query, "`true` also deletes the imported data.")]),
        ["StartSync"] = new("Sync jobs", "Start a sync", "`initial` (also the retry of a failed one), `resync`, or `spam` (Facebook with `syncSpam`).", typeof(StartSyncRequest),
            [(202, typeof(JobCreated), "Started."), BadInput, Unauthorized, NotFound, (409, null, "One of this kind runs, or the connection is disconnected / needs re-authorisation.")], [Path("id", "Connection id.")]),
        ["ListSyncJobs"] = new("Sync jobs", "List a connection's jobs", null, null, [(200, typeof(ItemsPage<JobView>), "Newest first."), BadInput, Unauthorized, NotFound], [Path("id", "Connection id."), Limit]),
        ["GetSyncJob"] = new("Sync jobs", "Read a job", "Progress while it runs; `report` (one entry per import rule: limit, found, imported, stoppedBecause) once it ended.", null,
            [(200, typeof(JobView), "The job."), Unauthorized, NotFound], [Path("jobId", "Job id.")]),
        ["CancelSyncJob"] = new("Sync jobs", "Cancel a job", null, null, [(200, typeof(JobView), "Cancelled (or already ended)."), Unauthorized, NotFound], [Path("jobId", "Job id.")]),
        ["LoadMoreConversations"] = new("Sync jobs", "Load 30 more Zalo conversations", "Zalo only, up to 1,500 conversations.", null,
            [(202, typeof(JobCreated), "Started."), (400, null, "Not a Zalo connection."), Unauthorized, NotFound, (409, null, "At the maximum, running already, or not syncing.")], [Path("id", "Connection id.")]),
        ["ListConversations"] = new("Inbox", "List conversations", "Newest activity first; each with its newest message (`lastMessage`) and `awaitingReply` (the buyer wrote last).", null,
            [(200, typeof(ItemsPage<ConversationView>), "A page."), BadInput, Unauthorized, NotFound],
            [Path("id", "Connection id."), ("folder", ParameterLocation.Query, "`inbox` (default) or `spam`."), ("status", ParameterLocation.Query, "`open` or `closed`."), Limit, Cursor]),
        ["GetConversation"] = new("Inbox", "Read a conversation", null, null, [(200, typeof(ConversationView), "The conversation."), Unauthorized, NotFound], [Path("id", "Conversation id.")]),
        ["ListMessages"] = new("Inbox", "List a conversation's messages", "Newest first.", null,
            [(200, typeof(ItemsPage<MessageView>), "A page."), BadInput, Unauthorized, NotFound], [Path("id", "Conversation id."), Limit, Cursor]),
        ["SendReply"] = new("Inbox", "Reply",
            "Sends through the channel and stores the message; a Spam conversation moves to the inbox. With `Idempotency-Key`, the same key and body within 24 h " +
            "answer the first result and send nothing; the same key with another body is a 422.", typeof(ReplyRequest),
            [(201, typeof(MessageView), "Sent and stored."), (400, null, "Text empty once whitespace and invisible characters are removed, control characters, or a bad `Idempotency-Key`."),
             Unauthorized, NotFound, (409, null, "The connection needs reconnecting, or a request with this key is still being sent."),
             (422, null, "Outside the channel's reply window, over its text limit, or the key was used for another request."), (502, null, "The channel refused the message.")],
            [Path("id", "Conversation id."), ("Idempotency-Key", ParameterLocation.Header, "Optional: 1–255 printable ASCII characters, one per reply (a UUID).")]),
        ["ListPosts"] = new("Inbox", "List imported posts / media", null, null, [(200, typeof(ItemsPage<PostView>), "Newest first."), BadInput, Unauthorized, NotFound], [Path("id", "Connection id."), Limit]),
        ["ListComments"] = new("Inbox", "List a post's comments", null, null, [(200, typeof(ItemsPage<CommentView>), "Newest first."), BadInput, Unauthorized, NotFound], [Path("id", "Post id."), Limit]),
        ["FacebookWebhookVerify"] = MetaVerify("Facebook"),
        ["InstagramWebhookVerify"] = MetaVerify("Instagram"),
        ["FacebookWebhook"] = Webhook("Facebook", "X-Hub-Signature-256", "sha256=<hex HMAC-SHA256(app secret, body)>"),
        ["InstagramWebhook"] = Webhook("Instagram", "X-Hub-Signature-256", "sha256=<hex HMAC-SHA256(app secret, body)>"),
        ["ZaloWebhook"] = Webhook("Zalo", "X-ZEvent-Signature", "mac=<hex SHA-256(app id + body + timestamp + OA secret key)>"),
        ["ShopeeWebhook"] = Webhook("Shopee", "Authorization", "<hex HMAC-SHA256(partner key, push URL + '|' + body)>"),
        ["Health"] = new("Operations", "Health", "200 when storage answers.", null, [(200, typeof(HealthReport), "Healthy."), (503, null, "Storage unreachable.")], []),
    };

    private static Operation MetaVerify(string channel) => new("Webhooks", $"{channel} webhook verification",
        "Meta's subscription handshake: echoes `hub.challenge` when `hub.verify_token` matches.", null,
        [(200, typeof(string), "The challenge."), (400, null, "Malformed handshake."), (403, null, "Wrong verify token.")],
        [("hub.mode", ParameterLocation.Query, "`subscribe`."), ("hub.verify_token", ParameterLocation.Query, "The configured verify token."), ("hub.challenge", ParameterLocation.Query, "Echoed back.")]);

    private static Operation Webhook(string channel, string header, string value) => new("Webhooks", $"{channel} webhook",
        "Verified, stored durably, answered at once; applied from the `webhooks` queue. Unknown accounts, repeats and (Zalo/Shopee) events dated over 10 minutes from now are acknowledged and ignored.",
        null, [(200, null, "Accepted."), (400, null, "Not JSON."), (401, null, "Bad or missing signature."), (413, null, "Over 1 MiB.")],
        [(header, ParameterLocation.Header, value)]);
}
