import { createRequire as __shipgateRequire } from 'node:module'; const require = __shipgateRequire(import.meta.url);

// src/settings/origin.ts
function toOrigin(label) {
  if (typeof label !== "string") return label;
  if (label.startsWith("-") || /^[A-Z][A-Z_]*$/.test(label)) return { kind: "flag", name: label };
  return { kind: "input", name: label };
}
function originName(origin) {
  switch (origin.kind) {
    case "input":
    case "flag":
      return origin.name;
    case "policy":
      return origin.key;
    case "default":
      return "default";
  }
}
function describeOrigin(origin) {
  switch (origin.kind) {
    case "input":
      return `Input \`${origin.name}\``;
    case "flag":
      return origin.name.startsWith("-") ? `Flag \`${origin.name}\`` : `Argument \`${origin.name}\``;
    case "policy":
      return `${origin.file}${origin.line ? `:${origin.line}` : ""} \`${origin.key}\``;
    case "default":
      return "The default";
  }
}
function shortOrigin(origin) {
  switch (origin.kind) {
    case "input":
      return `input \`${origin.name}\``;
    case "flag":
      return origin.name.startsWith("-") ? `flag \`${origin.name}\`` : `argument ${origin.name}`;
    case "policy":
      return `${origin.file}${origin.line ? `:${origin.line}` : ""}`;
    case "default":
      return "default";
  }
}
var InputError = class extends Error {
  /** The name as the user typed it (`fail-on`, `--fail-on`, the policy key). */
  input;
  origin;
  constructor(label, message) {
    const origin = toOrigin(label);
    super(`${describeOrigin(origin)}: ${message}`);
    this.name = "InputError";
    this.origin = origin;
    this.input = originName(origin);
  }
};

export {
  toOrigin,
  originName,
  describeOrigin,
  shortOrigin,
  InputError
};
