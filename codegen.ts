import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Resolver types from the SDL. Enums are typed as the upstream wire unions (`enumValues`), so resolvers
 * return upstream strings and receive them as arguments; the executable schema maps them to GraphQL names.
 * The output is not prettier-formatted, so `npm run codegen:check` compares it byte for byte.
 */
const models = '../graphql/models';
const hss = '../upstream/hss/types';
const vulnerabilityModels = '../graphql/vulnerabilityModels';
const vul = '../upstream/hss/vulnerabilityTypes';
const kindModels = '../graphql/imageKindModels';
const kindTypes = '../upstream/hss/imageKindsTypes';

const config: CodegenConfig = {
  schema: 'schema/*.graphql',
  generates: {
    'src/generated/graphql.ts': {
      plugins: [
        {
          add: {
            content: [
              '/* generated — do not edit. Source: schema/*.graphql via codegen.ts; run `npm run codegen`. */',
              '/* eslint-disable */',
              '// prettier-ignore',
            ].join('\n'),
          },
        },
        'typescript',
        'typescript-resolvers',
      ],
      config: {
        useTypeImports: true,
        strictScalars: true,
        avoidOptionals: { field: true, object: true, inputValue: false, defaultValue: false },
        maybeValue: 'T | null',
        inputMaybeValue: 'T | null | undefined',
        contextType: '../graphql/context#GatewayContext',
        scalars: {
          // Resolvers hand the scalar raw upstream times (epoch ms or UTC strings); it serializes ISO-8601.
          DateTime: { input: 'string', output: 'string | number' },
          SafeInt: { input: 'number', output: 'number' },
        },
        mappers: {
          ContainerImage: `${models}#ContainerImageModel`,
          ImageScan: `${models}#ImageScanModel`,
          ContainerImageConnection: `${models}#ContainerImagePage`,
          ContainerImageEdge: `${models}#ContainerImageEdgeModel`,
          ImageApp: `${models}#ImageAppModel`,
          ImageAppConnection: `${models}#ImageAppPage`,
          ImageAppEdge: `${models}#ImageAppEdgeModel`,
          SharedRepository: `${models}#SharedRepositoryModel`,
          SharedRepositoryConnection: `${models}#SharedRepositoryPage`,
          SharedRepositoryEdge: `${models}#SharedRepositoryEdgeModel`,
          ProductImage: `${models}#ProductImageModel`,
          ProductImageConnection: `${models}#ProductImagePage`,
          ProductImageEdge: `${models}#ProductImageEdgeModel`,
          ImageVulnerability: `${vul}#HssImageVulnerability`,
          ImageVulnerabilityConnection: `${vulnerabilityModels}#ImageVulnerabilityPage`,
          ImageVulnerabilityEdge: `${vulnerabilityModels}#ImageVulnerabilityEdgeModel`,
          Vulnerability: `${vulnerabilityModels}#VulnerabilityModel`,
          VulnerabilityConnection: `${vulnerabilityModels}#VulnerabilityPage`,
          VulnerabilityEdge: `${vulnerabilityModels}#VulnerabilityEdgeModel`,
          Cve: `${vulnerabilityModels}#CveModel`,
          AffectedImage: `${vul}#HssVulAffectImage`,
          AffectedImageConnection: `${vulnerabilityModels}#AffectedImagePage`,
          AffectedImageEdge: `${vulnerabilityModels}#AffectedImageEdgeModel`,
          AffectedSoftware: `${vul}#HssVulAffectImageApp`,
          AffectedSoftwareLocation: `${vul}#HssVulAffectAppPath`,
          BaselineCheck: `${vulnerabilityModels}#BaselineCheckModel`,
          BaselineRule: `${vul}#HssImageRiskConfigRule`,
          CicdImage: `${kindModels}#CicdImageModel`,
          CicdImageConnection: `${kindModels}#CicdImagePage`,
          CicdImageEdge: `${kindModels}#CicdImageEdgeModel`,
          LocalImage: `${kindModels}#LocalImageModel`,
          LocalImageConnection: `${kindModels}#LocalImagePage`,
          LocalImageEdge: `${kindModels}#LocalImageEdgeModel`,
          LocalImageHost: `${kindModels}#LocalImageHostModel`,
          UpstreamQuota: `${models}#UpstreamQuotaModel`,
        },
        // GraphQL enums ARE the upstream wire vocabularies; src/resolvers/enums.ts gives the schema the
        // GraphQL-name → wire-value table (typed against these), so no resolver maps enums by hand.
        enumValues: {
          ContainerImageType: `${hss}#HssRegistryImageType`,
          ScanStatus: `${hss}#HssScanStatus`,
          Severity: `${hss}#HssSeverityLevel`,
          ScanFailureCode: `${hss}#HssScanFailedCode`,
          ImageKind: `${hss}#HssGlobalAppImageKind`,
          ShareCenter: '../upstream/swr/types#SwrShareCenter',
          RepositoryCategory: '../upstream/swr/types#SwrRepositoryCategory',
          ProductImageType: '../upstream/workspace/types#WorkspaceImageType',
          RepairNecessity: `${vul}#HssRepairNecessity`,
          VulnerabilityType: `${vul}#HssVulType`,
          VulnerabilityHandleStatus: `${vul}#HssVulHandleStatus`,
          VulnerabilitySeverity: `${vul}#HssVulSeverity`,
          VulnerabilityImageScope: `${vul}#HssVulImageScope`,
          VulnerabilityStatus: `${vul}#HssVulStatus`,
          BaselineSeverity: `${vul}#HssBaselineSeverity`,
          BaselineStandard: `${vul}#HssBaselineStandard`,
          BaselineRuleResult: `${vul}#HssBaselineResultType`,
          PipelineType: `${kindTypes}#HssPipelineType`,
          LocalImageSource: `${kindTypes}#HssLocalImageType`,
        },
      },
    },
  },
};

export default config;
