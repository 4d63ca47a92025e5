import * as z from 'zod'
import { parseSeverity, SEVERITIES } from '../../src/model.js'

/*
 * Trivy's JSON report (SchemaVersion 2), as Trivy really writes it: Go's `omitempty`
 * drops every empty array and most empty scalars, and each release adds fields.
 * So: everything but the few fields a finding cannot exist without is optional,
 * and objects are loose (unknown keys kept) so a newer Trivy never breaks us.
 */

const str = z.string()
const optStr = z.string().optional()
const optNum = z.number().optional()
const arr = <T extends z.ZodType>(item: T) => z.array(item).optional()

/**
 * A finding's severity: one of Trivy's five names (trimmed, any case). Anything else refuses
 * the report: read as UNKNOWN it would silently sit below most thresholds. Absent, it is
 * Trivy's own default, UNKNOWN (Trivy always writes it; old reports may not).
 */
const Severity = z
  .string()
  .default('UNKNOWN')
  .transform((value, ctx) => {
    const severity = parseSeverity(value)
    if (severity) return severity
    ctx.addIssue({
      code: 'custom',
      message: `severity ${JSON.stringify(value)} is not one of Trivy's (${[...SEVERITIES]
        .reverse()
        .join(', ')
        .replace(/, (?=[^,]*$)/, ' or ')})`,
    })
    return z.NEVER
  })

const Layer = z.looseObject({ Digest: optStr, DiffID: optStr })

const Cvss = z.looseObject({
  V2Score: optNum,
  V3Score: optNum,
  V40Score: optNum,
})

export const TrivyVulnerability = z.looseObject({
  VulnerabilityID: str,
  PkgID: optStr,
  PkgName: str,
  PkgPath: optStr,
  PkgIdentifier: z.looseObject({ PURL: optStr, UID: optStr }).optional(),
  InstalledVersion: z.string().default(''),
  FixedVersion: optStr,
  Status: optStr,
  Layer: Layer.optional(),
  SeveritySource: optStr,
  PrimaryURL: optStr,
  Fingerprint: optStr,
  Title: optStr,
  Description: optStr,
  Severity,
  CVSS: z.record(z.string(), Cvss).optional(),
  References: arr(z.string()),
})
export type TrivyVulnerability = z.infer<typeof TrivyVulnerability>

export const TrivySecret = z.looseObject({
  RuleID: str,
  Category: optStr,
  Severity,
  Title: optStr,
  StartLine: optNum,
  EndLine: optNum,
  Match: optStr,
})
export type TrivySecret = z.infer<typeof TrivySecret>

export const TrivyMisconfiguration = z.looseObject({
  Type: optStr,
  // New format `DS-0002` (v0.69+); older reports carry `DS002` plus `AVDID`.
  ID: optStr,
  AVDID: optStr,
  Title: optStr,
  Message: optStr,
  Resolution: optStr,
  Severity,
  PrimaryURL: optStr,
  Status: optStr,
  CauseMetadata: z.looseObject({ StartLine: optNum, EndLine: optNum }).optional(),
})
export type TrivyMisconfiguration = z.infer<typeof TrivyMisconfiguration>

const TrivyPackage = z.looseObject({ ID: optStr, Name: optStr, Version: optStr })

/**
 * A finding Trivy set aside (`--show-suppressed`: VEX, an ignore file). Read loosely here; what
 * Shipgate accepts as a suppression is decided in parse.ts (`checkModifiedFindings`): an entry it
 * cannot read is refused, never counted as suppressed.
 */
export const ModifiedFinding = z.looseObject({
  Type: optStr,
  Status: optStr,
  Statement: optStr,
  Source: optStr,
  Finding: z.unknown().optional(),
})
export type ModifiedFinding = z.infer<typeof ModifiedFinding>

export const TrivyResult = z.looseObject({
  // Always written by Trivy, but may be "" (custom/WASM results).
  Target: z.string().default(''),
  Class: optStr,
  Type: optStr,
  Packages: arr(TrivyPackage),
  Vulnerabilities: arr(TrivyVulnerability),
  Misconfigurations: arr(TrivyMisconfiguration),
  Secrets: arr(TrivySecret),
  Licenses: arr(z.looseObject({ Name: optStr, Severity: optStr })),
  ExperimentalModifiedFindings: arr(ModifiedFinding),
})
export type TrivyResult = z.infer<typeof TrivyResult>

const ImageConfig = z.looseObject({
  history: arr(z.looseObject({ created_by: optStr, empty_layer: z.boolean().optional() })),
  config: z
    .looseObject({
      User: optStr,
      Labels: z.record(z.string(), z.string()).nullish(),
    })
    .optional(),
})

export const TrivyReport = z.looseObject({
  SchemaVersion: z.literal(2),
  Trivy: z.looseObject({ Version: optStr }).optional(),
  CreatedAt: optStr,
  // Checked before the schema (parse.ts) so the error can say what was expected.
  ArtifactName: str,
  ArtifactType: optStr,
  Metadata: z
    .looseObject({
      Size: optNum,
      OS: z
        .looseObject({ Family: str, Name: z.string().default(''), EOSL: z.boolean().optional() })
        .optional(),
      ImageID: optStr,
      DiffIDs: arr(z.string()),
      RepoTags: arr(z.string()),
      RepoDigests: arr(z.string()),
      ImageConfig: ImageConfig.optional(),
    })
    .optional(),
  Results: arr(TrivyResult),
})
export type TrivyReport = z.infer<typeof TrivyReport>
