import { createRequire } from 'node:module';
import { p as prepareVex } from './chunk-D5pTF7mH.js';
export { E as notFixedByVex } from './chunk-CxTsKb1n.js';
import './chunk-D5sk-O7z.js';
import './chunk-BfsmuvnE.js';
import 'node:crypto';
import 'node:fs/promises';
import 'node:path';
import './chunk-4KaJgODh.js';
import 'node:child_process';
import 'node:os';
import 'node:stream';
import 'node:fs';
import 'node:buffer';
import 'node:timers/promises';
import 'os';
import 'fs';
import 'crypto';

createRequire(import.meta.url);

// src/vex/stage.ts
async function vexStage(sources, opts) {
  if (!sources.length) return void 0;
  const prepared = await prepareVex(sources, opts);
  const records = prepared.sources;
  const warnings = [...prepared.warnings];
  const wantsOci = sources.some((s) => s.kind === "oci");
  const stage = {
    records,
    warnings,
    async filesFor(image, dir) {
      const files = [...prepared.files];
      if (!wantsOci) return files;
      if (!opts.oci) {
        throw new Error(
          `vex lists \`oci\`, but ${image} cannot be read from a registry here: give the VEX documents as paths or URLs.`
        );
      }
      const found = await opts.oci(image, dir);
      const offset = records.length;
      records.push(...found.records);
      warnings.push(...found.warnings);
      for (const f of found.files) files.push({ path: f.path, source: offset + f.record });
      return files;
    }
  };
  if (opts.requiredAuthors) stage.requiredAuthors = opts.requiredAuthors;
  return stage;
}

export { vexStage };
