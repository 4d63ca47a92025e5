import { createRequire as __shipgateRequire } from 'node:module'; const require = __shipgateRequire(import.meta.url);

// src/heap.ts
import { setFlagsFromString } from "node:v8";
function keepYoungGenerationSmall() {
  setFlagsFromString("--semi-space-growth-factor=1");
}

export {
  keepYoungGenerationSmall
};
