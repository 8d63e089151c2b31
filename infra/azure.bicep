// Mandatory Learning: the Azure resources for one environment.
// Deployed by the Agents Toolkit's arm/deploy (m365agents.yml) with azure.parameters.json; each
// output is written to env/.env.<name> under its own name.
//
// The web app reaches storage with its managed identity (no keys: shared key access is off) and
// its app settings use the names server/config.ts reads (tests/infra/bicep-config-drift.test.ts).

@minLength(4)
@maxLength(20)
@description('Lower-case letters, digits and hyphens; starts the name of every resource.')
param resourceBaseName string

param location string = resourceGroup().location

@description('App Service plan SKU: B1 or larger (alwaysOn needs a Basic tier or above).')
param webAppSku string = 'B1'

@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
])
param storageSku string = 'Standard_LRS'

@description('Client id of the bot\'s Entra app (BOT_ID).')
param botAadAppClientId string

@secure()
@description('Client secret of the bot\'s Entra app (SECRET_BOT_PASSWORD).')
param botAadAppClientPassword string

@description('The Microsoft 365 tenant the bot belongs to (single-tenant bot).')
param botTenantId string

@maxLength(42)
param botDisplayName string = 'Mandatory Learning'

@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@description('Shown to people by the bot.')
param organisationName string

param supportContact string = 'your learning and development team'

@description('Prefixed to every table name.')
param tablePrefix string = 'ml'

@description('The organisation\'s NHS ODS code, carried in the learning passports it issues (PASSPORT_ODS_CODE). Empty: passports are verified but not issued.')
param odsCode string = ''

@allowed([
  'fatal'
  'error'
  'warn'
  'info'
  'debug'
  'trace'
  'silent'
])
param logLevel string = 'info'

var suffix = uniqueString(resourceGroup().id, resourceBaseName)
var webAppName = '${resourceBaseName}-${suffix}'
var storageAccountName = take('st${replace(toLower(resourceBaseName), '-', '')}${suffix}', 24)
var keyVaultName = take('kv${replace(toLower(resourceBaseName), '-', '')}${suffix}', 24)
// The passport issuer id: the site's own address (fixed by its name, so the site need not refer to itself).
var passportIssuerUrl = 'https://${webAppName}.azurewebsites.net'

// Built-in role definitions, by id.
var storageTableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
var storageQueueDataContributor = '974c5e8b-45b9-4653-ba55-5f855dd0fb88'

resource logAnalytics 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${resourceBaseName}-logs'
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: 30
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${resourceBaseName}-insights'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logAnalytics.id
  }
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageAccountName
  location: location
  kind: 'StorageV2'
  sku: {
    name: storageSku
  }
  properties: {
    accessTier: 'Hot'
    allowSharedKeyAccess: false
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
  }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

// Learning passports are signed in Key Vault: the private key is created there, cannot be exported,
// and never leaves it. The app may sign with it and read its public half, and nothing else (the
// built-in Key Vault Crypto User would also let it encrypt, decrypt, wrap, unwrap and change keys).
resource keyVault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: keyVaultName
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
  }
}

resource passportKey 'Microsoft.KeyVault/vaults/keys@2023-07-01' = {
  parent: keyVault
  name: 'passport-signing'
  properties: {
    kty: 'EC'
    curveName: 'P-256'
    keyOps: [
      'sign'
      'verify'
    ]
    attributes: {
      enabled: true
      exportable: false
    }
    // A new version every year; the app signs with the latest and keeps every public key it used published.
    rotationPolicy: {
      attributes: {
        expiryTime: 'P2Y'
      }
      lifetimeActions: [
        {
          trigger: {
            timeAfterCreate: 'P1Y'
          }
          action: {
            type: 'rotate'
          }
        }
        {
          trigger: {
            timeBeforeExpiry: 'P30D'
          }
          action: {
            type: 'notify'
          }
        }
      ]
    }
  }
}

resource passportSignerRole 'Microsoft.Authorization/roleDefinitions@2022-04-01' = {
  name: guid(resourceGroup().id, resourceBaseName, 'passport-key-signer')
  properties: {
    roleName: 'Passport key signer (${resourceBaseName})'
    description: 'Sign with a Key Vault key and read its public half; nothing else.'
    type: 'CustomRole'
    permissions: [
      {
        actions: []
        notActions: []
        dataActions: [
          'Microsoft.KeyVault/vaults/keys/read'
          'Microsoft.KeyVault/vaults/keys/sign/action'
        ]
        notDataActions: []
      }
    ]
    assignableScopes: [
      resourceGroup().id
    ]
  }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${resourceBaseName}-plan'
  location: location
  kind: 'linux'
  sku: {
    name: webAppSku
  }
  properties: {
    reserved: true
  }
}

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: webAppName
  location: location
  kind: 'app,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    siteConfig: {
      linuxFxVersion: 'NODE|20-lts'
      appCommandLine: 'npm run start:prod'
      alwaysOn: true
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      http20Enabled: true
      // /readyz, not /healthz: App Service sends traffic only to instances whose health check answers 200,
      // takes an instance out of the load balancer after repeated failures (never more than half of them)
      // and replaces one that stays unhealthy. /readyz fails when this instance cannot reach storage and
      // turns 503 as soon as SIGTERM starts a graceful stop, so the load balancer drains it.
      healthCheckPath: '/readyz'
      appSettings: [
        {
          name: 'APP_MODE'
          value: 'production'
        }
        {
          name: 'MICROSOFT_APP_ID'
          value: botAadAppClientId
        }
        {
          name: 'MICROSOFT_APP_TYPE'
          value: 'SingleTenant'
        }
        {
          name: 'MICROSOFT_APP_TENANT_ID'
          value: botTenantId
        }
        {
          name: 'MICROSOFT_APP_PASSWORD'
          value: botAadAppClientPassword
        }
        {
          name: 'STORAGE_TABLE_URL'
          value: storage.properties.primaryEndpoints.table
        }
        {
          name: 'STORAGE_QUEUE_URL'
          value: storage.properties.primaryEndpoints.queue
        }
        {
          name: 'TABLE_PREFIX'
          value: tablePrefix
        }
        {
          name: 'ORGANISATION_NAME'
          value: organisationName
        }
        {
          name: 'SUPPORT_CONTACT'
          value: supportContact
        }
        {
          name: 'LOG_LEVEL'
          value: logLevel
        }
        {
          // The tab's SSO tokens (v2) carry the client id as their audience; the same registration serves bot and tab.
          name: 'TAB_SSO_AUDIENCES'
          value: botAadAppClientId
        }
        {
          name: 'TAB_SSO_TENANTS'
          value: botTenantId
        }
        {
          // Turns on OpenTelemetry to Application Insights (server/telemetry.ts); validated by server/config.ts.
          name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
          value: appInsights.properties.ConnectionString
        }
        {
          // Learning passports: signed in Key Vault (latest version of the key), issued as this site.
          name: 'PASSPORT_KEY_VAULT_KEY_ID'
          value: passportKey.properties.keyUri
        }
        {
          name: 'PASSPORT_ISSUER_URL'
          value: passportIssuerUrl
        }
        {
          name: 'PASSPORT_ODS_CODE'
          value: odsCode
        }
        // Platform settings, not read by server/config.ts:
        {
          name: 'WEBSITE_NODE_DEFAULT_VERSION'
          value: '~20'
        }
        {
          name: 'SCM_DO_BUILD_DURING_DEPLOYMENT'
          value: 'true'
        }
      ]
    }
  }
}

resource tableDataRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, webApp.id, storageTableDataContributor)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageTableDataContributor)
    principalId: webApp.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource queueDataRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, webApp.id, storageQueueDataContributor)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageQueueDataContributor)
    principalId: webApp.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

// Scoped to the one key, not the vault.
resource passportSignerAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(passportKey.id, webApp.id, passportSignerRole.id)
  scope: passportKey
  properties: {
    roleDefinitionId: passportSignerRole.id
    principalId: webApp.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: webAppName
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: botSku
  }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${webApp.properties.defaultHostName}/api/messages'
    msaAppId: botAadAppClientId
    msaAppType: 'SingleTenant'
    msaAppTenantId: botTenantId
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
  }
}

// Written to env/.env.<name> by arm/deploy.
output AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output APP_DOMAIN string = webApp.properties.defaultHostName
output APP_ENDPOINT string = 'https://${webApp.properties.defaultHostName}'
output BOT_ID string = botAadAppClientId
output STORAGE_TABLE_URL string = storage.properties.primaryEndpoints.table
output STORAGE_QUEUE_URL string = storage.properties.primaryEndpoints.queue
output KEY_VAULT_URI string = keyVault.properties.vaultUri
output PASSPORT_KEY_VAULT_KEY_ID string = passportKey.properties.keyUri
output PASSPORT_ISSUER_URL string = passportIssuerUrl
