import * as z from 'zod/mini'
import en from 'zod/v4/locales/en.js'
import { parseSeverity, SEVERITIES } from '../../src/model.js'

/*
 * Trivy's JSON report (SchemaVersion 2), as Trivy really writes it: Go's `omitempty`
 * drops every empty array and most empty scalars, and each release adds fields.
 * So: everything but the few fields a finding cannot exist without is optional,
 * and objects are loose (unknown keys kept) so a newer Trivy never breaks us.
 */

// zod's mini build: the same checks and messages as classic zod, in a fifth of its code, which
// every run loads (~16 ms of a ~200 ms cold start; issue 13). Its messages are English once
// the locale is set (classic zod sets it itself when a policy file loads it).
z.config(en())

const str = z.string()
const optStr = z.optional(z.string())
const optNum = z.optional(z.number())
const arr = <T extends z.ZodMiniType>(item: T) => z.optional(z.array(item))

/**
 * A finding's severity: one of Trivy's five names (trimmed, any case). Anything else refuses
 * the report: read as UNKNOWN it would silently sit below most thresholds. Absent, it is
 * Trivy's own default, UNKNOWN (Trivy always writes it; old reports may not).
 */
const Severity = z.pipe(
  z._default(z.string(), 'UNKNOWN'),
  z.transform((value: string, ctx) => {
    const severity = parseSeverity(value)
    if (severity) return severity
    ctx.issues.push({
      code: 'custom',
      input: value,
      message: `severity ${JSON.stringify(value)} is not one of Trivy's (${[...SEVERITIES]
        .reverse()
        .join(', ')
        .replace(/, (?=[^,]*$)/, ' or ')})`,
    })
    return z.NEVER
  }),
)

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
  PkgIdentifier: z.optional(z.looseObject({ PURL: optStr, UID: optStr })),
  InstalledVersion: z._default(z.string(), ''),
  FixedVersion: optStr,
  Status: optStr,
  Layer: z.optional(Layer),
  SeveritySource: optStr,
  PrimaryURL: optStr,
  Fingerprint: optStr,
  Title: optStr,
  Description: optStr,
  Severity,
  CVSS: z.optional(z.record(z.string(), Cvss)),
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
  CauseMetadata: z.optional(z.looseObject({ StartLine: optNum, EndLine: optNum })),
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
  Finding: z.optional(z.unknown()),
})
export type ModifiedFinding = z.infer<typeof ModifiedFinding>

export const TrivyResult = z.looseObject({
  // Always written by Trivy, but may be "" (custom/WASM results).
  Target: z._default(z.string(), ''),
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
  history: arr(z.looseObject({ created_by: optStr, empty_layer: z.optional(z.boolean()) })),
  config: z.optional(
    z.looseObject({
      User: optStr,
      Labels: z.nullish(z.record(z.string(), z.string())),
    }),
  ),
})

export const TrivyReport = z.looseObject({
  SchemaVersion: z.literal(2),
  Trivy: z.optional(z.looseObject({ Version: optStr })),
  CreatedAt: optStr,
  // Checked before the schema (parse.ts) so the error can say what was expected.
  ArtifactName: str,
  ArtifactType: optStr,
  Metadata: z.optional(
    z.looseObject({
      Size: optNum,
      OS: z.optional(
        z.looseObject({
          Family: str,
          Name: z._default(z.string(), ''),
          EOSL: z.optional(z.boolean()),
        }),
      ),
      ImageID: optStr,
      DiffIDs: arr(z.string()),
      RepoTags: arr(z.string()),
      RepoDigests: arr(z.string()),
      ImageConfig: z.optional(ImageConfig),
    }),
  ),
  Results: arr(TrivyResult),
})
export type TrivyReport = z.infer<typeof TrivyReport>
