// The one storage account: the Functions host (AzureWebJobsStorage), the app's tables and queues, the deployment package.
// Shared keys are off: only Entra ID (the app's managed identity) gets in.
param name string
param location string
param tags object
param deploymentContainerName string

// Table names as in src/Harasocial.Functions/Storage/StorageNames.cs (the app also creates them at start).
var tables = [ 'tenants', 'apikeys', 'leases', 'connections', 'accounts', 'conversations', 'messages', 'posts', 'comments', 'webhookbodies', 'counters', 'webhookseen', 'idempotency' ]
// Queue triggers and their poison queues (the app moves a message after 5 attempts; declared so they exist up front).
var queues = [ 'webhooks', 'webhooks-poison' ]

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    allowSharedKeyAccess: false
    allowBlobPublicAccess: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: account
  name: 'default'
}

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: deploymentContainerName
}

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2023-05-01' = {
  parent: account
  name: 'default'
}

resource queueResources 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = [for queue in queues: {
  parent: queueService
  name: queue
}]

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: account
  name: 'default'
}

resource tableResources 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = [for table in tables: {
  parent: tableService
  name: table
}]

output name string = account.name
output blobEndpoint string = account.properties.primaryEndpoints.blob
output queueEndpoint string = account.properties.primaryEndpoints.queue
output tableEndpoint string = account.properties.primaryEndpoints.table
output deploymentContainerName string = deploymentContainer.name
