/** Shipgate's version, reported in its JSON report and tool metadata (kept equal to package.json by a test). */
export const VERSION = '0.1.0'
