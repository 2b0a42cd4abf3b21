using Azure;

namespace Harasocial.AzureStorage;

/// <summary>A <see cref="NullableResponse{T}"/> for "if exists" reads: no value on 404.</summary>
internal sealed class StorageNullableResponse<T>(Response response, T? value) : NullableResponse<T>
{
    public override bool HasValue => value is not null;

    public override T? Value => value;

    public override Response GetRawResponse() => response;
}
