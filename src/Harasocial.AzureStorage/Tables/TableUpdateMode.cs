namespace Harasocial.AzureStorage;

/// <summary>Merge keeps properties not sent; Replace removes them.</summary>
public enum TableUpdateMode
{
    Merge,
    Replace,
}
