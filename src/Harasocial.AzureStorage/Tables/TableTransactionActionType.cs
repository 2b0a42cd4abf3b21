namespace Harasocial.AzureStorage;

public enum TableTransactionActionType
{
    Add,
    UpdateMerge,
    UpdateReplace,
    Delete,
    UpsertMerge,
    UpsertReplace,
}
