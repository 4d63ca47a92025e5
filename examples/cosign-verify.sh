#!/bin/sh
# Verify what Shipgate signed, from any machine with cosign (v2.4+ or v3) and pull access.
# Always verify the digest Shipgate printed (output `digest`), not a tag.
set -eu
IMAGE="${1:-ghcr.io/octo-org/app@sha256:<digest>}"
IDENTITY='https://github.com/octo-org/app/.github/workflows/release.yml@refs/heads/main'
ISSUER='https://token.actions.githubusercontent.com'

# The signature (cosign v3 reads the bundle referrers; v2 the .sig tag).
cosign verify "$IMAGE" \
  --certificate-identity "$IDENTITY" \
  --certificate-oidc-issuer "$ISSUER"

# Force the classic .sig format (what policy-controller and Kyverno type: Cosign read).
cosign verify "$IMAGE" --new-bundle-format=false \
  --certificate-identity "$IDENTITY" \
  --certificate-oidc-issuer "$ISSUER"

# The attestations: vulnerability scan and SBOM (use --type spdxjson for SPDX).
cosign verify-attestation "$IMAGE" --type vuln \
  --certificate-identity "$IDENTITY" \
  --certificate-oidc-issuer "$ISSUER"
cosign verify-attestation "$IMAGE" --type cyclonedx \
  --certificate-identity "$IDENTITY" \
  --certificate-oidc-issuer "$ISSUER"

# The gate verdict (cosign 3): --type must be the exact predicate type. Print the verdict.
cosign verify-attestation "$IMAGE" --type https://shipgate.dev/attestation/gate/v1 \
  --certificate-identity "$IDENTITY" \
  --certificate-oidc-issuer "$ISSUER" |
  jq -r '.payload | @base64d | fromjson | .predicate.verificationResult'

# Shipgate's own verifier checks both formats at once (exit 0 verified, 1 not, 2 error).
npx shipgate verify "$IMAGE" \
  --certificate-identity "$IDENTITY" \
  --certificate-oidc-issuer "$ISSUER"
