import { createRequire as __shipgateRequire } from 'node:module'; const require = __shipgateRequire(import.meta.url);

// src/github/workflow-commands.ts
var CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
function escapeField(text) {
  return text.replace(CONTROL, (c) => {
    switch (c) {
      case "\n":
        return "\\n";
      case "\r":
        return "\\r";
      case "	":
        return "\\t";
      default: {
        const code = c.charCodeAt(0);
        return code > 255 ? `\\u${code.toString(16).padStart(4, "0")}` : `\\x${code.toString(16).padStart(2, "0")}`;
      }
    }
  });
}
function neutraliseCommands(text) {
  return text.replace(/(^|\r\n|\r|\n)((?:[^\S\r\n]|\u0085)*)::/g, "$1$2\\::");
}
function escapeLog(text) {
  return neutraliseCommands(text);
}
function escapeStrings(value) {
  return JSON.parse(
    JSON.stringify(value),
    (_key, v) => typeof v === "string" ? escapeField(v) : v
  );
}
function safeJson(value) {
  return JSON.stringify(value, null, 2).replace(
    /[\u2028\u2029]/g,
    (c) => c === "\u2028" ? "\\u2028" : "\\u2029"
  );
}

export {
  escapeField,
  neutraliseCommands,
  escapeLog,
  escapeStrings,
  safeJson
};
