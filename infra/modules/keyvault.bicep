// Key Vault for the channel secrets and the token encryption key; app settings reference them (@Microsoft.KeyVault).
// Secret names (set them after provisioning, see README.md "Deploy"): admin-key, token-encryption-key,
// facebook-app-secret, facebook-verify-token, zalo-app-secret, zalo-oa-secret-key, shopee-partner-key.
param name string
param location string
param tags object

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
    publicNetworkAccess: 'Enabled' // Flex cannot resolve Key Vault references to network-restricted vaults.
  }
}

output name string = vault.name
output uri string = vault.properties.vaultUri
