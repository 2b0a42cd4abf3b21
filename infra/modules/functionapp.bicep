// Flex Consumption plan + function app running the .NET isolated worker (runtime dotnet-isolated 10.0) with Durable
// Functions on the same storage account, reached with the app's managed identity.
param name string
param planName string
param location string
param tags object
param identityId string
param identityClientId string
param storageAccountName string
param deploymentContainerUrl string
param appInsightsConnectionString string
param keyVaultUri string
param instanceMemoryMB int
param maximumInstanceCount int
@description('Durable task hub name: letters and digits, 3-45 characters.')
param durableHubName string = 'HarasocialHub'

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = { name: storageAccountName }

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: { name: 'FC1', tier: 'FlexConsumption' }
  properties: { reserved: true } // Linux
}

// A Key Vault reference resolved by the platform with the app's identity (keyVaultReferenceIdentity below).
func secret(vaultUri string, secretName string) string => '@Microsoft.KeyVault(SecretUri=${vaultUri}secrets/${secretName}/)'

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    siteConfig: { alwaysOn: false, minTlsVersion: '1.2' }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
          authentication: { type: 'UserAssignedIdentity', userAssignedIdentityResourceId: identityId }
        }
      }
      scaleAndConcurrency: { instanceMemoryMB: instanceMemoryMB, maximumInstanceCount: maximumInstanceCount }
      runtime: { name: 'dotnet-isolated', version: '10.0' }
    }
  }

  // No FUNCTIONS_WORKER_RUNTIME on Flex: functionAppConfig.runtime says it.
  resource settings 'config' = {
    name: 'appsettings'
    properties: {
      // Identity-based storage for the host's triggers and for the app (Storage/StorageSettings.cs reads the same keys).
      AzureWebJobsStorage__blobServiceUri: storage.properties.primaryEndpoints.blob
      AzureWebJobsStorage__queueServiceUri: storage.properties.primaryEndpoints.queue
      AzureWebJobsStorage__tableServiceUri: storage.properties.primaryEndpoints.table
      AzureWebJobsStorage__credential: 'managedidentity'
      AzureWebJobsStorage__clientId: identityClientId
      APPLICATIONINSIGHTS_CONNECTION_STRING: appInsightsConnectionString
      APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
      // The Durable task hub (host.json: extensions.durableTask.hubName = %Durable__HubName%); the schedule of the resync
      // timer (%Sync__ResyncSchedule%). Both must exist: the host resolves them at start.
      Durable__HubName: durableHubName
      Sync__ResyncSchedule: '0 */15 * * * *'
      Auth__AdminKey: secret(keyVaultUri, 'admin-key')
      Security__TokenEncryptionKey: secret(keyVaultUri, 'token-encryption-key')
      Channels__Facebook__AppSecret: secret(keyVaultUri, 'facebook-app-secret')
      Channels__Facebook__VerifyToken: secret(keyVaultUri, 'facebook-verify-token')
      Channels__Zalo__AppSecret: secret(keyVaultUri, 'zalo-app-secret')
      Channels__Zalo__OaSecretKey: secret(keyVaultUri, 'zalo-oa-secret-key')
      Channels__Shopee__PartnerKey: secret(keyVaultUri, 'shopee-partner-key')
      // Non-secret channel settings: set them with `az functionapp config appsettings set` (README.md "Deploy").
      Channels__Shopee__PushCallbackUrl: 'https://${name}.azurewebsites.net/api/webhooks/shopee'
    }
  }
}

output name string = app.name
output uri string = 'https://${app.properties.defaultHostName}'
