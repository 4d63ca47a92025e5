import { createRequire } from 'node:module';
import { l as redactedMessage } from './chunk-BAQxG8PF.js';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { dirname, basename } from 'node:path';

createRequire(import.meta.url);
var ArtifactServiceUnavailable = class extends Error {
  name = "ArtifactServiceUnavailable";
};
var unavailable = /* @__PURE__ */ new WeakMap();
function sbomArtifactName(image, format) {
  const safe = image.replace(/[^A-Za-z0-9._-]+/g, "_").replace(/^_+|_+$/g, "");
  return `sbom-${format}-${safe}`.slice(0, 200);
}
async function uploadSbom(uploader, sbomPath, image, format, logger) {
  const name = sbomArtifactName(image, format);
  const known = unavailable.get(uploader);
  if (known !== void 0) {
    logger.info(`The SBOM of ${image} stays at ${sbomPath} (not uploaded: ${known}).`);
    return void 0;
  }
  try {
    const result = await uploader.upload(name, [sbomPath], dirname(sbomPath));
    const digest = createHash("sha256").update(await readFile(sbomPath)).digest("hex");
    logger.info(
      `Uploaded SBOM ${basename(sbomPath)} (sha256:${digest}) as workflow artifact ${name}${result.id === void 0 ? "" : ` (id ${result.id})`}`
    );
    return result.id === void 0 ? { name } : { name, id: result.id };
  } catch (error) {
    const reason = redactedMessage(error).replace(/[.\s]+$/, "");
    if (error instanceof ArtifactServiceUnavailable) unavailable.set(uploader, reason);
    logger.warning(
      `The SBOM was not uploaded as workflow artifact ${name}: ${reason}. It stays at ${sbomPath} (the \`sbom\` output names the first SBOM, the report every one) until the job ends: to keep it, upload that path in a later step (on GitHub Enterprise Server with actions/upload-artifact@v3).`
    );
    return void 0;
  }
}

export { ArtifactServiceUnavailable as A, uploadSbom as u };
