namespace Harasocial.AzureStorage;

internal static class TableConstants
{
    public const string PartitionKey = "PartitionKey";
    public const string RowKey = "RowKey";
    public const string Timestamp = "Timestamp";
    public const string ODataType = "@odata.type";
    public const string ODataEtag = "odata.etag";

    // Minimal metadata annotates the types JSON cannot express (Int64, DateTime, Guid, Binary):
    // https://learn.microsoft.com/rest/api/storageservices/payload-format-for-table-service-operations.
    public const string Accept = "application/json;odata=minimalmetadata";
    public const string ContentType = "application/json";
    public const int MaxTransactionActions = 100;
}
