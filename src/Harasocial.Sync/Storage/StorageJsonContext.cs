using System.Text.Json.Serialization;
using Harasocial.Sync.Channels;

namespace Harasocial.Sync.Storage;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(List<ChannelAttachment>))]
internal sealed partial class StorageJsonContext : JsonSerializerContext;
