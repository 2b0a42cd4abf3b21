using System.Text.Json;
using System.Text.Json.Serialization;
using Harasocial.Sync.Connections;
using Harasocial.Sync.Inbox;
using Harasocial.Sync.Sync.Jobs;
using Harasocial.Sync.Tenants;

namespace Harasocial.Sync.Api;

/// <summary>Source-generated JSON for the HTTP API: camelCase, strict about unknown shapes only where a field says so.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CreateTenantRequest))]
[JsonSerializable(typeof(CreateTenantResponse))]
[JsonSerializable(typeof(HealthReport))]
[JsonSerializable(typeof(Tenant))]
[JsonSerializable(typeof(CreateConnectionRequest))]
[JsonSerializable(typeof(UpdateConnectionRequest))]
[JsonSerializable(typeof(StartSyncRequest))]
[JsonSerializable(typeof(ConnectionView))]
[JsonSerializable(typeof(ConnectionCreated))]
[JsonSerializable(typeof(JobView))]
[JsonSerializable(typeof(JobCreated))]
[JsonSerializable(typeof(ItemsPage<ConnectionView>))]
[JsonSerializable(typeof(ItemsPage<JobView>))]
[JsonSerializable(typeof(ItemsPage<ConversationView>))]
[JsonSerializable(typeof(ConversationView))]
[JsonSerializable(typeof(ItemsPage<MessageView>))]
[JsonSerializable(typeof(ItemsPage<PostView>))]
[JsonSerializable(typeof(ItemsPage<CommentView>))]
[JsonSerializable(typeof(ReplyRequest))]
[JsonSerializable(typeof(MessageView))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
