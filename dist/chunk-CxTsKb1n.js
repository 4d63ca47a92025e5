import { createRequire } from 'node:module';
import { p as programExecWith, c as childEnv, a as actionRegistryLogin, t as trivyCacheDir, g as getInput2, b as actionLogger, R as RegistryError, f as failureOf, d as runProgram, e as trivyLoginEnv, B as BlobCache, i as info2, r as runUrl, h as tufClient, j as tufRepositoryName } from './chunk-4KaJgODh.js';
import { t as toDbMetadata, S as SEVERITIES, p as parseSeverity, i as isLoopbackHost, v as valuesOf, g as group, a as info, m as maxDbAgeMs, b as parseBoolean, s as serverDbMetadata, c as checkDbAge, l as localVersionInfo, T as TRIVY_SERVER_TOKEN_INPUT, d as setSecret, e as TRIVY_SERVER_INPUT, f as trivyServerWithToken, D as DEFAULT_TOKEN_HEADER, h as scopeOf, j as scopeHas, k as severityRank, n as formatBytes, o as emptyCounts, r as redactedMessage, q as sarifTarget, u as openSarifTarget, w as singlePlatform, x as replaceWith, y as clientArgs, z as parseVersionInfo, A as SCAN_SPEC, C as COMMENT_SPEC, B as shortOrigin, E as getIDToken, F as registerSecret, G as baseImagePolicyOf, H as judgeBaseImage, I as InputError, J as parseReference, K as describeOrigin, L as warning, M as redactDeepForJson, N as describePlatforms, O as workflowEvent, P as setOutput, Q as workflowRepo, R as redact, U as redactDeep, V as dbFromTrivyReport, W as gateVerdictPredicate } from './chunk-BfsmuvnE.js';
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, openSync, fstatSync, readSync, closeSync, writeSync } from 'node:fs';
import { readFile, rm, stat, access, constants, mkdir, open, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path, { join, relative, resolve, isAbsolute, sep, dirname, basename } from 'node:path';
import { isAscii } from 'node:buffer';
import { setImmediate } from 'node:timers/promises';

createRequire(import.meta.url);

// node_modules/zod/v4/core/util.js
function getEnumValues(entries) {
  const numericValues = Object.values(entries).filter((v) => typeof v === "number");
  const values = Object.entries(entries).filter(([k, _]) => numericValues.indexOf(+k) === -1).map(([_, v]) => v);
  return values;
}
function joinValues(array2, separator = "|") {
  return array2.map((val) => stringifyPrimitive(val)).join(separator);
}
function jsonStringifyReplacer(_, value) {
  if (typeof value === "bigint")
    return value.toString();
  return value;
}
var Cached = class {
  constructor(getter) {
    this._getter = getter;
    this._value = void 0;
  }
  get value() {
    const getter = this._getter;
    if (getter !== void 0) {
      this._value = getter();
      this._getter = void 0;
    }
    return this._value;
  }
};
function cached(getter) {
  return new Cached(getter);
}
function nullish(input) {
  return input === null || input === void 0;
}
function cleanRegex(source) {
  const start = source.startsWith("^") ? 1 : 0;
  const end = source.endsWith("$") ? source.length - 1 : source.length;
  return source.slice(start, end);
}
function assignProp(target, prop, value) {
  Object.defineProperty(target, prop, {
    value,
    writable: true,
    enumerable: true,
    configurable: true
  });
}
var captureStackTrace = "captureStackTrace" in Error ? Error.captureStackTrace : (..._args) => {
};
function isObject$1(data) {
  return typeof data === "object" && data !== null && !Array.isArray(data);
}
function isPlainObject(o) {
  if (isObject$1(o) === false)
    return false;
  const ctor = o.constructor;
  if (ctor === void 0)
    return true;
  if (typeof ctor !== "function")
    return true;
  const prot = ctor.prototype;
  if (isObject$1(prot) === false)
    return false;
  if (Object.prototype.hasOwnProperty.call(prot, "isPrototypeOf") === false) {
    return false;
  }
  return true;
}
function shallowClone(o) {
  if (isPlainObject(o))
    return { ...o };
  if (Array.isArray(o))
    return [...o];
  if (o instanceof Map)
    return new Map(o);
  if (o instanceof Set)
    return new Set(o);
  return o;
}
var propertyKeyTypes = /* @__PURE__ */ new Set(["string", "number", "symbol"]);
function escapeRegex(str) {
  return str.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
function clone(inst, def, params) {
  const cl = new inst._zod.constr(def ?? inst._zod.def);
  if (!def || params?.parent)
    cl._zod.parent = inst;
  return cl;
}
function normalizeParams(_params) {
  const params = _params;
  if (!params)
    return {};
  if (typeof params === "string")
    return { error: () => params };
  if (params?.message !== void 0) {
    if (params?.error !== void 0)
      throw new Error("Cannot specify both `message` and `error` params");
    params.error = params.message;
  }
  delete params.message;
  if (typeof params.error === "string")
    return { ...params, error: () => params.error };
  return params;
}
function stringifyPrimitive(value) {
  if (typeof value === "bigint")
    return value.toString() + "n";
  if (typeof value === "string")
    return `"${value}"`;
  return `${value}`;
}
function optionalKeys(shape) {
  return Object.keys(shape).filter((k) => {
    return shape[k]._zod.optin !== void 0 && shape[k]._zod.optout === "optional";
  });
}
var NUMBER_FORMAT_RANGES = /* @__PURE__ */ (() => ({
  safeint: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
  int32: [-2147483648, 2147483647],
  uint32: [0, 4294967295],
  float32: [-34028234663852886e22, 34028234663852886e22],
  float64: [-Number.MAX_VALUE, Number.MAX_VALUE]
}))();
function aborted(x, startIndex = 0) {
  if (x.aborted === true)
    return true;
  for (let i = startIndex; i < x.issues.length; i++) {
    if (x.issues[i]?.continue !== true) {
      return true;
    }
  }
  return false;
}
function explicitlyAborted(x, startIndex = 0) {
  if (x.aborted === true)
    return true;
  for (let i = startIndex; i < x.issues.length; i++) {
    if (x.issues[i]?.continue === false) {
      return true;
    }
  }
  return false;
}
function prefixIssues(path, issues) {
  return issues.map((iss) => {
    var _a3;
    (_a3 = iss).path ?? (_a3.path = []);
    iss.path.unshift(path);
    return iss;
  });
}
function unwrapMessage(message) {
  return typeof message === "string" ? message : message?.message;
}
function sizeCaps(defChecks) {
  const caps = [];
  for (const ch of defChecks ?? []) {
    const d = ch._zod.def;
    if (!/_(length|size)$|_equals$/.test(d.check))
      break;
    const max = d.maximum ?? d.length ?? d.size;
    if (max >= 0)
      caps.push([max, ch]);
  }
  return caps;
}
function attachSchema(issues, start, inst) {
  var _a3;
  for (let i = start; i < issues.length; i++) {
    (_a3 = issues[i]).schema ?? (_a3.schema = inst);
  }
}
function finalizeIssue(iss, ctx, config2) {
  var _a3;
  const traits = iss.inst?._zod?.traits;
  if (traits?.has("$ZodType")) {
    if (traits.has("$ZodCheck"))
      (_a3 = iss).schema ?? (_a3.schema = iss.inst);
    else
      iss.schema = iss.inst;
  }
  const schemaError = iss.schema !== iss.inst ? iss.schema?._zod.def?.error : void 0;
  const message = iss.message ? iss.message : unwrapMessage(iss.inst?._zod.def?.error?.(iss)) ?? unwrapMessage(schemaError?.(iss)) ?? unwrapMessage(ctx?.error?.(iss)) ?? unwrapMessage(config2.customError?.(iss)) ?? unwrapMessage(config2.localeError?.(iss)) ?? "Invalid input";
  const full = {};
  for (const k of Object.keys(iss)) {
    if (k === "inst" || k === "schema" || k === "continue" || k === "input" || k === "__proto__")
      continue;
    full[k] = iss[k];
  }
  full.path ?? (full.path = []);
  full.message = message;
  if (ctx?.reportInput) {
    full.input = iss.input;
  }
  return full;
}
var highSurrogate = /[\uD800-\uDBFF]/;
function codePointLength(str) {
  const units = str.length;
  if (!highSurrogate.test(str))
    return units;
  let count = units;
  for (let i = 0; i < units - 1; i++) {
    if ((str.charCodeAt(i) & 64512) === 55296 && (str.charCodeAt(i + 1) & 64512) === 56320) {
      count--;
      i++;
    }
  }
  return count;
}
function getLengthableOrigin(input) {
  if (Array.isArray(input))
    return "array";
  if (typeof input === "string")
    return "string";
  return "unknown";
}
function parsedType(data) {
  const t = typeof data;
  switch (t) {
    case "number": {
      return Number.isNaN(data) ? "nan" : "number";
    }
    case "object": {
      if (data === null) {
        return "null";
      }
      if (Array.isArray(data)) {
        return "array";
      }
      const obj = data;
      if (obj && Object.getPrototypeOf(obj) !== Object.prototype && "constructor" in obj && obj.constructor) {
        return obj.constructor.name;
      }
    }
  }
  return t;
}
function issue(...args) {
  const [iss, input, inst] = args;
  if (typeof iss === "string") {
    return {
      message: iss,
      code: "custom",
      input,
      inst
    };
  }
  return { ...iss };
}
function members(proto, table) {
  for (const key in table) {
    const desc = Object.getOwnPropertyDescriptor(table, key);
    if (desc.get)
      Object.defineProperty(proto, key, { ...desc, enumerable: false });
    else
      defineBound(proto, key, desc.value);
  }
}
function own(inst, key, value, enumerable = true) {
  Object.defineProperty(inst, key, { configurable: true, writable: true, enumerable, value });
  return value;
}
function hide(inst, key, value) {
  return own(inst, key, value, false);
}
function defineBound(proto, key, fn) {
  Object.defineProperty(proto, key, {
    configurable: true,
    get() {
      return this == null ? fn : own(this, key, fn.bind(this));
    },
    set(value) {
      own(this, key, value);
    }
  });
}
function claim(inst, sentinel) {
  const proto = Object.getPrototypeOf(inst);
  return sentinel in proto ? void 0 : proto;
}
var installing;
var broke = false;
var breaker = {
  configurable: true,
  get() {
    broke = true;
    return void 0;
  }
};
function defineLazyInternal(inst, key, compute) {
  const proto = Object.getPrototypeOf(inst._zod);
  if (key in proto && installing !== inst._zod) {
    installing = void 0;
    return;
  }
  installing = inst._zod;
  Object.defineProperty(proto, key, {
    configurable: true,
    get() {
      Object.defineProperty(this, key, breaker);
      const outer = broke;
      broke = false;
      try {
        const value = compute(this);
        if (broke)
          delete this[key];
        else
          Object.defineProperty(this, key, { configurable: true, writable: true, value });
        broke = broke || outer;
        return value;
      } catch (err) {
        delete this[key];
        broke = broke || outer;
        throw err;
      }
    },
    set(value) {
      Object.defineProperty(this, key, { configurable: true, writable: true, value });
    }
  });
}
function installLazyProp(inst, key, make, enumerable) {
  const proto = claim(inst, key);
  if (!proto)
    return;
  Object.defineProperty(proto, key, {
    configurable: true,
    get() {
      const desc = { configurable: true, writable: true, enumerable, value: void 0 };
      Object.defineProperty(this, key, desc);
      desc.value = make(this);
      Object.defineProperty(this, key, desc);
      return desc.value;
    },
    set(value) {
      Object.defineProperty(this, key, { configurable: true, writable: true, enumerable, value });
    }
  });
}

// node_modules/zod/v4/core/core.js
var _a;
var NEVER = /* @__PURE__ */ Object.freeze({
  status: "aborted"
});
var _zodDesc = { value: void 0, enumerable: false };
var _E = "captureStackTrace" in Error ? Error : null;
function newError(Definition) {
  const E = _E;
  if (E) {
    const saved = E.stackTraceLimit;
    if (typeof saved === "number") {
      try {
        E.stackTraceLimit = 0;
      } catch {
        _E = null;
        return new Definition();
      }
      try {
        return new Definition();
      } finally {
        E.stackTraceLimit = saved;
      }
    }
  }
  return new Definition();
}
// @__NO_SIDE_EFFECTS__
function $constructor(name, initializer2, proto, params) {
  const zodProto = {};
  function Internals(def) {
    this.def = def;
    this.constr = _;
    this.traits = /* @__PURE__ */ new Set();
  }
  Internals.prototype = zodProto;
  const protoMembers = proto;
  const initialized = protoMembers && /* @__PURE__ */ new WeakSet();
  function init(inst, def) {
    if (!inst._zod) {
      _zodDesc.value = new Internals(def);
      try {
        Object.defineProperty(inst, "_zod", _zodDesc);
      } finally {
        _zodDesc.value = void 0;
      }
    } else if (inst._zod.traits.has(name)) {
      return;
    }
    inst._zod.traits.add(name);
    initializer2(inst, def);
    if (initialized) {
      const own2 = Object.getPrototypeOf(inst);
      const ctorProto = inst._zod.constr.prototype;
      let up = own2;
      while (up && up !== ctorProto)
        up = Object.getPrototypeOf(up);
      const target = up ?? own2;
      if (!initialized.has(target)) {
        initialized.add(target);
        members(target, protoMembers);
      }
    }
    const proto2 = _.prototype;
    for (const k in proto2) {
      if (!Object.prototype.hasOwnProperty.call(proto2, k))
        continue;
      if (!(k in inst)) {
        inst[k] = proto2[k].bind(inst);
      }
    }
  }
  const Parent = params?.Parent ?? Object;
  class Definition extends Parent {
  }
  Object.defineProperty(Definition, "name", { value: name });
  function _(def) {
    const inst = params?.Parent ? newError(Definition) : this;
    init(inst, def);
    const deferred = inst._zod.deferred;
    if (deferred) {
      for (const fn of deferred) {
        fn();
      }
      inst._zod.deferred = void 0;
    }
    const pp = globalThis.__zod_globalConfig?.postProcessor;
    if (pp)
      pp(inst);
    return inst;
  }
  Object.defineProperty(_, "init", { value: init });
  Object.defineProperty(_, Symbol.hasInstance, {
    value: (inst) => {
      if (params?.Parent && inst instanceof params.Parent)
        return true;
      return inst?._zod?.traits?.has(name);
    }
  });
  Object.defineProperty(_, "name", { value: name });
  return _;
}
var $ZodAsyncError = class extends Error {
  constructor() {
    super(`Encountered Promise during synchronous parse. Use .parseAsync() instead.`);
  }
};
var $ZodEncodeError = class extends Error {
  constructor(name) {
    super(`Encountered unidirectional transform during encode: ${name}`);
    this.name = "ZodEncodeError";
  }
};
(_a = globalThis).__zod_globalConfig ?? (_a.__zod_globalConfig = {});
var globalConfig = globalThis.__zod_globalConfig;
function config(newConfig) {
  if (newConfig)
    Object.assign(globalConfig, newConfig);
  return globalConfig;
}

// node_modules/zod/v4/core/errors.js
function _getMessage() {
  const internals = this._zod;
  internals.message ?? (internals.message = JSON.stringify(internals.def, jsonStringifyReplacer, 2));
  return internals.message;
}
function _setMessage(value) {
  this._zod.message = value;
}
var _messageDesc = {
  get: _getMessage,
  set: _setMessage,
  enumerable: true,
  configurable: true
};
var _issuesDesc = { value: void 0, enumerable: false };
var _installedToString = /* @__PURE__ */ new WeakSet([Object.prototype, Error.prototype]);
var initializer = (inst, def) => {
  inst.name = "$ZodError";
  _issuesDesc.value = def;
  Object.defineProperty(inst, "issues", _issuesDesc);
  _issuesDesc.value = void 0;
  Object.defineProperty(inst, "message", _messageDesc);
  const proto = Object.getPrototypeOf(inst);
  if (!_installedToString.has(proto)) {
    _installedToString.add(proto);
    Object.defineProperty(proto, "toString", {
      configurable: true,
      enumerable: false,
      get() {
        const value = () => this.message;
        Object.defineProperty(this, "toString", { value, configurable: true, writable: true });
        return value;
      },
      set(value) {
        Object.defineProperty(this, "toString", { value, configurable: true, writable: true });
      }
    });
  }
};
var $ZodRealError = $constructor("$ZodError", initializer, void 0, {
  Parent: Error
});

// node_modules/zod/v4/core/parse.js
var _parse = (_Err) => {
  const fn = (schema, value, _ctx, _params) => {
    const ctx = _ctx ? { ..._ctx, async: false } : { async: false };
    const result = schema._zod.run({ value, issues: [] }, ctx);
    if (result instanceof Promise) {
      throw new $ZodAsyncError();
    }
    if (result.issues.length) {
      const e = new (_params?.Err ?? _Err)(result.issues.map((iss) => finalizeIssue(iss, ctx, config())));
      captureStackTrace(e, _params?.callee ?? fn);
      throw e;
    }
    return result.value;
  };
  return fn;
};
var parse = /* @__PURE__ */ _parse($ZodRealError);
var _parseAsync = (_Err) => {
  const fn = async (schema, value, _ctx, params) => {
    const ctx = _ctx ? { ..._ctx, async: true } : { async: true };
    let result = schema._zod.run({ value, issues: [] }, ctx);
    if (result instanceof Promise)
      result = await result;
    if (result.issues.length) {
      const e = new (params?.Err ?? _Err)(result.issues.map((iss) => finalizeIssue(iss, ctx, config())));
      captureStackTrace(e, params?.callee ?? fn);
      throw e;
    }
    return result.value;
  };
  return fn;
};
var parseAsync = /* @__PURE__ */ _parseAsync($ZodRealError);
var _safeParse = (_Err) => (schema, value, _ctx) => {
  const ctx = _ctx ? { ..._ctx, async: false } : { async: false };
  const result = schema._zod.run({ value, issues: [] }, ctx);
  if (result instanceof Promise) {
    throw new $ZodAsyncError();
  }
  return result.issues.length ? failure(_Err, result.issues, ctx) : { success: true, data: result.value };
};
var safeParse = /* @__PURE__ */ _safeParse($ZodRealError);
function failure(Err, issues, ctx) {
  let error;
  return {
    success: false,
    get error() {
      if (!error) {
        error = new Err(issues.map((iss) => finalizeIssue(iss, ctx, config())));
        issues = void 0;
        ctx = void 0;
      }
      return error;
    },
    set error(e) {
      error = e;
      issues = void 0;
      ctx = void 0;
    }
  };
}
var _safeParseAsync = (_Err) => async (schema, value, _ctx) => {
  const ctx = _ctx ? { ..._ctx, async: true } : { async: true };
  let result = schema._zod.run({ value, issues: [] }, ctx);
  if (result instanceof Promise)
    result = await result;
  return result.issues.length ? failure(_Err, result.issues, ctx) : { success: true, data: result.value };
};
var safeParseAsync = /* @__PURE__ */ _safeParseAsync($ZodRealError);

// node_modules/zod/v4/core/regexes.js
var httpProtocol = /^https?$/;
var anyString = /^[\s\S]{0,}$/;
var number = /^-?\d+(?:\.\d+)?$/;
var boolean = /^(?:true|false)$/i;

// node_modules/zod/v4/core/checks.js
var $ZodCheck = /* @__PURE__ */ $constructor("$ZodCheck", (inst, def) => {
  var _a3;
  inst._zod ?? (inst._zod = {});
  inst._zod.def = def;
  (_a3 = inst._zod).onattach ?? (_a3.onattach = []);
});
var _whenHasLength = (payload) => {
  const val = payload.value;
  return !nullish(val) && val.length !== void 0;
};
var numericOriginMap = {
  number: "number",
  bigint: "bigint",
  object: "date"
};
var $ZodCheckLessThan = /* @__PURE__ */ $constructor("$ZodCheckLessThan", (inst, def) => {
  $ZodCheck.init(inst, def);
  const origin = numericOriginMap[typeof def.value];
  inst._zod.check = (payload) => {
    if (def.inclusive ? payload.value <= def.value : payload.value < def.value) {
      return;
    }
    payload.issues.push({
      origin: numericOriginMap[typeof payload.value] ?? origin,
      code: "too_big",
      maximum: typeof def.value === "object" ? def.value.getTime() : def.value,
      input: payload.value,
      inclusive: def.inclusive,
      inst,
      continue: !def.abort
    });
  };
});
var $ZodCheckGreaterThan = /* @__PURE__ */ $constructor("$ZodCheckGreaterThan", (inst, def) => {
  $ZodCheck.init(inst, def);
  const origin = numericOriginMap[typeof def.value];
  inst._zod.check = (payload) => {
    if (def.inclusive ? payload.value >= def.value : payload.value > def.value) {
      return;
    }
    payload.issues.push({
      origin: numericOriginMap[typeof payload.value] ?? origin,
      code: "too_small",
      minimum: typeof def.value === "object" ? def.value.getTime() : def.value,
      input: payload.value,
      inclusive: def.inclusive,
      inst,
      continue: !def.abort
    });
  };
});
var $ZodCheckNumberFormat = /* @__PURE__ */ $constructor("$ZodCheckNumberFormat", (inst, def) => {
  $ZodCheck.init(inst, def);
  def.format = def.format || "float64";
  const isInt = def.format?.includes("int");
  const origin = isInt ? "int" : "number";
  const [minimum, maximum] = NUMBER_FORMAT_RANGES[def.format];
  inst._zod.check = (payload) => {
    const input = payload.value;
    if (isInt) {
      if (!Number.isInteger(input)) {
        payload.issues.push({
          expected: origin,
          format: def.format,
          code: "invalid_type",
          continue: false,
          input,
          inst
        });
        return;
      }
      if (!Number.isSafeInteger(input)) {
        if (input > 0) {
          payload.issues.push({
            input,
            code: "too_big",
            maximum: Number.MAX_SAFE_INTEGER,
            note: "Integers must be within the safe integer range.",
            inst,
            origin,
            inclusive: true,
            continue: !def.abort
          });
        } else {
          payload.issues.push({
            input,
            code: "too_small",
            minimum: Number.MIN_SAFE_INTEGER,
            note: "Integers must be within the safe integer range.",
            inst,
            origin,
            inclusive: true,
            continue: !def.abort
          });
        }
        return;
      }
    }
    if (input < minimum) {
      payload.issues.push({
        origin: "number",
        input,
        code: "too_small",
        minimum,
        inclusive: true,
        inst,
        continue: !def.abort
      });
    }
    if (input > maximum) {
      payload.issues.push({
        origin: "number",
        input,
        code: "too_big",
        maximum,
        inclusive: true,
        inst,
        continue: !def.abort
      });
    }
  };
});
var $ZodCheckMaxLength = /* @__PURE__ */ $constructor("$ZodCheckMaxLength", (inst, def) => {
  var _a3;
  $ZodCheck.init(inst, def);
  (_a3 = inst._zod.def).when ?? (_a3.when = _whenHasLength);
  inst._zod.check = (payload) => {
    const input = payload.value;
    const units = input.length;
    const length = typeof input === "string" && units > def.maximum ? codePointLength(input) : units;
    if (length <= def.maximum)
      return;
    const origin = getLengthableOrigin(input);
    payload.issues.push({
      origin,
      code: "too_big",
      maximum: def.maximum,
      inclusive: true,
      input,
      inst,
      continue: !def.abort
    });
  };
});
var $ZodCheckMinLength = /* @__PURE__ */ $constructor("$ZodCheckMinLength", (inst, def) => {
  var _a3;
  $ZodCheck.init(inst, def);
  (_a3 = inst._zod.def).when ?? (_a3.when = _whenHasLength);
  inst._zod.check = (payload) => {
    const input = payload.value;
    const units = input.length;
    const length = typeof input === "string" && units >= def.minimum && units < def.minimum * 2 ? codePointLength(input) : units;
    if (length >= def.minimum)
      return;
    const origin = getLengthableOrigin(input);
    payload.issues.push({
      origin,
      code: "too_small",
      minimum: def.minimum,
      inclusive: true,
      input,
      inst,
      continue: !def.abort
    });
  };
});
var $ZodCheckStringFormat = /* @__PURE__ */ $constructor("$ZodCheckStringFormat", (inst, def) => {
  var _a3, _b;
  $ZodCheck.init(inst, def);
  if (def.pattern)
    (_a3 = inst._zod).check ?? (_a3.check = (payload) => {
      def.pattern.lastIndex = 0;
      if (def.pattern.test(payload.value))
        return;
      payload.issues.push({
        origin: "string",
        code: "invalid_format",
        format: def.format,
        input: payload.value,
        ...def.pattern ? { pattern: def.pattern.toString() } : {},
        inst,
        continue: !def.abort
      });
    });
  else
    (_b = inst._zod).check ?? (_b.check = () => {
    });
});
var $ZodCheckRegex = /* @__PURE__ */ $constructor("$ZodCheckRegex", (inst, def) => {
  $ZodCheckStringFormat.init(inst, def);
  inst._zod.check = (payload) => {
    def.pattern.lastIndex = 0;
    if (def.pattern.test(payload.value))
      return;
    payload.issues.push({
      origin: "string",
      code: "invalid_format",
      format: "regex",
      input: payload.value,
      pattern: def.pattern.toString(),
      inst,
      continue: !def.abort
    });
  };
});

// node_modules/zod/v4/core/versions.js
var version = {
  major: 4,
  minor: 6,
  patch: 7
};

// node_modules/zod/v4/core/schemas.js
var $ZodType = /* @__PURE__ */ $constructor("$ZodType", (inst, def) => {
  var _a3;
  inst ?? (inst = {});
  inst._zod.def = def;
  inst._zod.bag = inst._zod.bag || {};
  inst._zod.version = version;
  const defChecks = inst._zod.def.checks;
  const checks = inst._zod.traits.has("$ZodCheck") ? [inst, ...defChecks ?? []] : defChecks?.length ? [...defChecks] : [];
  for (const ch of checks) {
    for (const fn of ch._zod.onattach) {
      fn(inst);
    }
  }
  if (checks.length === 0) {
    (_a3 = inst._zod).deferred ?? (_a3.deferred = []);
    inst._zod.deferred?.push(() => {
      inst._zod.run = inst._zod.parse;
    });
  } else {
    const runChecks = (payload, checks2, ctx) => {
      if (payload.memo)
        return payload;
      let isAborted = aborted(payload);
      let asyncResult;
      for (const ch of checks2) {
        if (ch._zod.def.when) {
          if (explicitlyAborted(payload))
            continue;
          const shouldRun = ch._zod.def.when(payload);
          if (!shouldRun)
            continue;
        } else if (isAborted) {
          continue;
        }
        const currLen = payload.issues.length;
        const _ = ch._zod.check(payload);
        if (_ instanceof Promise && ctx?.async === false) {
          throw new $ZodAsyncError();
        }
        if (asyncResult || _ instanceof Promise) {
          asyncResult = (asyncResult ?? Promise.resolve()).then(async () => {
            await _;
            const nextLen = payload.issues.length;
            if (nextLen === currLen)
              return;
            attachSchema(payload.issues, currLen, inst);
            if (!isAborted)
              isAborted = aborted(payload, currLen);
          });
        } else {
          const nextLen = payload.issues.length;
          if (nextLen === currLen)
            continue;
          attachSchema(payload.issues, currLen, inst);
          if (!isAborted)
            isAborted = aborted(payload, currLen);
        }
      }
      if (asyncResult) {
        return asyncResult.then(() => {
          return payload;
        });
      }
      return payload;
    };
    const handleCanaryResult = (canary, payload, ctx) => {
      if (aborted(canary)) {
        canary.aborted = true;
        return canary;
      }
      const checkResult = runChecks(payload, checks, ctx);
      if (checkResult instanceof Promise) {
        if (ctx.async === false)
          throw new $ZodAsyncError();
        return checkResult.then((checkResult2) => inst._zod.parse(checkResult2, ctx));
      }
      return inst._zod.parse(checkResult, ctx);
    };
    inst._zod.run = (payload, ctx) => {
      if (ctx.skipChecks) {
        return inst._zod.parse(payload, ctx);
      }
      if (ctx.direction === "backward") {
        const canary = inst._zod.parse({ value: payload.value, issues: [] }, { ...ctx, skipChecks: true });
        if (canary instanceof Promise) {
          return canary.then((canary2) => {
            return handleCanaryResult(canary2, payload, ctx);
          });
        }
        return handleCanaryResult(canary, payload, ctx);
      }
      const result = inst._zod.parse(payload, ctx);
      if (result instanceof Promise) {
        if (ctx.async === false)
          throw new $ZodAsyncError();
        return result.then((result2) => runChecks(result2, checks, ctx));
      }
      return runChecks(result, checks, ctx);
    };
  }
}, {
  // Wrappers extend this by installing a richer factory over it; reading it eagerly would defeat the laziness.
  get "~standard"() {
    return hide(this, "~standard", standardProps(this));
  },
  set "~standard"(value) {
    own(this, "~standard", value);
  }
});
var toStandardResult = (r, ctx) => r.issues.length ? { issues: r.issues.map((iss) => finalizeIssue(iss, ctx, config())) } : { value: r.value };
async function validateAsync(inst, value) {
  const ctx = { async: true };
  return toStandardResult(await inst._zod.run({ value, issues: [] }, ctx), ctx);
}
function standardProps(inst) {
  return {
    validate: (value) => {
      const ctx = { async: false };
      try {
        const r = inst._zod.run({ value, issues: [] }, ctx);
        if (!(r instanceof Promise))
          return toStandardResult(r, ctx);
      } catch (_) {
      }
      return validateAsync(inst, value);
    },
    vendor: "zod",
    version: 1
  };
}
var $ZodString = /* @__PURE__ */ $constructor("$ZodString", (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.pattern = def.pattern ?? anyString;
  inst._zod.parse = (payload, _) => {
    if (def.coerce)
      try {
        payload.value = String(payload.value);
      } catch (_2) {
      }
    if (typeof payload.value === "string")
      return payload;
    payload.issues.push({
      expected: "string",
      code: "invalid_type",
      input: payload.value,
      inst
    });
    return payload;
  };
});
var $ZodStringFormat = /* @__PURE__ */ $constructor("$ZodStringFormat", (inst, def) => {
  $ZodCheckStringFormat.init(inst, def);
  $ZodString.init(inst, def);
});
var URL_BAD_FORMAT = 1;
var URL_UNPARSEABLE = 2;
function canParseURL(input) {
  try {
    if (typeof URL !== "undefined" && typeof URL.canParse === "function")
      return URL.canParse(input);
    new URL(input);
    return true;
  } catch {
    return false;
  }
}
function validateURL(trimmed, def) {
  if (!("normalize" in def) && !("hostname" in def) && !("protocol" in def)) {
    return canParseURL(trimmed) || URL_UNPARSEABLE;
  }
  return parseURLObject(trimmed, def);
}
function parseURLObject(trimmed, def) {
  if (!def.normalize && def.protocol?.source === httpProtocol.source && !/^https?:\/\//i.test(trimmed)) {
    return URL_BAD_FORMAT;
  }
  try {
    if (typeof URL !== "undefined") {
      const URLStatic = URL;
      if (typeof URLStatic.parse === "function")
        return URLStatic.parse(trimmed) ?? URL_UNPARSEABLE;
    }
    return new URL(trimmed);
  } catch {
    return URL_UNPARSEABLE;
  }
}
var asciiTabOrNewline = /[\t\n\r]/g;
function stripTabAndNewline(value) {
  return value.replace(asciiTabOrNewline, "");
}
function urlHostnameOk(url2, hostname) {
  hostname.lastIndex = 0;
  return hostname.test(url2.hostname);
}
function urlProtocolOk(url2, protocol) {
  protocol.lastIndex = 0;
  return protocol.test(url2.protocol.endsWith(":") ? url2.protocol.slice(0, -1) : url2.protocol);
}
var $ZodURL = /* @__PURE__ */ $constructor("$ZodURL", (inst, def) => {
  $ZodStringFormat.init(inst, def);
  inst._zod.check = (payload) => {
    try {
      const trimmed = payload.value.trim();
      const url2 = validateURL(trimmed, def);
      if (url2 === URL_BAD_FORMAT) {
        payload.issues.push({
          code: "invalid_format",
          format: "url",
          note: "Invalid URL format",
          input: payload.value,
          inst,
          continue: !def.abort
        });
        return;
      }
      if (url2 === URL_UNPARSEABLE) {
        payload.issues.push({
          code: "invalid_format",
          format: "url",
          input: payload.value,
          inst,
          continue: !def.abort
        });
        return;
      }
      if (url2 === true) {
        payload.value = stripTabAndNewline(trimmed);
        return;
      }
      if (def.hostname && !urlHostnameOk(url2, def.hostname)) {
        payload.issues.push({
          code: "invalid_format",
          format: "url",
          note: "Invalid hostname",
          pattern: def.hostname.source,
          input: payload.value,
          inst,
          continue: !def.abort
        });
      }
      if (def.protocol && !urlProtocolOk(url2, def.protocol)) {
        payload.issues.push({
          code: "invalid_format",
          format: "url",
          note: "Invalid protocol",
          pattern: def.protocol.source,
          input: payload.value,
          inst,
          continue: !def.abort
        });
      }
      payload.value = def.normalize ? url2.href : stripTabAndNewline(trimmed);
      return;
    } catch (_) {
      payload.issues.push({
        code: "invalid_format",
        format: "url",
        input: payload.value,
        inst,
        continue: !def.abort
      });
    }
  };
});
var $ZodNumber = /* @__PURE__ */ $constructor("$ZodNumber", (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.pattern = number;
  inst._zod.parse = (payload, _ctx) => {
    if (def.coerce)
      try {
        payload.value = Number(payload.value);
      } catch (_) {
      }
    const input = payload.value;
    if (typeof input === "number" && !Number.isNaN(input) && Number.isFinite(input)) {
      return payload;
    }
    const received = typeof input === "number" ? Number.isNaN(input) ? "NaN" : !Number.isFinite(input) ? String(input) : void 0 : void 0;
    payload.issues.push({
      expected: "number",
      code: "invalid_type",
      input,
      inst,
      ...received ? { received } : {}
    });
    return payload;
  };
});
var $ZodNumberFormat = /* @__PURE__ */ $constructor("$ZodNumberFormat", (inst, def) => {
  $ZodCheckNumberFormat.init(inst, def);
  $ZodNumber.init(inst, def);
});
var $ZodBoolean = /* @__PURE__ */ $constructor("$ZodBoolean", (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.pattern = boolean;
  inst._zod.parse = (payload, _ctx) => {
    if (def.coerce)
      try {
        payload.value = Boolean(payload.value);
      } catch (_) {
      }
    const input = payload.value;
    if (typeof input === "boolean")
      return payload;
    payload.issues.push({
      expected: "boolean",
      code: "invalid_type",
      input,
      inst
    });
    return payload;
  };
});
var $ZodUnknown = /* @__PURE__ */ $constructor("$ZodUnknown", (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.parse = (payload) => payload;
});
var $ZodNever = /* @__PURE__ */ $constructor("$ZodNever", (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.parse = (payload, _ctx) => {
    payload.issues.push({
      expected: "never",
      code: "invalid_type",
      input: payload.value,
      inst
    });
    return payload;
  };
});
function capSize(inst, size) {
  const caps = sizeCaps(inst._zod.def.checks);
  if (!caps.length)
    return;
  const cap = Math.min(...caps.map((c) => c[0]));
  const parse2 = inst._zod.parse;
  inst._zod.parse = (payload, ctx) => {
    const n = size(payload.value);
    if (n > cap && !ctx?.skipChecks && ctx?.direction !== "backward") {
      for (const [max, ch] of sizeCaps(inst._zod.def.checks)) {
        if (n > max && ch._zod.def.when(payload)) {
          const start = payload.issues.length;
          ch._zod.check(payload);
          payload.issues[start].continue = false;
          attachSchema(payload.issues, start, inst);
          return payload;
        }
      }
    }
    return parse2(payload, ctx);
  };
}
var arraySize = (input) => Array.isArray(input) ? input.length : -1;
function handleArrayResult(result, final, index) {
  if (result.issues.length) {
    final.issues.push(...prefixIssues(index, result.issues));
  }
  final.value[index] = result.value;
}
var $ZodArray = /* @__PURE__ */ $constructor("$ZodArray", (inst, def) => {
  $ZodType.init(inst, def);
  const memo = globalConfig.memoizer;
  memo?.attach(inst);
  inst._zod.parse = (payload, ctx) => {
    const input = payload.value;
    if (!Array.isArray(input)) {
      payload.issues.push({
        expected: "array",
        code: "invalid_type",
        input,
        inst
      });
      return payload;
    }
    payload.value = memo ? memo.alloc(inst, payload, Array(input.length), ctx) : Array(input.length);
    const proms = [];
    const abortEarly = ctx?.abortEarly;
    for (let i = 0; i < input.length; i++) {
      const item = input[i];
      const result = def.element._zod.run({
        value: item,
        issues: []
      }, ctx);
      if (result instanceof Promise) {
        proms.push(result.then((result2) => handleArrayResult(result2, payload, i)));
      } else {
        handleArrayResult(result, payload, i);
        if (abortEarly && result.issues.length !== 0 && aborted(result))
          break;
      }
    }
    if (proms.length) {
      return Promise.all(proms).then(() => payload);
    }
    return payload;
  };
  capSize(inst, arraySize);
});
function handlePropertyResult(result, final, key, input, optin, optout) {
  const isPresent = key in input;
  const isOptionalOut = optout === "optional";
  if (!isPresent && isOptionalOut && optin === "optional") {
    return;
  }
  if (result.issues.length) {
    if (optin !== void 0 && isOptionalOut && !isPresent) {
      return;
    }
    final.issues.push(...prefixIssues(key, result.issues));
  }
  if (!isPresent && optin === void 0) {
    if (!result.issues.length) {
      final.issues.push({
        code: "invalid_type",
        expected: "nonoptional",
        input: void 0,
        path: [key]
      });
    }
    return;
  }
  if (result.value === void 0) {
    if (isPresent || optin === "defaulted" && !isOptionalOut) {
      final.value[key] = void 0;
    }
  } else {
    final.value[key] = result.value;
  }
}
var NO_SYMBOL_KEYS = [];
function normalizeDef(def) {
  const keys = Object.keys(def.shape);
  const ownSymbols = Object.getOwnPropertySymbols(def.shape);
  const symbolKeys = ownSymbols.length ? ownSymbols : NO_SYMBOL_KEYS;
  const allKeys = symbolKeys.length ? [...keys, ...symbolKeys] : keys;
  for (const k of allKeys) {
    if (!def.shape?.[k]?._zod?.traits?.has("$ZodType")) {
      throw new Error(`Invalid element at key "${String(k)}": expected a Zod schema`);
    }
  }
  const okeys = optionalKeys(def.shape);
  return {
    ...def,
    allKeys,
    symbolKeys,
    // string-only: handleCatchall matches it against `for...in`, which never yields a symbol
    keySet: new Set(keys),
    numKeys: keys.length,
    optionalKeys: new Set(okeys)
  };
}
function handleCatchall(proms, input, payload, ctx, def, inst, abortEarly) {
  const unrecognized = [];
  const keySet = def.keySet;
  const _catchall = def.catchall._zod;
  const t = _catchall.def.type;
  const optin = _catchall.optin;
  const optout = _catchall.optout;
  let seen = 0;
  for (const key in input) {
    if (abortEarly && payload.issues.length !== seen) {
      if (aborted(payload, seen))
        break;
      seen = payload.issues.length;
    }
    if (keySet.has(key))
      continue;
    if (key === "__proto__") {
      if (t === "never")
        unrecognized.push(key);
      continue;
    }
    if (t === "never") {
      unrecognized.push(key);
      continue;
    }
    const r = _catchall.run({ value: input[key], issues: [] }, ctx);
    if (r instanceof Promise) {
      proms.push(r.then((r2) => handlePropertyResult(r2, payload, key, input, optin, optout)));
    } else {
      handlePropertyResult(r, payload, key, input, optin, optout);
    }
  }
  if (unrecognized.length) {
    payload.issues.push({
      code: "unrecognized_keys",
      keys: unrecognized,
      input,
      inst,
      // Describes the shape of the input, not the validity of the parsed value, so it never aborts. The parse still fails; the schema's own checks just get to run first, and an enclosing intersection can reconcile the key against a sibling operand.
      continue: true
    });
  }
  if (!proms.length)
    return payload;
  return Promise.all(proms).then(() => {
    return payload;
  });
}
var $ZodObject = /* @__PURE__ */ $constructor("$ZodObject", (inst, def) => {
  $ZodType.init(inst, def);
  const desc = Object.getOwnPropertyDescriptor(def, "shape");
  const sh = desc?.get ? desc.get.raw : def.shape ?? {};
  if (sh) {
    const get = () => {
      const newSh = { ...sh };
      Object.defineProperty(def, "shape", { value: newSh });
      get.raw = newSh;
      return newSh;
    };
    get.raw = sh;
    Object.defineProperty(def, "shape", { get });
  }
  const _normalized = cached(() => normalizeDef(def));
  defineLazyInternal(inst, "propValues", (zod) => {
    const shape = zod.def.shape;
    const propValues = {};
    for (const key in shape) {
      const field = shape[key]._zod;
      if (field.values) {
        if (!Object.prototype.hasOwnProperty.call(propValues, key)) {
          assignProp(propValues, key, /* @__PURE__ */ new Set());
        }
        for (const v of field.values)
          propValues[key].add(v);
        if (field.optin !== void 0)
          propValues[key].add(void 0);
      }
    }
    return propValues;
  });
  const isObject2 = isObject$1;
  const catchall = def.catchall;
  let value;
  const memo = globalConfig.memoizer;
  memo?.attach(inst);
  inst._zod.parse = (payload, ctx) => {
    value ?? (value = _normalized.value);
    const input = payload.value;
    if (!isObject2(input)) {
      payload.issues.push({
        expected: "object",
        code: "invalid_type",
        input,
        inst
      });
      return payload;
    }
    payload.value = memo ? memo.alloc(inst, payload, {}, ctx) : {};
    const proms = [];
    const shape = value.shape;
    const abortEarly = ctx?.abortEarly;
    let seen = payload.issues.length;
    for (const key of value.allKeys) {
      if (abortEarly && payload.issues.length !== seen) {
        if (aborted(payload, seen))
          break;
        seen = payload.issues.length;
      }
      if (key === "__proto__")
        continue;
      const el = shape[key];
      const optin = el._zod.optin;
      const optout = el._zod.optout;
      const r = el._zod.run({ value: input[key], issues: [] }, ctx);
      if (r instanceof Promise) {
        proms.push(r.then((r2) => handlePropertyResult(r2, payload, key, input, optin, optout)));
      } else {
        handlePropertyResult(r, payload, key, input, optin, optout);
      }
    }
    if (!catchall) {
      return proms.length ? Promise.all(proms).then(() => payload) : payload;
    }
    return handleCatchall(proms, input, payload, ctx, _normalized.value, inst, abortEarly === true);
  };
});
function handleUnionResults(results, final, inst, ctx) {
  for (const result of results) {
    if (result.issues.length === 0) {
      final.value = result.value;
      return final;
    }
  }
  const nonaborted = results.filter((r) => !aborted(r));
  if (nonaborted.length === 1) {
    final.value = nonaborted[0].value;
    return nonaborted[0];
  }
  final.issues.push({
    code: "invalid_union",
    input: final.value,
    inst,
    errors: results.map((result) => result.issues.map((iss) => finalizeIssue(iss, ctx, config())))
  });
  return final;
}
var $ZodUnion = /* @__PURE__ */ $constructor("$ZodUnion", (inst, def) => {
  $ZodType.init(inst, def);
  defineLazyInternal(inst, "optin", (zod) => zod.def.options.some((o) => o._zod.optin === "defaulted") ? "defaulted" : zod.def.options.some((o) => o._zod.optin !== void 0) ? "optional" : void 0);
  defineLazyInternal(inst, "optout", (zod) => zod.def.options.some((o) => o._zod.optout === "optional") ? "optional" : void 0);
  defineLazyInternal(inst, "values", (zod) => {
    if (zod.def.options.every((o) => o._zod.values)) {
      return new Set(zod.def.options.flatMap((option) => Array.from(option._zod.values)));
    }
    return void 0;
  });
  defineLazyInternal(inst, "pattern", (zod) => {
    if (zod.def.options.every((o) => o._zod.pattern)) {
      const patterns = zod.def.options.map((o) => o._zod.pattern);
      return new RegExp(`^(${patterns.map((p) => cleanRegex(p.source)).join("|")})$`);
    }
    return void 0;
  });
  const first = def.options.length === 1 ? def.options[0]._zod.run : null;
  inst._zod.parse = (payload, ctx) => {
    if (first) {
      return first(payload, ctx);
    }
    let async = false;
    const results = [];
    for (const option of def.options) {
      const result = option._zod.run({
        value: payload.value,
        issues: []
      }, ctx);
      if (result instanceof Promise) {
        results.push(result);
        async = true;
      } else {
        if (result.issues.length === 0)
          return result;
        results.push(result);
      }
    }
    if (!async)
      return handleUnionResults(results, payload, inst, ctx);
    return Promise.all(results).then((results2) => {
      return handleUnionResults(results2, payload, inst, ctx);
    });
  };
});
var $ZodTuple = /* @__PURE__ */ $constructor("$ZodTuple", (inst, def) => {
  $ZodType.init(inst, def);
  const items = def.items;
  const memo = globalConfig.memoizer;
  memo?.attach(inst);
  inst._zod.parse = (payload, ctx) => {
    const input = payload.value;
    if (!Array.isArray(input)) {
      payload.issues.push({
        input,
        inst,
        expected: "tuple",
        code: "invalid_type"
      });
      return payload;
    }
    payload.value = memo ? memo.alloc(inst, payload, [], ctx) : [];
    const proms = [];
    const optinStart = getTupleOptStart(items, "optin");
    const optoutStart = getTupleOptStart(items, "optout");
    if (!def.rest) {
      if (input.length < optinStart) {
        payload.issues.push({
          code: "too_small",
          minimum: optinStart,
          inclusive: true,
          input,
          inst,
          origin: "array"
        });
        return payload;
      }
      if (input.length > items.length) {
        payload.issues.push({
          code: "too_big",
          maximum: items.length,
          inclusive: true,
          input,
          inst,
          origin: "array"
        });
      }
    }
    const itemResults = new Array(items.length);
    const abortEarly = def.rest ? ctx?.abortEarly : void 0;
    let itemAborted = false;
    for (let i = 0; i < items.length; i++) {
      const r = items[i]._zod.run({ value: input[i], issues: [] }, ctx);
      if (r instanceof Promise) {
        proms.push(r.then((rr) => {
          itemResults[i] = rr;
        }));
      } else {
        itemResults[i] = r;
        if (abortEarly && !itemAborted && r.issues.length)
          itemAborted = aborted(r);
      }
    }
    if (def.rest && !itemAborted) {
      let i = items.length - 1;
      const rest = input.slice(items.length);
      let seen = payload.issues.length;
      for (const el of rest) {
        if (abortEarly && payload.issues.length !== seen) {
          if (aborted(payload, seen))
            break;
          seen = payload.issues.length;
        }
        i++;
        const result = def.rest._zod.run({ value: el, issues: [] }, ctx);
        if (result instanceof Promise) {
          proms.push(result.then((r) => handleTupleResult(r, payload, i)));
        } else {
          handleTupleResult(result, payload, i);
        }
      }
    }
    if (proms.length) {
      return Promise.all(proms).then(() => handleTupleResults(itemResults, payload, items, input, optoutStart));
    }
    return handleTupleResults(itemResults, payload, items, input, optoutStart);
  };
});
function getTupleOptStart(items, key) {
  for (let i = items.length - 1; i >= 0; i--) {
    const omittable = key === "optin" ? items[i]._zod.optin !== void 0 : items[i]._zod.optout === "optional";
    if (!omittable)
      return i + 1;
  }
  return 0;
}
function handleTupleResult(result, final, index) {
  if (result.issues.length) {
    final.issues.push(...prefixIssues(index, result.issues));
  }
  final.value[index] = result.value;
}
function handleTupleResults(itemResults, final, items, input, optoutStart) {
  for (let i = 0; i < items.length; i++) {
    const r = itemResults[i];
    const isPresent = i < input.length;
    if (!isPresent && i >= optoutStart && items[i]._zod.optin === "optional") {
      final.value.length = i;
      break;
    }
    if (r.issues.length) {
      if (!isPresent && i >= optoutStart) {
        final.value.length = i;
        break;
      }
      final.issues.push(...prefixIssues(i, r.issues));
    }
    final.value[i] = r.value;
  }
  for (let i = final.value.length - 1; i >= input.length; i--) {
    if (items[i]._zod.optout === "optional" && final.value[i] === void 0) {
      final.value.length = i;
    } else {
      break;
    }
  }
  return final;
}
var $ZodRecord = /* @__PURE__ */ $constructor("$ZodRecord", (inst, def) => {
  $ZodType.init(inst, def);
  const memo = globalConfig.memoizer;
  memo?.attach(inst);
  inst._zod.parse = (payload, ctx) => {
    const input = payload.value;
    if (!isPlainObject(input)) {
      payload.issues.push({
        expected: "record",
        code: "invalid_type",
        input,
        inst
      });
      return payload;
    }
    const proms = [];
    const values = def.keyType._zod.values;
    if (values && !def.partial) {
      payload.value = memo ? memo.alloc(inst, payload, {}, ctx) : {};
      const recordKeys = /* @__PURE__ */ new Set();
      for (const key of values) {
        if (typeof key === "string" || typeof key === "number" || typeof key === "symbol") {
          recordKeys.add(typeof key === "number" ? key.toString() : key);
          if (key === "__proto__")
            continue;
          const keyResult = def.keyType._zod.run({ value: key, issues: [] }, ctx);
          if (keyResult instanceof Promise) {
            throw new Error("Async schemas not supported in object keys currently");
          }
          if (keyResult.issues.length) {
            payload.issues.push({
              code: "invalid_key",
              origin: "record",
              issues: keyResult.issues.map((iss) => finalizeIssue(iss, ctx, config())),
              input: key,
              path: [key],
              inst
            });
            continue;
          }
          const outKey = keyResult.value;
          if (outKey === "__proto__")
            continue;
          const result = def.valueType._zod.run({ value: input[key], issues: [] }, ctx);
          if (result instanceof Promise) {
            proms.push(result.then((result2) => {
              if (result2.issues.length) {
                payload.issues.push(...prefixIssues(key, result2.issues));
              }
              payload.value[outKey] = result2.value;
            }));
          } else {
            if (result.issues.length) {
              payload.issues.push(...prefixIssues(key, result.issues));
            }
            payload.value[outKey] = result.value;
          }
        }
      }
      let unrecognized;
      for (const key in input) {
        if (!recordKeys.has(key)) {
          if (def.mode === "loose") {
            if (key === "__proto__")
              continue;
            payload.value[key] = input[key];
          } else {
            unrecognized = unrecognized ?? [];
            unrecognized.push(key);
          }
        }
      }
      if (unrecognized && unrecognized.length > 0) {
        payload.issues.push({
          code: "unrecognized_keys",
          input,
          inst,
          keys: unrecognized,
          continue: true
        });
      }
    } else {
      payload.value = memo ? memo.alloc(inst, payload, {}, ctx) : {};
      let unrecognized;
      for (const key of Reflect.ownKeys(input)) {
        if (key === "__proto__")
          continue;
        if (!Object.prototype.propertyIsEnumerable.call(input, key))
          continue;
        let keyResult = def.keyType._zod.run({ value: key, issues: [] }, ctx);
        if (keyResult instanceof Promise) {
          throw new Error("Async schemas not supported in object keys currently");
        }
        const checkNumericKey = typeof key === "string" && number.test(key) && keyResult.issues.length;
        if (checkNumericKey) {
          const retryResult = def.keyType._zod.run({ value: Number(key), issues: [] }, ctx);
          if (retryResult instanceof Promise) {
            throw new Error("Async schemas not supported in object keys currently");
          }
          if (retryResult.issues.length === 0) {
            keyResult = retryResult;
          }
        }
        if (keyResult.issues.length) {
          if (def.mode === "loose") {
            payload.value[key] = input[key];
          } else if (values) {
            unrecognized = unrecognized ?? [];
            unrecognized.push(key);
          } else {
            payload.issues.push({
              code: "invalid_key",
              origin: "record",
              issues: keyResult.issues.map((iss) => finalizeIssue(iss, ctx, config())),
              input: key,
              path: [key],
              inst
            });
          }
          continue;
        }
        const outKey = keyResult.value;
        if (outKey === "__proto__")
          continue;
        const result = def.valueType._zod.run({ value: input[key], issues: [] }, ctx);
        if (result instanceof Promise) {
          proms.push(result.then((result2) => {
            if (result2.issues.length) {
              payload.issues.push(...prefixIssues(key, result2.issues));
            }
            payload.value[outKey] = result2.value;
          }));
        } else {
          if (result.issues.length) {
            payload.issues.push(...prefixIssues(key, result.issues));
          }
          payload.value[outKey] = result.value;
        }
      }
      if (unrecognized && unrecognized.length > 0) {
        payload.issues.push({
          code: "unrecognized_keys",
          input,
          inst,
          keys: unrecognized,
          continue: true
        });
      }
    }
    if (proms.length) {
      return Promise.all(proms).then(() => payload);
    }
    return payload;
  };
});
var $ZodEnum = /* @__PURE__ */ $constructor("$ZodEnum", (inst, def) => {
  $ZodType.init(inst, def);
  const values = getEnumValues(def.entries);
  const valuesSet = new Set(values);
  inst._zod.values = valuesSet;
  defineLazyInternal(inst, "pattern", (zod) => {
    const patternValues = getEnumValues(zod.def.entries).filter((k) => propertyKeyTypes.has(typeof k));
    return new RegExp(patternValues.length ? `^(${patternValues.map((o) => escapeRegex(o.toString())).join("|")})$` : "^[^\\s\\S]$");
  });
  inst._zod.parse = (payload, _ctx) => {
    const input = payload.value;
    if (valuesSet.has(input)) {
      return payload;
    }
    payload.issues.push({
      code: "invalid_value",
      values,
      input,
      inst
    });
    return payload;
  };
});
var $ZodLiteral = /* @__PURE__ */ $constructor("$ZodLiteral", (inst, def) => {
  $ZodType.init(inst, def);
  const values = new Set(def.values);
  inst._zod.values = values;
  defineLazyInternal(inst, "pattern", (zod) => {
    const vals = zod.def.values;
    return new RegExp(vals.length ? `^(${vals.map((o) => typeof o === "string" ? escapeRegex(o) : o ? escapeRegex(o.toString()) : String(o)).join("|")})$` : "^[^\\s\\S]$");
  });
  inst._zod.parse = (payload, _ctx) => {
    const input = payload.value;
    if (values.has(input)) {
      return payload;
    }
    payload.issues.push({
      code: "invalid_value",
      values: def.values,
      input,
      inst
    });
    return payload;
  };
});
var $ZodTransform = /* @__PURE__ */ $constructor("$ZodTransform", (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.optin = "optional";
  globalConfig.memoizer?.guard(inst);
  inst._zod.parse = (payload, ctx) => {
    if (ctx.direction === "backward") {
      throw new $ZodEncodeError(inst.constructor.name);
    }
    const _out = def.transform(payload.value, payload);
    if (ctx.async) {
      const output = _out instanceof Promise ? _out : Promise.resolve(_out);
      return output.then((output2) => {
        payload.value = output2;
        return payload;
      });
    }
    if (_out instanceof Promise) {
      throw new $ZodAsyncError();
    }
    payload.value = _out;
    return payload;
  };
});
function handleOptionalResult(payload, result) {
  payload.value = result.issues.length ? void 0 : result.value;
  return payload;
}
var $ZodOptional = /* @__PURE__ */ $constructor("$ZodOptional", (inst, def) => {
  $ZodType.init(inst, def);
  defineLazyInternal(inst, "optin", (zod) => zod.def.innerType._zod.optin === "defaulted" ? "defaulted" : "optional");
  inst._zod.optout = "optional";
  defineLazyInternal(inst, "values", (zod) => {
    const values = zod.def.innerType._zod.values;
    return values ? /* @__PURE__ */ new Set([...values, void 0]) : void 0;
  });
  defineLazyInternal(inst, "pattern", (zod) => {
    const pattern = zod.def.innerType._zod.pattern;
    return pattern ? new RegExp(`^(${cleanRegex(pattern.source)})?$`) : void 0;
  });
  inst._zod.parse = (payload, ctx) => {
    if (payload.value === void 0) {
      if (def.innerType._zod.optin !== "defaulted")
        return payload;
      const result = def.innerType._zod.run({ value: payload.value, issues: [] }, ctx);
      if (result instanceof Promise)
        return result.then((result2) => handleOptionalResult(payload, result2));
      return handleOptionalResult(payload, result);
    }
    return def.innerType._zod.run(payload, ctx);
  };
});
var $ZodNullable = /* @__PURE__ */ $constructor("$ZodNullable", (inst, def) => {
  $ZodType.init(inst, def);
  defineLazyInternal(inst, "optin", (zod) => zod.def.innerType._zod.optin);
  defineLazyInternal(inst, "optout", (zod) => zod.def.innerType._zod.optout);
  defineLazyInternal(inst, "pattern", (zod) => {
    const pattern = zod.def.innerType._zod.pattern;
    return pattern ? new RegExp(`^(${cleanRegex(pattern.source)}|null)$`) : void 0;
  });
  defineLazyInternal(inst, "values", (zod) => {
    return zod.def.innerType._zod.values ? /* @__PURE__ */ new Set([...zod.def.innerType._zod.values, null]) : void 0;
  });
  inst._zod.parse = (payload, ctx) => {
    if (payload.value === null)
      return payload;
    return def.innerType._zod.run(payload, ctx);
  };
});
var $ZodDefault = /* @__PURE__ */ $constructor("$ZodDefault", (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.optin = "defaulted";
  defineLazyInternal(inst, "values", (zod) => zod.def.innerType._zod.values);
  inst._zod.parse = (payload, ctx) => {
    if (ctx.direction === "backward") {
      return def.innerType._zod.run(payload, ctx);
    }
    if (payload.value === void 0) {
      payload.value = def.defaultValue;
      return payload;
    }
    const result = def.innerType._zod.run(payload, ctx);
    if (result instanceof Promise) {
      return result.then((result2) => handleDefaultResult(result2, def));
    }
    return handleDefaultResult(result, def);
  };
});
function handleDefaultResult(payload, def) {
  if (payload.value === void 0) {
    payload.value = def.defaultValue;
  }
  return payload;
}
var $ZodPipe = /* @__PURE__ */ $constructor("$ZodPipe", (inst, def) => {
  $ZodType.init(inst, def);
  defineLazyInternal(inst, "values", (zod) => zod.def.in._zod.values);
  defineLazyInternal(inst, "optin", (zod) => zod.def.in._zod.optin);
  defineLazyInternal(inst, "optout", (zod) => zod.def.out._zod.optout);
  defineLazyInternal(inst, "propValues", (zod) => zod.def.in._zod.propValues);
  inst._zod.parse = (payload, ctx) => {
    if (ctx.direction === "backward") {
      const right = def.out._zod.run(payload, ctx);
      if (right instanceof Promise) {
        return right.then((right2) => handlePipeResult(right2, def.in, ctx));
      }
      return handlePipeResult(right, def.in, ctx);
    }
    const left = def.in._zod.run(payload, ctx);
    if (left instanceof Promise) {
      return left.then((left2) => handlePipeResult(left2, def.out, ctx));
    }
    return handlePipeResult(left, def.out, ctx);
  };
});
function handlePipeResult(left, next, ctx) {
  if (left.issues.some((iss) => iss.code !== "unrecognized_keys")) {
    left.aborted = true;
    return left;
  }
  return next._zod.run({ value: left.value, issues: left.issues }, ctx);
}
var $ZodCustom = /* @__PURE__ */ $constructor("$ZodCustom", (inst, def) => {
  $ZodCheck.init(inst, def);
  $ZodType.init(inst, def);
  inst._zod.parse = (payload, _) => {
    return payload;
  };
  inst._zod.check = (payload) => {
    const input = payload.value;
    const r = def.fn(input);
    if (r instanceof Promise) {
      return r.then((r2) => handleRefineResult(r2, payload, input, inst));
    }
    handleRefineResult(r, payload, input, inst);
    return;
  };
});
function handleRefineResult(result, payload, input, inst) {
  if (!result) {
    const _iss = {
      code: "custom",
      input,
      inst,
      // incorporates params.error into issue reporting
      path: [...inst._zod.def.path ?? []],
      // incorporates params.error into issue reporting
      continue: !inst._zod.def.abort
      // params: inst._zod.def.params,
    };
    if (inst._zod.def.params)
      _iss.params = inst._zod.def.params;
    payload.issues.push(issue(_iss));
  }
}

// node_modules/zod/v4/core/registries.js
var _a2;
var $ZodRegistry = class {
  constructor() {
    this._map = /* @__PURE__ */ new WeakMap();
    this._idmap = /* @__PURE__ */ new Map();
  }
  add(schema, ..._meta) {
    const meta2 = _meta[0];
    this._map.set(schema, meta2);
    if (meta2 && typeof meta2 === "object" && "id" in meta2) {
      this._idmap.set(meta2.id, schema);
    }
    return this;
  }
  clear() {
    this._map = /* @__PURE__ */ new WeakMap();
    this._idmap = /* @__PURE__ */ new Map();
    return this;
  }
  remove(schema) {
    const meta2 = this._map.get(schema);
    if (meta2 && typeof meta2 === "object" && "id" in meta2) {
      this._idmap.delete(meta2.id);
    }
    this._map.delete(schema);
    return this;
  }
  get(schema) {
    const p = schema._zod.parent;
    if (p) {
      const pm = { ...this.get(p) ?? {} };
      delete pm.id;
      const f = { ...pm, ...this._map.get(schema) };
      return Object.keys(f).length ? f : void 0;
    }
    return this._map.get(schema);
  }
  has(schema) {
    return this._map.has(schema);
  }
};
function registry() {
  return new $ZodRegistry();
}
(_a2 = globalThis).__zod_globalRegistry ?? (_a2.__zod_globalRegistry = registry());
var globalRegistry = globalThis.__zod_globalRegistry;

// node_modules/zod/v4/core/api.js
function snapshotChecks(def) {
  if (def.checks)
    def.checks = [...def.checks];
  return def;
}
// @__NO_SIDE_EFFECTS__
function _string(Class, params) {
  return new Class(snapshotChecks({ type: "string", ...normalizeParams(params) }));
}
// @__NO_SIDE_EFFECTS__
function _url(Class, params) {
  return new Class({
    type: "string",
    format: "url",
    check: "string_format",
    abort: false,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _number(Class, params) {
  return new Class(snapshotChecks({ type: "number", checks: [], ...normalizeParams(params) }));
}
// @__NO_SIDE_EFFECTS__
function _int(Class, params) {
  return new Class({
    type: "number",
    check: "number_format",
    abort: false,
    format: "safeint",
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _boolean(Class, params) {
  return new Class({
    type: "boolean",
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _unknown(Class) {
  return new Class({
    type: "unknown"
  });
}
// @__NO_SIDE_EFFECTS__
function _never(Class, params) {
  return new Class({
    type: "never",
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _lte(value, params) {
  return new $ZodCheckLessThan({
    check: "less_than",
    ...normalizeParams(params),
    value,
    inclusive: true
  });
}
// @__NO_SIDE_EFFECTS__
function _gt(value, params) {
  return new $ZodCheckGreaterThan({
    check: "greater_than",
    ...normalizeParams(params),
    value,
    inclusive: false
  });
}
// @__NO_SIDE_EFFECTS__
function _gte(value, params) {
  return new $ZodCheckGreaterThan({
    check: "greater_than",
    ...normalizeParams(params),
    value,
    inclusive: true
  });
}
// @__NO_SIDE_EFFECTS__
function _positive(params) {
  return /* @__PURE__ */ _gt(0, params);
}
// @__NO_SIDE_EFFECTS__
function _nonnegative(params) {
  return /* @__PURE__ */ _gte(0, params);
}
// @__NO_SIDE_EFFECTS__
function _maxLength(maximum, params) {
  const ch = new $ZodCheckMaxLength({
    check: "max_length",
    ...normalizeParams(params),
    maximum
  });
  return ch;
}
// @__NO_SIDE_EFFECTS__
function _minLength(minimum, params) {
  return new $ZodCheckMinLength({
    check: "min_length",
    ...normalizeParams(params),
    minimum
  });
}
// @__NO_SIDE_EFFECTS__
function _regex(pattern, params) {
  return new $ZodCheckRegex({
    check: "string_format",
    format: "regex",
    ...normalizeParams(params),
    pattern
  });
}
// @__NO_SIDE_EFFECTS__
function _refine(Class, fn, _params) {
  const schema = new Class({
    type: "custom",
    check: "custom",
    fn,
    ...normalizeParams(_params)
  });
  return schema;
}

// node_modules/zod/v4/mini/schemas.js
var ZodMiniType = /* @__PURE__ */ $constructor("ZodMiniType", (inst, def) => {
  if (!inst._zod)
    throw new Error("Uninitialized schema in ZodMiniType.");
  $ZodType.init(inst, def);
  inst.def = def;
  inst.type = def.type;
}, {
  // `with` is an alias for `check`: the same function object, not a wrapper.
  get with() {
    return this.check;
  },
  set with(value) {
    own(this, "with", value);
  },
  parse(data, params) {
    return parse(this, data, params, { callee: this.parse });
  },
  parseAsync(data, params) {
    return parseAsync(this, data, params, { callee: this.parseAsync });
  },
  safeParse(data, params) {
    return safeParse(this, data, params);
  },
  safeParseAsync(data, params) {
    return safeParseAsync(this, data, params);
  },
  check(...checks) {
    const def = this.def;
    return this.clone({
      ...def,
      checks: [
        ...def.checks ?? [],
        ...checks.map((ch) => typeof ch === "function" ? { _zod: { check: ch, def: { check: "custom" }, onattach: [] } } : ch)
      ]
    }, { parent: true });
  },
  clone(_def, params) {
    return clone(this, _def, params);
  },
  brand() {
    return this;
  },
  register(reg, meta2) {
    reg.add(this, meta2);
    return this;
  },
  apply(fn, ...args) {
    return args.length === 0 ? fn(this) : fn(this, ...args);
  }
});
var ZodMiniString = /* @__PURE__ */ $constructor("ZodMiniString", (inst, def) => {
  $ZodString.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function string2(params) {
  return _string(ZodMiniString, params);
}
var ZodMiniStringFormat = /* @__PURE__ */ $constructor("ZodMiniStringFormat", (inst, def) => {
  $ZodStringFormat.init(inst, def);
  ZodMiniString.init(inst, def);
});
var ZodMiniURL = /* @__PURE__ */ $constructor("ZodMiniURL", (inst, def) => {
  $ZodURL.init(inst, def);
  ZodMiniStringFormat.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function url(params) {
  return _url(ZodMiniURL, params);
}
var ZodMiniNumber = /* @__PURE__ */ $constructor("ZodMiniNumber", (inst, def) => {
  $ZodNumber.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function number2(params) {
  return _number(ZodMiniNumber, params);
}
var ZodMiniNumberFormat = /* @__PURE__ */ $constructor("ZodMiniNumberFormat", (inst, def) => {
  $ZodNumberFormat.init(inst, def);
  ZodMiniNumber.init(inst, def);
});
function int(params) {
  return _int(ZodMiniNumberFormat, params);
}
var ZodMiniBoolean = /* @__PURE__ */ $constructor("ZodMiniBoolean", (inst, def) => {
  $ZodBoolean.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function boolean2(params) {
  return _boolean(ZodMiniBoolean, params);
}
var ZodMiniUnknown = /* @__PURE__ */ $constructor("ZodMiniUnknown", (inst, def) => {
  $ZodUnknown.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function unknown() {
  return _unknown(ZodMiniUnknown);
}
var ZodMiniNever = /* @__PURE__ */ $constructor("ZodMiniNever", (inst, def) => {
  $ZodNever.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function never(params) {
  return _never(ZodMiniNever, params);
}
var ZodMiniArray = /* @__PURE__ */ $constructor("ZodMiniArray", (inst, def) => {
  $ZodArray.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function array(element, params) {
  return new ZodMiniArray({
    type: "array",
    element,
    ...normalizeParams(params)
  });
}
var ZodMiniObject = /* @__PURE__ */ $constructor("ZodMiniObject", (inst, def) => {
  $ZodObject.init(inst, def);
  ZodMiniType.init(inst, def);
  installLazyProp(inst, "shape", (self) => self._zod.def.shape, false);
});
// @__NO_SIDE_EFFECTS__
function object(shape, params) {
  const def = {
    type: "object",
    shape: shape ?? {},
    ...normalizeParams(params)
  };
  return new ZodMiniObject(def);
}
// @__NO_SIDE_EFFECTS__
function strictObject(shape, params) {
  return new ZodMiniObject({
    type: "object",
    shape,
    catchall: /* @__PURE__ */ never(),
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function looseObject(shape, params) {
  return new ZodMiniObject({
    type: "object",
    shape,
    catchall: /* @__PURE__ */ unknown(),
    ...normalizeParams(params)
  });
}
var ZodMiniUnion = /* @__PURE__ */ $constructor("ZodMiniUnion", (inst, def) => {
  $ZodUnion.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function union(options, params) {
  return new ZodMiniUnion({
    type: "union",
    options,
    ...normalizeParams(params)
  });
}
var ZodMiniTuple = /* @__PURE__ */ $constructor("ZodMiniTuple", (inst, def) => {
  $ZodTuple.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function tuple(items, _paramsOrRest, _params) {
  const hasRest = _paramsOrRest instanceof $ZodType;
  const params = hasRest ? _params : _paramsOrRest;
  const rest = hasRest ? _paramsOrRest : null;
  return new ZodMiniTuple({
    type: "tuple",
    items,
    rest,
    ...normalizeParams(params)
  });
}
var ZodMiniRecord = /* @__PURE__ */ $constructor("ZodMiniRecord", (inst, def) => {
  $ZodRecord.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function record(keyType, valueType, params) {
  if (!valueType || !valueType._zod) {
    return new ZodMiniRecord({
      type: "record",
      keyType: /* @__PURE__ */ string2(),
      valueType: keyType,
      ...normalizeParams(valueType)
    });
  }
  return new ZodMiniRecord({
    type: "record",
    keyType,
    valueType,
    ...normalizeParams(params)
  });
}
var ZodMiniEnum = /* @__PURE__ */ $constructor("ZodMiniEnum", (inst, def) => {
  $ZodEnum.init(inst, def);
  ZodMiniType.init(inst, def);
  inst.options = [...inst._zod.values];
});
// @__NO_SIDE_EFFECTS__
function _enum(values, params) {
  const entries = Array.isArray(values) ? Object.fromEntries(values.map((v) => [v, v])) : values;
  return new ZodMiniEnum({
    type: "enum",
    entries,
    ...normalizeParams(params)
  });
}
var ZodMiniLiteral = /* @__PURE__ */ $constructor("ZodMiniLiteral", (inst, def) => {
  $ZodLiteral.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function literal(value, params) {
  return new ZodMiniLiteral({
    type: "literal",
    values: Array.isArray(value) ? value : [value],
    ...normalizeParams(params)
  });
}
var ZodMiniTransform = /* @__PURE__ */ $constructor("ZodMiniTransform", (inst, def) => {
  $ZodTransform.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function transform(fn) {
  return new ZodMiniTransform({
    type: "transform",
    transform: fn
  });
}
var ZodMiniOptional = /* @__PURE__ */ $constructor("ZodMiniOptional", (inst, def) => {
  $ZodOptional.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function optional(innerType) {
  return new ZodMiniOptional({
    type: "optional",
    innerType
  });
}
var ZodMiniNullable = /* @__PURE__ */ $constructor("ZodMiniNullable", (inst, def) => {
  $ZodNullable.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function nullable(innerType) {
  return new ZodMiniNullable({
    type: "nullable",
    innerType
  });
}
// @__NO_SIDE_EFFECTS__
function nullish2(innerType) {
  return /* @__PURE__ */ optional(/* @__PURE__ */ nullable(innerType));
}
var ZodMiniDefault = /* @__PURE__ */ $constructor("ZodMiniDefault", (inst, def) => {
  $ZodDefault.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function _default(innerType, defaultValue) {
  return new ZodMiniDefault({
    type: "default",
    innerType,
    get defaultValue() {
      return typeof defaultValue === "function" ? defaultValue() : shallowClone(defaultValue);
    }
  });
}
var ZodMiniPipe = /* @__PURE__ */ $constructor("ZodMiniPipe", (inst, def) => {
  $ZodPipe.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function pipe(in_, out) {
  return new ZodMiniPipe({
    type: "pipe",
    in: in_,
    out
  });
}
var ZodMiniCustom = /* @__PURE__ */ $constructor("ZodMiniCustom", (inst, def) => {
  $ZodCustom.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function refine(fn, _params = {}) {
  return _refine(ZodMiniCustom, fn, _params);
}

createRequire(import.meta.url);

// src/github/commenter.ts
var GitHubApiError = class extends Error {
  constructor(status, message, request, documentationUrl) {
    super(message);
    this.status = status;
    this.request = request;
    this.documentationUrl = documentationUrl;
    this.name = "GitHubApiError";
  }
  status;
  request;
  documentationUrl;
};

createRequire(import.meta.url);

// src/render/markdown.ts
var ZWSP = "\u200B";
var INLINE_SYNTAX = /[\\`*_[\]{}~|$]/g;
var LINE_START_SYNTAX = /^(\s*)([#+\-=>]|\d+[.)])/;
var CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;
var NEWLINES = /\s*[\r\n\u2028\u2029]+\s*/g;
function escapeHtml(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
function defuseAutolinks(text) {
  return text.replace(/:\/\//g, `${ZWSP}://`).replace(/(www)\./gi, `$1${ZWSP}.`).replace(/#(?=\d)/g, `#${ZWSP}`).replace(/(GH)-(?=\d)/gi, `$1-${ZWSP}`);
}
function defuseMentions(text) {
  return text.replace(/@/g, `@${ZWSP}`);
}
var IN_CODE = { insideCode: true };
var ACTED_ON_IN_CODE = (
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
  /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069&<>\\`*_[\]{}~|$]/
);
var ACTED_ON = (
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
  /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069&<>\\`*_[\]{}~|$@]|:\/\/|www\.|#\d|gh-\d|^\s*(?:[#+\-=>]|\d+[.)])/i
);
function actedOn(text, options) {
  return (options.insideCode ? ACTED_ON_IN_CODE : ACTED_ON).test(text);
}
function escapeText(text, options = {}) {
  const value = String(text);
  return actedOn(value, options) ? escapeTextFully(value, options) : value;
}
function escapeTextFully(text, options = {}) {
  let out = String(text).replace(CONTROL, "").replace(NEWLINES, " ");
  out = escapeHtml(out).replace(INLINE_SYNTAX, (c) => `\\${c}`);
  if (options.insideCode) return out;
  out = defuseAutolinks(out);
  out = out.replace(
    LINE_START_SYNTAX,
    (_m, space, mark) => mark.length === 1 ? `${space}\\${mark}` : `${space}${mark.slice(0, -1)}\\${mark.slice(-1)}`
  );
  return defuseMentions(out);
}
function untouched(text, options) {
  return !actedOn(text, options) && text.trim().length === text.length;
}
function characters(text, max) {
  if (text.length <= max) return void 0;
  const chars = [...text];
  return chars.length > max ? chars : void 0;
}
function escapeMarkdown(text) {
  return escapeText(text);
}
function escapeInline(text, maxChars = 200) {
  const value = String(text);
  const clean = untouched(value, {});
  const flat = clean ? value : value.replace(CONTROL, "").replace(NEWLINES, " ").trim();
  const cut = characters(flat, maxChars);
  const short = cut ? `${cut.slice(0, maxChars - 1).join("").trimEnd()}\u2026` : flat;
  return clean ? short : escapeText(short);
}
function code(text, maxChars = 200) {
  const value = String(text);
  const clean = untouched(value, IN_CODE);
  const flat = clean ? value : value.replace(CONTROL, "").replace(NEWLINES, " ").trim();
  const cut = characters(flat, maxChars);
  const short = cut ? `${cut.slice(0, maxChars - 1).join("")}\u2026` : flat;
  if (short === "") return "";
  return `<code>${clean ? short : escapeText(short, IN_CODE)}</code>`;
}
var judgedUrls = /* @__PURE__ */ new Map();
function safeUrl(url) {
  if (!url) return void 0;
  if (judgedUrls.has(url)) return judgedUrls.get(url);
  if (judgedUrls.size >= 1e4) judgedUrls.clear();
  const safe = judgeUrl(url);
  judgedUrls.set(url, safe);
  return safe;
}
function judgeUrl(url) {
  let parsed;
  try {
    parsed = new URL(url.trim());
  } catch {
    return void 0;
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return void 0;
  if (parsed.username || parsed.password) return void 0;
  return parsed.href.replace(
    /[()<>|\s"'`\\]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`
  );
}
function link(labelMarkdown, url) {
  const href = safeUrl(url);
  return href ? `[${labelMarkdown}](${href})` : labelMarkdown;
}
function table(header, rows, align) {
  const sep = header.map((_, i) => {
    const a = align?.[i] ?? "l";
    return a === "r" ? "---:" : a === "c" ? ":---:" : "---";
  });
  return [tableRow(header), tableRow(sep), ...rows.map(tableRow)].join("\n");
}
function tableRow(cells) {
  return `| ${cells.join(" | ")} |`;
}
function details(summaryMarkdown, body, open = false) {
  return `<details${open ? " open" : ""}><summary>${summaryMarkdown}</summary>

${body}

</details>`;
}
function formatCount(n) {
  if (!Number.isSafeInteger(n) || Object.is(n, -0)) return n.toLocaleString("en-US");
  const digits = String(Math.abs(n));
  let out = digits.slice(0, digits.length % 3 || 3);
  for (let i = out.length; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
  return n < 0 ? `-${out}` : out;
}
function plural(n, singular, pluralForm = `${singular}s`) {
  return `${formatCount(n)} ${n === 1 ? singular : pluralForm}`;
}

createRequire(import.meta.url);

// src/policy-file/render.ts
function brief(e) {
  return { id: e.id, expires: e.expires, reason: e.reason, source: e.source };
}
function policyReport(load) {
  const { policy, change } = load;
  if (!policy && !change) return void 0;
  return {
    source: policy?.source.file ?? "(none)",
    chain: policy?.chain.map((s) => s.file) ?? [],
    sha256: policy?.sha256 ?? "",
    effective: policy?.document ?? {},
    locked: policy ? [...policy.locks.keys()] : [],
    ...policy ? { warnExpiryDays: policy.warnExpiryDays } : {},
    exceptions: {
      expiring: policy?.exceptions.expiring.map((e) => ({ ...brief(e), daysLeft: e.daysLeft })) ?? [],
      expired: policy?.exceptions.expired.map(brief) ?? []
    },
    ...change ? {
      pullRequestChange: {
        file: change.headFile,
        summary: change.diff.summary,
        loosens: change.diff.loosens,
        tightens: change.diff.tightens,
        other: change.diff.other,
        ...change.headError ? { error: change.headError } : {}
      }
    } : {}
  };
}
var ARROW = { loosens: "\u{1F513} loosens", tightens: "\u{1F512} tightens", changes: "\u270F\uFE0F changes", same: "" };
function changeRow(c) {
  return `- ${ARROW[c.direction]} ${code(c.key)}: ${escapeInline(c.detail, 400)}`;
}
function renderPolicyMarkdown(report) {
  if (!report) return "";
  const out = [];
  const change = report.pullRequestChange;
  if (change) {
    out.push(
      `**This pull request changes the policy (${code(change.file)}).** The base branch's policy applies to this run; the new one applies only after merge.`
    );
    if (change.error)
      out.push(`> \u26A0\uFE0F After merge it would not load: ${escapeInline(change.error, 600)}`);
    const rows = [...change.loosens, ...change.tightens, ...change.other].map(changeRow);
    if (rows.length) out.push(rows.join("\n"));
  }
  if (report.sha256) {
    const chain = report.chain.length > 1 ? ` (extends ${report.chain.slice(0, -1).map((f) => code(f)).join(" \u2192 ")})` : "";
    out.push(
      `<sub>Policy ${code(report.source)}${chain}, SHA-256 ${code(report.sha256.slice(0, 16))}\u2026</sub>`
    );
  }
  return out.join("\n\n");
}

createRequire(import.meta.url);

// scanners/base-image/limits.ts
var DEFAULT_LIMITS = {
  maxLayers: 256,
  maxPaxHeader: 256 * 1024,
  maxLongName: 8 * 1024,
  maxPath: 4096,
  maxFiles: 8e5,
  maxPathBytes: 96 * 1024 * 1024
};
var ImageLimitError = class extends Error {
  name = "ImageLimitError";
};

// scanners/base-image/filesystem.ts
var MAX_HOPS = 40;
function normalizePath(path) {
  const out = [];
  for (const part of path.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") out.pop();
    else out.push(part);
  }
  return out.join("/");
}
function parentOf(path) {
  const i = path.lastIndexOf("/");
  return i === -1 ? "" : path.slice(0, i);
}
var LayeredFilesystem = class {
  nodes = /* @__PURE__ */ new Map();
  /** Symlinks to directories make lookups walk component by component; skip that when there are none. */
  symlinkCount = 0;
  /** Bytes of all paths held: with the node count, what bounds this map's memory. */
  pathBytes = 0;
  limits;
  constructor(limits = DEFAULT_LIMITS) {
    this.limits = limits;
  }
  get size() {
    return this.nodes.size;
  }
  /** Where a path written by a layer really lands: parent directories resolved through symlinks. */
  placement(rawPath) {
    const path = normalizePath(rawPath);
    const parent = parentOf(path);
    if (parent === "" || this.symlinkCount === 0) return path;
    const resolvedParent = this.resolve(parent);
    const base = path.slice(parent.length + 1);
    return resolvedParent === "" ? base : `${resolvedParent}/${base}`;
  }
  set(path, node) {
    const old = this.nodes.get(path);
    if (old?.type === "symlink") this.symlinkCount--;
    if (old?.type === "dir" && node.type !== "dir") this.removeBelow(path, Number.POSITIVE_INFINITY);
    if (old?.type === "dir" && node.type === "dir") return;
    if (!this.nodes.has(path)) {
      if (this.nodes.size >= this.limits.maxFiles) {
        throw new ImageLimitError(
          `the image holds more than ${this.limits.maxFiles} files at once, more than any real image; it is malformed or hostile.`
        );
      }
      this.pathBytes += path.length;
      if (this.pathBytes > this.limits.maxPathBytes) {
        throw new ImageLimitError(
          `the image's paths add up to more than ${this.limits.maxPathBytes} bytes, more than any real image; it is malformed or hostile.`
        );
      }
    }
    this.nodes.set(path, node);
    if (node.type === "symlink") this.symlinkCount++;
  }
  /** `.wh.name`: the path and everything under it, from lower layers, is gone. */
  whiteout(path, layer) {
    const old = this.nodes.get(path);
    if (old && old.layer < layer) {
      if (old.type === "symlink") this.symlinkCount--;
      this.nodes.delete(path);
      this.pathBytes -= path.length;
    }
    this.removeBelow(path, layer);
  }
  /** `.wh..wh..opq`: the directory stays, what lower layers had in it goes. */
  opaque(dir, layer) {
    this.removeBelow(dir, layer);
  }
  removeBelow(dir, layer) {
    const prefix = dir === "" ? "" : `${dir}/`;
    for (const [key, node] of this.nodes) {
      if (key.startsWith(prefix) && node.layer < layer) {
        if (node.type === "symlink") this.symlinkCount--;
        this.nodes.delete(key);
        this.pathBytes -= key.length;
      }
    }
  }
  /** Raw entry at a path (no final-symlink following). */
  lstat(path) {
    return this.nodes.get(this.placement(path));
  }
  /** Follows every symlink; undefined for missing paths, dangling links and loops. */
  stat(path) {
    const real = this.resolve(normalizePath(path));
    return real === void 0 ? void 0 : this.nodes.get(real);
  }
  /** The content of a file we kept, following symlinks. */
  read(path) {
    const node = this.stat(path);
    return node?.type === "file" ? node.content : void 0;
  }
  /** Names directly inside a directory (after resolving it). */
  list(dir) {
    const real = this.resolve(normalizePath(dir));
    if (real === void 0) return [];
    const prefix = real === "" ? "" : `${real}/`;
    const out = [];
    for (const key of this.nodes.keys()) {
      if (key.startsWith(prefix) && !key.slice(prefix.length).includes("/") && key.length > prefix.length) {
        out.push(key.slice(prefix.length));
      }
    }
    return out.sort();
  }
  /** Path with all symlinks resolved (like realpath in a chroot; existence not checked), undefined on loops. */
  resolve(path, hops = 0) {
    if (hops > MAX_HOPS) return void 0;
    if (path === "") return "";
    if (this.symlinkCount === 0) return path;
    const parts = path.split("/");
    let current = "";
    for (let i = 0; i < parts.length; i++) {
      const next = current === "" ? parts[i] : `${current}/${parts[i]}`;
      const node = this.nodes.get(next);
      if (node?.type === "symlink") {
        const target = node.target.startsWith("/") ? normalizePath(node.target) : normalizePath(`${current}/${node.target}`);
        const rest = parts.slice(i + 1).join("/");
        return this.resolve(rest ? normalizePath(`${target}/${rest}`) : target, hops + 1);
      }
      current = next;
    }
    return current;
  }
};

// scanners/base-image/facts.ts
var SHELLS = [
  "sh",
  "bash",
  "dash",
  "ash",
  "rbash",
  "zsh",
  "ksh",
  "mksh",
  "fish",
  "tcsh",
  "csh"
];
var DEFAULT_PATH = ["usr/local/sbin", "usr/local/bin", "usr/sbin", "usr/bin", "sbin", "bin"];
var BIN_DIRS = DEFAULT_PATH;
var SHELL_LIKE = /* @__PURE__ */ new Set([...SHELLS, "busybox"]);
function execContext(config) {
  const c = config?.config;
  const pathVar = (c?.Env ?? []).filter((e) => typeof e === "string").find((e) => e.startsWith("PATH="));
  const out = {
    path: pathVar ? pathVar.slice(5).split(":").filter((d) => d.startsWith("/")) : []
  };
  const argv = c?.Entrypoint?.length ? c.Entrypoint : c?.Cmd;
  const program = argv?.[0];
  if (typeof program === "string" && program !== "") out.program = program;
  if (c?.WorkingDir) out.workingDir = c.WorkingDir;
  return out;
}
function findShells(fs, exec = { path: [] }) {
  const found = [];
  const seen = /* @__PURE__ */ new Set();
  const add = (path) => {
    const p = normalizePath(path);
    const slash = p.lastIndexOf("/");
    const dir = slash === -1 ? "" : p.slice(0, slash);
    const key = `${fs.resolve(dir) ?? dir}/${p.slice(slash + 1)}`;
    if (seen.has(key)) return;
    seen.add(key);
    found.push(`/${p}`);
  };
  const dirs = [.../* @__PURE__ */ new Set([...exec.path.map(normalizePath), ...DEFAULT_PATH])];
  for (const dir of dirs) {
    for (const name of SHELL_LIKE) {
      if (fs.stat(`${dir}/${name}`)?.type === "file") add(`${dir}/${name}`);
    }
  }
  for (const line of (fs.read("etc/shells")?.toString("utf8") ?? "").split("\n")) {
    const path = line.trim();
    if (path.startsWith("/") && fs.stat(path)?.type === "file") add(path);
  }
  const program = exec.program;
  if (program) {
    const candidates = program.includes("/") ? [program.startsWith("/") ? program : `${exec.workingDir ?? "/"}/${program}`] : dirs.map((d) => `${d}/${program}`);
    const target = candidates.find((p) => fs.stat(p)?.type === "file");
    if (target && isShellFile(fs, target)) add(target);
  }
  return found;
}
function isShellFile(fs, path) {
  const base = (p) => (p ?? "").split("/").pop() ?? "";
  const real = fs.resolve(normalizePath(path));
  const node = fs.stat(path);
  return [path, real, node?.type === "file" ? node.linkOf : void 0].some(
    (p) => SHELL_LIKE.has(base(p))
  );
}
var PACKAGE_MANAGERS = [
  ["apt", "apt-get"],
  ["dpkg", "dpkg"],
  ["apk", "apk"],
  ["dnf", "dnf"],
  ["microdnf", "microdnf"],
  ["yum", "yum"],
  ["zypper", "zypper"],
  ["rpm", "rpm"]
];
function isWantedFile(path) {
  switch (path) {
    case "etc/os-release":
    case "usr/lib/os-release":
    case "etc/passwd":
    case "etc/group":
    case "etc/shells":
    case "etc/alpine-release":
    case "etc/debian_version":
    case "var/lib/dpkg/status":
    case "lib/apk/db/installed":
    case "usr/lib/apk/db/installed":
      return true;
  }
  return path.startsWith("var/lib/dpkg/status.d/") && !path.endsWith(".md5sums");
}
function parseOsRelease(text) {
  const values = {};
  for (const line of text.split("\n")) {
    const m = /^([A-Z_]+)=(.*)$/.exec(line.trim());
    if (!m?.[1]) continue;
    values[m[1]] = (m[2] ?? "").replace(/^(["'])(.*)\1$/, "$2");
  }
  const out = {};
  if (values.ID) out.id = values.ID.toLowerCase();
  if (values.VERSION_ID) out.versionId = values.VERSION_ID;
  if (values.PRETTY_NAME) out.prettyName = values.PRETTY_NAME;
  if (values.NAME) out.name = values.NAME;
  if (values.VERSION_CODENAME) out.versionCodename = values.VERSION_CODENAME;
  return out;
}
function countDpkgInstalled(text) {
  let n = 0;
  for (const stanza of text.split(/\n[ \t]*\n/)) {
    if (!/^Package:/m.test(stanza)) continue;
    const status = /^Status:\s*(.*)$/m.exec(stanza)?.[1];
    if (status === void 0 || /\sinstalled\s*$/.test(status)) n++;
  }
  return n;
}
function countApkInstalled(text) {
  return text.split("\n").filter((l) => l.startsWith("P:")).length;
}
function filesystemFacts(fs, exec) {
  const text = (p) => fs.read(p)?.toString("utf8");
  const osText = text("etc/os-release") ?? text("usr/lib/os-release");
  const osRelease = osText ? parseOsRelease(osText) : void 0;
  let os = osRelease?.prettyName ?? (osRelease?.name ? `${osRelease.name} ${osRelease.versionId ?? ""}`.trim() : void 0);
  if (!os && text("etc/alpine-release")) os = `Alpine Linux v${text("etc/alpine-release")?.trim()}`;
  if (!os && text("etc/debian_version")) os = `Debian ${text("etc/debian_version")?.trim()}`;
  let packages;
  let packageDb;
  const status = text("var/lib/dpkg/status");
  const statusD = fs.list("var/lib/dpkg/status.d").filter((n) => !n.endsWith(".md5sums"));
  if (status !== void 0 || statusD.length > 0) {
    packages = status ? countDpkgInstalled(status) : 0;
    for (const name of statusD) {
      const stanza = text(`var/lib/dpkg/status.d/${name}`);
      if (stanza) packages += countDpkgInstalled(stanza);
    }
    packageDb = "dpkg";
  }
  const apk = text("lib/apk/db/installed") ?? text("usr/lib/apk/db/installed");
  if (apk !== void 0) {
    packages = (packages ?? 0) + countApkInstalled(apk);
    packageDb = packageDb ?? "apk";
  }
  const present = (name) => BIN_DIRS.some((dir) => {
    const node = fs.stat(`${dir}/${name}`);
    return node?.type === "file";
  });
  const shells = findShells(fs, exec);
  const pm = PACKAGE_MANAGERS.find(([, bin]) => present(bin));
  const out = {
    shells,
    packageManager: pm ? pm[0] : false,
    hasBusybox: present("busybox"),
    hasRpmDb: fs.stat("var/lib/rpm")?.type === "dir" || fs.stat("usr/lib/sysimage/rpm")?.type === "dir",
    entries: fs.size
  };
  if (os) out.os = os;
  if (osRelease) out.osRelease = osRelease;
  if (packages !== void 0) out.packages = packages;
  if (packageDb) out.packageDb = packageDb;
  const passwd = text("etc/passwd");
  if (passwd !== void 0) out.passwd = passwd;
  return out;
}
function effectiveUser(user, passwd) {
  const spec = (user ?? "").trim();
  if (spec === "") return { known: true, uid: 0, name: "root" };
  const name = spec.split(":")[0] ?? "";
  if (/^\d+$/.test(name)) return { known: true, uid: Number(name) };
  if (passwd === void 0) {
    if (name === "root") return { known: true, uid: 0, name };
    return {
      known: false,
      reason: `user "${name}" cannot be resolved: the image has no /etc/passwd`
    };
  }
  for (const line of passwd.split("\n")) {
    const fields = line.split(":");
    if (fields[0] === name && fields[2] !== void 0 && /^\d+$/.test(fields[2])) {
      return { known: true, uid: Number(fields[2]), name };
    }
  }
  return {
    known: false,
    reason: `user "${name}" is not in the image's /etc/passwd (the container would not start)`
  };
}
var MINIMAL_NAME = [
  [/(^|\/)scratch(:|$)/, "scratch"],
  [/distroless/, "distroless"],
  [/(cgr\.dev\/|chainguard|wolfi)/, "chainguard"],
  [/(^|\/)alpine(:|@|$)/, "alpine"],
  [/ubi\d*[-/]?micro|ubi-micro/, "ubi-micro"],
  [/ubi\d*[-/]?minimal|ubi-minimal/, "ubi-minimal"],
  [/(^|\/)busybox(:|@|$)/, "busybox"],
  [/-slim(\b|$)|:slim|slim-/, "slim"],
  [/(^|\/)debian(:|@|$)/, "debian"],
  [/(^|\/)ubuntu(:|@|$)/, "ubuntu"],
  [/ubi\d*(:|@|\/|$)/, "ubi"]
];
var MINIMAL_FAMILIES = [
  "distroless",
  "chainguard",
  "alpine",
  "slim",
  "ubi-micro",
  "ubi-minimal",
  "busybox",
  "scratch"
];
function classifyBaseName(name) {
  const lower = name.toLowerCase();
  const family = MINIMAL_NAME.find(([re]) => re.test(lower))?.[1] ?? "other";
  return { family, minimal: MINIMAL_FAMILIES.includes(family) };
}
function inferBase(f) {
  const id = f.osRelease?.id;
  const version = f.osRelease?.versionId;
  const major = version?.split(".")[0];
  const inferred = (name, family) => {
    const b = { how: "inferred", family, minimal: MINIMAL_FAMILIES.includes(family) };
    if (name) b.name = name;
    return b;
  };
  if (id === "wolfi" || id === "chainguard")
    return inferred("cgr.dev/chainguard/wolfi-base", "chainguard");
  if (/distroless/i.test(f.osRelease?.prettyName ?? "") || f.packageDb === "dpkg" && f.shells.length === 0 && !f.packageManager) {
    return inferred(
      `gcr.io/distroless/${(f.packages ?? 0) <= 6 ? "static" : "base"}-debian${major ?? "12"}`,
      "distroless"
    );
  }
  if (id === "alpine")
    return inferred(`alpine:${version?.split(".").slice(0, 2).join(".") ?? "latest"}`, "alpine");
  if (id === "rhel" || id === "ubi") {
    if (!f.packageManager)
      return inferred(`registry.access.redhat.com/ubi${major}/ubi-micro`, "ubi-micro");
    if (f.packageManager === "microdnf")
      return inferred(`registry.access.redhat.com/ubi${major}/ubi-minimal`, "ubi-minimal");
    return inferred(`registry.access.redhat.com/ubi${major}/ubi`, "ubi");
  }
  if (id === "debian")
    return inferred(`debian:${f.osRelease?.versionCodename ?? major ?? "unknown"}`, "debian");
  if (id === "ubuntu") return inferred(`ubuntu:${version ?? "unknown"}`, "ubuntu");
  if (!f.osRelease && f.hasBusybox) return inferred("busybox", "busybox");
  if (!f.osRelease && f.shells.length === 0 && !f.packageManager && f.packages === void 0) {
    return inferred("scratch", "scratch");
  }
  return inferred(id ? `${id}${version ? `:${version}` : ""}` : void 0, "other");
}
function declaredBase(annotations, config) {
  const from = (map, how) => {
    const name = map?.["org.opencontainers.image.base.name"]?.trim();
    if (!name) return void 0;
    const b = { name, how, ...classifyBaseName(name) };
    const digest = map?.["org.opencontainers.image.base.digest"]?.trim();
    if (digest) b.digest = digest;
    return b;
  };
  return from(annotations, "annotation") ?? from(config?.config?.Labels, "label");
}

// scanners/base-image/offline.ts
function factsFromScan(scan) {
  const meta = scan.metadata;
  const unknown = ["shell", "packageManager", "compressedSize"];
  const facts = {
    source: "trivy-report",
    image: scan.image,
    shell: null,
    shells: [],
    packageManager: null,
    runsAsRoot: null,
    labels: meta.labels ?? {},
    unknown
  };
  if (scan.digest) facts.digest = scan.digest;
  if (meta.os) {
    facts.os = `${meta.os.family} ${meta.os.name}`.trim();
    facts.osRelease = { id: meta.os.family.toLowerCase(), versionId: meta.os.name };
  } else unknown.push("os");
  if (scan.packages.os !== void 0) {
    facts.packages = scan.packages.os;
    facts.packageDb = "trivy";
  } else unknown.push("packages");
  if (meta.layers !== void 0) facts.layers = meta.layers;
  else unknown.push("layers");
  if (meta.user !== void 0) facts.user = meta.user;
  const who = effectiveUser(meta.user, void 0);
  if (who.known) {
    facts.uid = who.uid;
    facts.runsAsRoot = who.uid === 0;
  } else unknown.push("effectiveUser");
  facts.base = declaredBase(void 0, { config: { Labels: meta.labels } }) ?? inferOffline(facts);
  if (!facts.base.name) unknown.push("base");
  return facts;
}
function inferOffline(f) {
  const id = f.osRelease?.id;
  const version = f.osRelease?.versionId ?? "";
  const major = version.split(".")[0];
  const named = (name) => ({ name, how: "inferred", ...classifyBaseName(name) });
  if (id === "wolfi" || id === "chainguard") return named("cgr.dev/chainguard/wolfi-base");
  if (id === "alpine") return named(`alpine:${version.split(".").slice(0, 2).join(".")}`);
  if (id === "debian" && f.packages !== void 0 && f.packages <= 12)
    return named(`gcr.io/distroless/base-debian${major}`);
  if (id === "debian") return named(`debian:${major}`);
  if (id === "ubuntu") return named(`ubuntu:${version}`);
  if (id === "redhat" || id === "rhel") return named(`registry.access.redhat.com/ubi${major}/ubi`);
  return { how: "inferred", minimal: false, family: "other" };
}

createRequire(import.meta.url);

// scanners/base-image/dockerfile.ts
function instructions(text) {
  const escapeChar = /^#\s*escape\s*=\s*`/im.test(text.split("\n").slice(0, 5).join("\n")) ? "`" : "\\";
  const out = [];
  let buffer = "";
  let start = 0;
  const lines = text.split(/\r?\n/);
  for (const [i, raw] of lines.entries()) {
    const line = raw.trimEnd();
    if (buffer === "" && /^\s*#/.test(line)) continue;
    if (buffer !== "" && /^\s*#/.test(line)) continue;
    if (buffer === "") start = i + 1;
    if (line.endsWith(escapeChar)) {
      buffer += `${line.slice(0, -1)} `;
      continue;
    }
    buffer += line;
    const m = /^\s*([A-Za-z]+)\s*(.*)$/.exec(buffer);
    if (m?.[1]) out.push({ keyword: m[1].toUpperCase(), args: (m[2] ?? "").trim(), line: start });
    buffer = "";
  }
  return out;
}
function substitute(value, vars) {
  return value.replace(
    /\$\{(\w+)(?::?([-+])([^}]*))?\}|\$(\w+)/g,
    (_all, braced, op, word, bare) => {
      const name = braced ?? bare;
      const v = vars[name];
      if (op === "-") return v ? v : word ?? "";
      if (op === "+") return v ? word ?? "" : "";
      return v ?? "";
    }
  );
}
function parseArg(args, vars) {
  for (const part of args.split(/\s+/)) {
    const eq = part.indexOf("=");
    if (eq === -1) {
      if (!(part in vars)) vars[part] = "";
    } else {
      vars[part.slice(0, eq)] = substitute(part.slice(eq + 1).replace(/^(["'])(.*)\1$/, "$2"), vars);
    }
  }
}
function analyzeDockerfile(text, path) {
  const globals = {};
  const stages = [];
  for (const ins of instructions(text)) {
    if (ins.keyword === "ARG" && stages.length === 0) parseArg(ins.args, globals);
    if (ins.keyword === "FROM") {
      const words = ins.args.split(/\s+/).filter((w) => !w.startsWith("--"));
      const image = substitute(words[0] ?? "", globals);
      const as = words.findIndex((w) => w.toUpperCase() === "AS");
      const stage2 = { image, line: ins.line };
      if (as !== -1 && words[as + 1]) stage2.name = words[as + 1].toLowerCase();
      stages.push(stage2);
    }
    const current = stages[stages.length - 1];
    if (ins.keyword === "USER" && current) {
      current.user = ins.args.trim();
      current.userLine = ins.line;
    }
  }
  const facts = { stages: stages.length, findings: [] };
  if (path) facts.path = path;
  const final = stages[stages.length - 1];
  if (!final) {
    throw new Error(
      `${path ?? "Dockerfile"} has no FROM instruction; check the dockerfile input points at a Dockerfile.`
    );
  }
  let stage = final;
  let user = final.user;
  const seen = /* @__PURE__ */ new Set();
  while (stage && !seen.has(stage)) {
    seen.add(stage);
    const image = stage.image.toLowerCase();
    const parent = stages.slice(0, stages.indexOf(stage)).reverse().find((s) => s.name === image);
    if (!parent) break;
    user ??= parent.user;
    stage = parent;
  }
  const base = stage?.image ?? final.image;
  facts.finalBase = base;
  facts.finalBaseLine = stage?.line ?? final.line;
  if (user !== void 0) facts.user = user;
  const where = facts.finalBaseLine;
  if (base.toLowerCase() !== "scratch") {
    if (base === "" || base.includes("$")) {
      facts.findings.push({
        rule: "unpinned-from",
        line: where,
        message: `FROM ${base || "(empty)"} depends on a build argument without a default; pin it to name@sha256:\u2026 so builds are reproducible.`
      });
    } else if (!base.includes("@")) {
      facts.findings.push({
        rule: "unpinned-from",
        line: where,
        message: `FROM ${base} is not pinned by digest; use ${base}@sha256:\u2026 (and let Dependabot/Renovate update it) so the base cannot change under you.`
      });
      const lastSlash = base.lastIndexOf("/");
      const colon = base.lastIndexOf(":");
      const tag = colon > lastSlash ? base.slice(colon + 1) : void 0;
      if (tag === void 0 || tag === "latest") {
        facts.findings.push({
          rule: "latest-tag",
          line: where,
          message: `FROM ${base} uses ${tag ? "the latest tag" : "no tag (latest)"}; name a version tag so the base is explicit.`
        });
      }
    }
  }
  if (user === void 0) {
    facts.findings.push({
      rule: "no-user",
      line: final.line,
      message: "The final stage sets no USER, so the container runs as the base image's user (root unless the base sets one); add e.g. USER 65532:65532."
    });
  } else if (/^(root|0)(:.*)?$/.test(user)) {
    facts.findings.push({
      rule: "root-user",
      line: final.userLine ?? final.line,
      message: `The final stage runs as USER ${user}; switch to a non-root user.`
    });
  }
  return facts;
}

createRequire(import.meta.url);
var DB_REPOSITORY_INPUT = "db-repository";
var CACHE_DB_INPUT = "cache-db";
var DEFAULT_DB_REPOSITORIES = [
  "mirror.gcr.io/aquasec/trivy-db:2",
  "public.ecr.aws/aquasecurity/trivy-db:2",
  "ghcr.io/aquasecurity/trivy-db:2"
];
var DB_CACHE_KEY_PREFIX = "shipgate-trivy-db-";
var JAVA_DB_CACHE_KEY_PREFIX = "shipgate-trivy-java-db-";
var DEFAULT_JAVA_DB_REPOSITORIES = [
  "mirror.gcr.io/aquasec/trivy-java-db:1",
  "public.ecr.aws/aquasecurity/trivy-java-db:1",
  "ghcr.io/aquasecurity/trivy-java-db:1"
];
var KINDS = {
  vulnerability: {
    dir: "db",
    only: "--download-db-only",
    repoFlag: "--db-repository",
    defaults: DEFAULT_DB_REPOSITORIES,
    keyPrefix: DB_CACHE_KEY_PREFIX,
    name: "Trivy DB"
  },
  java: {
    dir: "java-db",
    only: "--download-java-db-only",
    repoFlag: "--java-db-repository",
    defaults: DEFAULT_JAVA_DB_REPOSITORIES,
    keyPrefix: JAVA_DB_CACHE_KEY_PREFIX,
    name: "Trivy Java DB"
  }
};
function createActionsCacheAdapter() {
  const load = () => import('./chunk-DAFxpOob.js');
  return {
    async restoreCache(paths, primaryKey, restoreKeys) {
      const actionsCache = await load();
      if (!actionsCache.isFeatureAvailable()) return void 0;
      return actionsCache.restoreCache(paths, primaryKey, restoreKeys);
    },
    async saveCache(paths, key) {
      const actionsCache = await load();
      if (!actionsCache.isFeatureAvailable()) return;
      await actionsCache.saveCache(paths, key);
    }
  };
}
var TrivyDbError = class extends Error {
  code;
  input;
  constructor(code, message, options = {}) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.input = options.input;
  }
};
function parseDbRepositories(input) {
  const entries = (input ?? "").split(/[,\n]/).map((entry) => entry.trim()).filter((entry) => entry !== "");
  for (const entry of entries) {
    if (!/^[a-z0-9][a-z0-9.-]*(:[0-9]+)?(\/[a-z0-9._/-]+)+(:[A-Za-z0-9._-]+)?$/.test(entry)) {
      throw new TrivyDbError(
        "invalid-repository",
        `"${DB_REPOSITORY_INPUT}" entry "${entry}" is not an OCI repository reference like ${DEFAULT_DB_REPOSITORIES[0]}. Separate several mirrors with commas.`,
        { input: DB_REPOSITORY_INPUT }
      );
    }
  }
  return entries.length > 0 ? entries : [...DEFAULT_DB_REPOSITORIES];
}
function dbCacheKey(now, kind = "vulnerability") {
  return `${KINDS[kind].keyPrefix}${now.toISOString().slice(0, 10)}`;
}
var RETRYABLE = /TOOMANYREQUESTS|too many requests|\b429\b|\b50[234]\b|connection reset|i\/o timeout|TLS handshake timeout|timed out|unexpected EOF/i;
var RATE_LIMITED = /TOOMANYREQUESTS|too many requests|\b429\b/i;
async function prepareTrivyDb(opts, deps) {
  const { logger } = deps;
  const kind = KINDS[opts.kind ?? "vulnerability"];
  const sleep = deps.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  const repositories = opts.repositories && opts.repositories.length > 0 ? [...opts.repositories] : [...kind.defaults];
  const dbDir = path.join(opts.cacheDir, kind.dir);
  const useCache = opts.useCache !== false;
  const key = dbCacheKey(deps.now, opts.kind);
  let restoredFrom;
  if (useCache) {
    try {
      restoredFrom = await deps.cache.restoreCache([dbDir], key, [kind.keyPrefix]);
    } catch (error) {
      logger.warning(
        `Could not restore the ${kind.name} cache (${errorMessage$1(error)}); downloading.`
      );
    }
  }
  const restoredMeta = restoredFrom ? await readDbMetadata(dbDir) : void 0;
  if (restoredFrom && !restoredMeta) {
    logger.warning(`Cache ${restoredFrom} held no ${kind.name} metadata; downloading.`);
    restoredFrom = void 0;
  }
  if (restoredFrom === key && restoredMeta) {
    logger.info(
      `${kind.name} restored from cache ${key}${ageText(restoredMeta, deps.now)}; no download needed.`
    );
    return state(opts.cacheDir, restoredMeta, deps.now, {
      restoredFrom,
      downloaded: false,
      stale: false,
      attempts: 0
    });
  }
  const maxAttempts = Math.max(1, opts.maxAttempts ?? 4);
  const timeoutSeconds = opts.timeoutSeconds ?? 300;
  const args = [
    "image",
    kind.only,
    "--cache-dir",
    opts.cacheDir,
    "--no-progress",
    "--timeout",
    `${timeoutSeconds}s`,
    ...repositories.flatMap((repository) => [kind.repoFlag, repository])
  ];
  let delay = opts.initialDelayMs ?? 15e3;
  let lastError = "";
  let rateLimited = false;
  let attempts = 0;
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    attempts = attempt;
    logger.debug(`[command]${opts.trivyPath} ${args.join(" ")}`);
    const result = await deps.exec(opts.trivyPath, args, {
      timeoutMs: (timeoutSeconds + 30) * 1e3
    });
    if (result.exitCode === 0) {
      const meta = await readDbMetadata(dbDir);
      if (!meta) {
        throw new TrivyDbError(
          "download-failed",
          `Trivy reported success but wrote no ${path.join(dbDir, "metadata.json")}. Check that "${opts.trivyPath}" is Trivy and that ${opts.cacheDir} is writable.`
        );
      }
      logger.info(
        `${kind.name} ready in ${dbDir}${ageText(meta, deps.now)} after ${attempt} attempt(s).`
      );
      if (useCache) await save(deps, dbDir, key, kind.name);
      return state(opts.cacheDir, meta, deps.now, {
        restoredFrom,
        downloaded: true,
        stale: false,
        attempts
      });
    }
    lastError = lastLines(result.stderr || result.stdout);
    rateLimited = RATE_LIMITED.test(result.stderr) || RATE_LIMITED.test(result.stdout);
    const retryable = RETRYABLE.test(result.stderr) || RETRYABLE.test(result.stdout);
    if (!retryable || attempt === maxAttempts) break;
    logger.warning(
      `${kind.name} download attempt ${attempt}/${maxAttempts} failed${rateLimited ? " (registry rate limit)" : ""}; retrying in ${Math.round(delay / 1e3)} s. ${lastError}`
    );
    await sleep(delay);
    delay = Math.min(delay * 2, 12e4);
  }
  if (restoredFrom && restoredMeta) {
    logger.warning(
      `Could not refresh the ${kind.name} (${lastError}); scanning with the cached DB from ${restoredFrom}${ageText(restoredMeta, deps.now)}. Findings published since then are missed.`
    );
    return state(opts.cacheDir, restoredMeta, deps.now, {
      restoredFrom,
      downloaded: false,
      stale: true,
      attempts
    });
  }
  const tried = repositories.join(", ");
  if (rateLimited) {
    throw new TrivyDbError(
      "rate-limited",
      `${kind.name === "Trivy DB" ? "Trivy's vulnerability DB" : "Trivy's Java DB"} could not be downloaded: every mirror (${tried}) answered TOOMANYREQUESTS through ${attempts} attempt(s). Last error: ${lastError}. Re-run the job later, keep "${CACHE_DB_INPUT}" enabled so later runs reuse the DB, or set "${DB_REPOSITORY_INPUT}" to a mirror you control.`
    );
  }
  throw new TrivyDbError(
    "download-failed",
    `${kind.name === "Trivy DB" ? "Trivy's vulnerability DB" : "Trivy's Java DB"} could not be downloaded from ${tried} (${attempts} attempt(s)). Last error: ${lastError}. Check "${DB_REPOSITORY_INPUT}" and the runner's network access to those registries.`
  );
}
async function readDbMetadata(dbDir) {
  try {
    return toDbMetadata(JSON.parse(await readFile(path.join(dbDir, "metadata.json"), "utf8")));
  } catch {
    return void 0;
  }
}
function state(cacheDir, meta, now, extra) {
  const age = ageHours(meta, now);
  return {
    cacheDir,
    ready: true,
    ...extra.restoredFrom ? { restoredFrom: extra.restoredFrom } : {},
    ...age === void 0 ? {} : { dbAgeHours: age },
    ...meta.UpdatedAt ? { updatedAt: meta.UpdatedAt } : {},
    ...meta.DownloadedAt ? { downloadedAt: meta.DownloadedAt } : {},
    downloaded: extra.downloaded,
    stale: extra.stale,
    attempts: extra.attempts
  };
}
function ageHours(meta, now) {
  const stamp = Date.parse(meta.UpdatedAt ?? meta.DownloadedAt ?? "");
  if (Number.isNaN(stamp)) return void 0;
  return Math.round((now.getTime() - stamp) / 36e5 * 10) / 10;
}
function ageText(meta, now) {
  const age = ageHours(meta, now);
  return age === void 0 ? "" : ` (built ${age} h ago)`;
}
async function save(deps, dbDir, key, name) {
  try {
    await deps.cache.saveCache([dbDir], key);
    deps.logger.info(`Saved the ${name} to cache ${key}.`);
  } catch (error) {
    deps.logger.warning(`Could not save the ${name} cache ${key}: ${errorMessage$1(error)}`);
  }
}
function lastLines(output) {
  const lines = output.split("\n").map((line) => line.trim()).filter((line) => line !== "");
  return lines.slice(-3).join(" | ").slice(0, 600) || "(no output)";
}
function errorMessage$1(error) {
  return error instanceof Error ? error.message : String(error);
}

createRequire(import.meta.url);

// scanners/trivy/install-error.ts
var TrivyInstallError = class extends Error {
  code;
  input;
  constructor(code, message, options = {}) {
    super(message, options.cause === void 0 ? void 0 : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.input = options.input;
  }
};

createRequire(import.meta.url);

// scanners/trivy/checksums.ts
var DEFAULT_TRIVY_VERSION = "0.75.0";
var TRIVY_CHECKSUMS = {
  "0.75.0": {
    version: "0.75.0",
    // Source A: awslabs/automated-security-helper
    //   automated_security_helper/utils/tool_downloads.py @ 001ac6d868797f3ce3123af21eb65f2e5a3ccf42
    //   (`_DIGESTS`, stated there as transcribed verbatim from trivy_0.75.0_checksums.txt).
    // Source B: loopingz/rules_k8s_cd lib/private/trivy_toolchain.bzl (the v0.75.0 revision):
    //   the four Linux/macOS values agree with source A.
    checksums: {
      "linux-x64": "c6e65abddb348e25f10549df887045629cf28cc72453cd1c63acb717316b3f3f",
      "linux-arm64": "a1ee9f6ffb7d112b64ff726a2a0717c21175c1114361391f4a132956751a13b3",
      "darwin-x64": "291edaa9778acbe4693d067b5ad60ee11570e5ac68296e85595417528ca641e4",
      "darwin-arm64": "4a77108cccf8e55c8d6823e1e759939a622277e66cd0daa3c1fc621ed69e4568",
      // Source A only among named repositories; four other files in the search index whose
      // repository it does not name (scan evidence reports stating they matched the official
      // checksums file) carry the same value.
      "win32-x64": "4e43bd71a30f51aee39525f60f2b47043af77eb8df8fe082aae4372b69c6660f"
    }
  },
  "0.74.0": {
    version: "0.74.0",
    // Source: loopingz/rules_k8s_cd lib/private/trivy_toolchain.bzl
    //   @ 0e96f1f68148f8c352dd0d12c4d0832f4bebde77.
    // Cross-check: at least three other pinned installers in the search index (a Go tool
    //   catalog, a JS PINNED_TOOLS table, shell install scripts) carry the same four values.
    checksums: {
      "linux-x64": "2ae6fe3ee734b7fdf11335663e18c75ea12dccc76062f09f164a3b0f8be4371a",
      "linux-arm64": "b94ce1976bbf3c15b514b605ee88be7c6d94a29be2302847ff01cb794d47aad5",
      "darwin-x64": "472816f6888dda689d075c30254d4210b4d1035acf365aa72332f584c2f60485",
      "darwin-arm64": "1caada5e0e2091909357c7525d3aa76f4b660b13821bc143b190c7483e31cc11"
    }
  }
};
var COMPROMISED_TRIVY_VERSIONS = {
  "0.69.4": "it was published by the attacker during the March 2026 supply-chain compromise (GHSA-69fq-xp46-6x23, CVE-2026-33634)",
  "0.69.5": "malicious 0.69.5 artifacts were reported during the March 2026 supply-chain compromise (aquasecurity/trivy-action#541)",
  "0.69.6": "malicious 0.69.6 artifacts were reported during the March 2026 supply-chain compromise (aquasecurity/trivy-action#541)"
};
function pinnedChecksum(version, key) {
  return TRIVY_CHECKSUMS[version]?.checksums[key];
}
function pinnedVersions() {
  return Object.keys(TRIVY_CHECKSUMS);
}

// scanners/trivy/platform.ts
var TRIVY_PLATFORM_KEYS = [
  "linux-x64",
  "linux-arm64",
  "darwin-x64",
  "darwin-arm64",
  "win32-x64"
];
var ASSET_SUFFIX = {
  "linux-x64": "Linux-64bit.tar.gz",
  "linux-arm64": "Linux-ARM64.tar.gz",
  "darwin-x64": "macOS-64bit.tar.gz",
  "darwin-arm64": "macOS-ARM64.tar.gz",
  "win32-x64": "windows-64bit.zip"
};
function isTrivyPlatformKey(value) {
  return TRIVY_PLATFORM_KEYS.includes(value);
}
function trivyPlatformKey(platform, arch) {
  const key = `${platform}-${arch}`;
  return isTrivyPlatformKey(key) ? key : void 0;
}
function trivyAssetFor(version, key) {
  const isWindows = key === "win32-x64";
  return {
    key,
    name: `trivy_${version}_${ASSET_SUFFIX[key]}`,
    archive: isWindows ? "zip" : "tar.gz",
    binary: isWindows ? "trivy.exe" : "trivy"
  };
}
var TRIVY_RELEASES_BASE_URL = "https://github.com/aquasecurity/trivy/releases/download";
function trivyAssetUrl(version, asset, baseUrl = TRIVY_RELEASES_BASE_URL) {
  return `${baseUrl.replace(/\/+$/, "")}/v${version}/${asset.name}`;
}

// scanners/trivy/versions.ts
var PLAIN = /^(0|[1-9]\d{0,14})\.(0|[1-9]\d{0,14})\.(0|[1-9]\d{0,14})$/;
async function semver() {
  return (await import('./chunk-C-5yNe_q.js')).default;
}
async function validVersion(version) {
  if (PLAIN.test(version)) return version;
  return (await semver()).valid(version);
}
async function versionAtLeast(version, min) {
  const a = PLAIN.exec(version);
  const b = PLAIN.exec(min);
  if (a && b) {
    for (let i = 1; i <= 3; i++) {
      const d = Number(a[i]) - Number(b[i]);
      if (d !== 0) return d > 0;
    }
    return true;
  }
  return (await semver()).gte(version, min);
}

// scanners/trivy/signature.ts
var TRIVY_SIGNING_ISSUER = "https://token.actions.githubusercontent.com";
var FIRST_BUNDLED_TRIVY_VERSION = "0.68.1";
function trivyReleaseIdentity(version) {
  return `https://github.com/aquasecurity/trivy/.github/workflows/reusable-release.yaml@refs/tags/v${version}`;
}
function bundleName(assetName) {
  return `${assetName}.sigstore.json`;
}
function hasSigstoreBundle(version) {
  return versionAtLeast(version, FIRST_BUNDLED_TRIVY_VERSION);
}
var TrivySignatureError = class extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
  }
  code;
  name = "TrivySignatureError";
};
async function verifyTrivySignature(input) {
  const [{ bundleFromJSON }, { toSignedEntity }, { bundleVerifier, verificationPolicy }] = await Promise.all([
    import('./chunk-DrurqhV8.js'),
    import('./chunk-ZnLhPtq4.js'),
    import('./chunk-BnbGoP4n.js')
  ]);
  const { version, assetName } = input;
  const identity = trivyReleaseIdentity(version);
  let bundle;
  try {
    bundle = bundleFromJSON(JSON.parse(input.bundleText));
  } catch (error) {
    throw new TrivySignatureError(
      "signature-malformed",
      `${bundleName(assetName)} is not a Sigstore bundle (${error.message}); nothing was installed.`
    );
  }
  if (bundle.content.$case !== "messageSignature") {
    throw new TrivySignatureError(
      "signature-malformed",
      `${bundleName(assetName)} holds a ${bundle.content.$case} bundle, not the blob signature Trivy's release workflow publishes; nothing was installed.`
    );
  }
  const verifier = bundleVerifier(input.trustedRoot);
  try {
    const signer = verifier.verify(
      // The signed entity is the asset itself, so any changed byte breaks the signature.
      toSignedEntity(bundle, input.artifact),
      verificationPolicy({ identity: { exact: identity }, issuer: TRIVY_SIGNING_ISSUER })
    );
    const logIndex = bundle.verificationMaterial.tlogEntries[0]?.logIndex;
    return {
      identity: signer.identity?.subjectAlternativeName ?? identity,
      issuer: signer.identity?.extensions?.issuer ?? TRIVY_SIGNING_ISSUER,
      ...logIndex !== void 0 ? { logIndex: String(logIndex) } : {}
    };
  } catch (error) {
    const e = error;
    if (e.name === "PolicyError") {
      throw new TrivySignatureError(
        "signature-identity",
        `Refusing ${assetName}: its signature is valid but was not made by Trivy's release workflow for v${version} (expected ${identity}, issuer ${TRIVY_SIGNING_ISSUER}; ${e.message}). Someone other than Trivy signed these bytes; nothing was installed.`
      );
    }
    throw new TrivySignatureError(
      "signature-invalid",
      `Refusing ${assetName}: its Sigstore bundle does not verify (${e.code ? `${e.code}: ` : ""}${e.message ?? String(error)}). The download may have been tampered with, or the bundle belongs to other bytes; nothing was installed.`
    );
  }
}

// scanners/trivy/install.ts
var TRIVY_VERSION_INPUT = "trivy-version";
var TRIVY_CHECKSUM_INPUT = "trivy-checksum";
var TOOL_NAME = "trivy";
function createToolCacheAdapter() {
  const load = () => import('./chunk-q2m_BI12.js');
  return {
    find: async (tool, version, arch) => (await load()).find(tool, version, arch),
    downloadTool: async (url) => (await load()).downloadTool(url),
    extractTar: async (file) => (await load()).extractTar(file),
    extractZip: async (file) => (await load()).extractZip(file),
    cacheDir: async (dir, tool, version, arch) => (await load()).cacheDir(dir, tool, version, arch)
  };
}
var programExec = programExecWith((env) => childEnv(env ?? process.env));
var publicGoodRoot;
function publicGoodTrustedRoot() {
  publicGoodRoot ??= import('./chunk-CeT1tSLj.js').then(
    ({ loadTrustedRoot }) => loadTrustedRoot({
      tufCachePath: path.join(process.env.RUNNER_TEMP || tmpdir(), "shipgate-sigstore-tuf")
    })
  ).catch((error) => {
    publicGoodRoot = void 0;
    throw error;
  });
  return publicGoodRoot;
}
async function installTrivy(opts, deps) {
  const { logger } = deps;
  const version = await parseTrivyVersion(opts.version);
  refuseCompromised(version);
  const platform = opts.platform ?? process.platform;
  const arch = opts.arch ?? process.arch;
  const key = trivyPlatformKey(platform, arch);
  if (!key) {
    throw new TrivyInstallError(
      "unsupported-platform",
      `Shipgate cannot install Trivy on ${platform}/${arch}: supported runners are ${TRIVY_PLATFORM_KEYS.join(", ")}. Install Trivy yourself in an earlier step (it is reused when it reports the requested version).`
    );
  }
  const asset = trivyAssetFor(version, key);
  const given = normalizeChecksumInput(version, asset, opts.checksum);
  if (opts.reusePath !== false) {
    const onPath = await findTrivyOnPath(version, deps);
    if (onPath) return onPath;
  }
  const cachedDir = await deps.toolCache.find(TOOL_NAME, version, arch);
  if (cachedDir) {
    const binary2 = path.join(cachedDir, asset.binary);
    if (await isFile(binary2)) {
      logger.info(`Using Trivy ${version} from the tool cache (${cachedDir}).`);
      return { path: binary2, dir: cachedDir, version, source: "tool-cache" };
    }
    logger.warning(`Tool cache entry ${cachedDir} has no ${asset.binary}; downloading again.`);
  }
  const signed = await hasSigstoreBundle(version);
  const expected = given ?? (signed ? pinnedChecksum(version, asset.key) : requirePinnedChecksum(version, asset));
  const url = trivyAssetUrl(version, asset, opts.downloadBaseUrl ?? TRIVY_RELEASES_BASE_URL);
  logger.info(`Downloading Trivy ${version} from ${url}`);
  let archive;
  try {
    archive = await deps.toolCache.downloadTool(url);
  } catch (cause) {
    throw new TrivyInstallError(
      "download-failed",
      `Could not download ${asset.name} from ${url}: ${errorMessage(cause)}. Check that Trivy ${version} exists and that the runner can reach github.com.`,
      { cause }
    );
  }
  const actual = await sha256File(archive);
  if (expected !== void 0 && actual !== expected) {
    await rm(archive, { force: true });
    throw new TrivyInstallError(
      "checksum-mismatch",
      `Refusing ${asset.name}: its SHA-256 is ${actual} but ${expected} was expected (${opts.checksum ? `from the "${TRIVY_CHECKSUM_INPUT}" input` : "from Shipgate's pinned checksum table"}). The download from ${url} may have been tampered with or truncated; nothing was installed.`,
      { input: opts.checksum ? TRIVY_CHECKSUM_INPUT : void 0 }
    );
  }
  if (signed) {
    try {
      await verifyDownloadedSignature(version, asset, archive, url, deps);
    } catch (error) {
      await rm(archive, { force: true });
      throw error;
    }
  }
  logger.info(
    `Verified ${asset.name} (sha256 ${actual}${expected === void 0 ? `; not in Shipgate's checksum table, trusted on its signature alone` : given ? `, equal to "${TRIVY_CHECKSUM_INPUT}"` : `, equal to Shipgate's pinned table`}).`
  );
  let extracted;
  try {
    extracted = asset.archive === "zip" ? await deps.toolCache.extractZip(archive) : await deps.toolCache.extractTar(archive);
  } catch (cause) {
    throw new TrivyInstallError(
      "broken-archive",
      `Could not extract ${asset.name}: ${errorMessage(cause)}`,
      { cause }
    );
  } finally {
    await rm(archive, { force: true });
  }
  if (!await isFile(path.join(extracted, asset.binary))) {
    throw new TrivyInstallError(
      "broken-archive",
      `${asset.name} passed its checksum but holds no ${asset.binary} at its root; nothing was installed.`
    );
  }
  const dir = await deps.toolCache.cacheDir(extracted, TOOL_NAME, version, arch);
  const binary = path.join(dir, asset.binary);
  if (platform === process.platform && arch === process.arch) {
    const reported = await reportedVersion(binary, deps.exec);
    if (reported !== version) {
      throw new TrivyInstallError(
        "binary-check-failed",
        `Installed ${binary} but it reports version ${reported ?? "(none)"} instead of ${version}.`
      );
    }
  }
  logger.info(`Installed Trivy ${version} at ${binary}.`);
  return { path: binary, dir, version, source: "download" };
}
async function parseTrivyVersion(input) {
  const raw = (input ?? "").trim();
  if (raw === "") return DEFAULT_TRIVY_VERSION;
  if (raw.toLowerCase() === "latest") {
    throw new TrivyInstallError(
      "invalid-version",
      `"${TRIVY_VERSION_INPUT}: latest" is not supported: Shipgate only installs exact, reviewed versions. Leave it empty for the pinned default (${DEFAULT_TRIVY_VERSION}) or set an exact version such as ${DEFAULT_TRIVY_VERSION}.`,
      { input: TRIVY_VERSION_INPUT }
    );
  }
  const parsed = await validVersion(raw.replace(/^v(?=\d)/, ""));
  if (!parsed) {
    throw new TrivyInstallError(
      "invalid-version",
      `"${TRIVY_VERSION_INPUT}" must be an exact version like ${DEFAULT_TRIVY_VERSION}, got "${raw}". Ranges and tags are not accepted.`,
      { input: TRIVY_VERSION_INPUT }
    );
  }
  return parsed;
}
function refuseCompromised(version) {
  const reason = COMPROMISED_TRIVY_VERSIONS[version];
  if (reason) {
    throw new TrivyInstallError(
      "compromised-version",
      `Refusing Trivy ${version}: ${reason}. No checksum can make it safe. Set "${TRIVY_VERSION_INPUT}" to ${DEFAULT_TRIVY_VERSION} (or leave it empty), and rotate any secret a workflow that ran Trivy ${version} could read.`,
      { input: TRIVY_VERSION_INPUT }
    );
  }
}
async function verifyDownloadedSignature(version, asset, archive, archiveUrl, deps) {
  const bundleUrl = `${archiveUrl}.sigstore.json`;
  let bundleFile;
  try {
    bundleFile = await deps.toolCache.downloadTool(bundleUrl);
  } catch (cause) {
    const status = cause.httpStatusCode;
    throw new TrivyInstallError(
      "signature-missing",
      `Refusing ${asset.name}: its signature ${bundleName(asset.name)} could not be downloaded from ${bundleUrl} (${status ? `HTTP ${status}` : errorMessage(cause)}). Every Trivy release since ${FIRST_BUNDLED_TRIVY_VERSION} publishes one; without it nothing proves who built these bytes, so nothing was installed.`,
      { cause }
    );
  }
  let bundleText;
  try {
    bundleText = await readFile(bundleFile, "utf8");
  } finally {
    await rm(bundleFile, { force: true });
  }
  let trustedRoot;
  try {
    trustedRoot = await (deps.trustedRoot ?? publicGoodTrustedRoot)();
  } catch (cause) {
    throw new TrivyInstallError(
      "signature-unverifiable",
      `Cannot check the signature of ${asset.name}: ${errorMessage(cause)}. Nothing was installed. Let the runner reach tuf-repo-cdn.sigstore.dev, or install a Trivy you verified yourself in an earlier step (it is reused when it reports the requested version).`,
      { cause }
    );
  }
  try {
    const signer = await verifyTrivySignature({
      version,
      assetName: asset.name,
      artifact: await readFile(archive),
      bundleText,
      trustedRoot
    });
    deps.logger.info(
      `Verified the Sigstore signature of ${asset.name}: signed by ${signer.identity} (issuer ${signer.issuer}${signer.logIndex ? `, Rekor log index ${signer.logIndex}` : ""}).`
    );
  } catch (error) {
    if (error instanceof TrivySignatureError) {
      throw new TrivyInstallError(error.code, error.message, { cause: error });
    }
    throw error;
  }
}
function requirePinnedChecksum(version, asset) {
  const pinned = pinnedChecksum(version, asset.key);
  if (pinned) return pinned;
  const listed = pinnedVersions().includes(version);
  throw new TrivyInstallError(
    "checksum-required",
    `${listed ? `Shipgate has no pinned checksum for ${asset.name}` : `Trivy ${version} is not in Shipgate's pinned checksum table (pinned: ${pinnedVersions().join(", ")})`}, and releases before ${FIRST_BUNDLED_TRIVY_VERSION} publish no Sigstore bundle Shipgate could check instead. Set the "${TRIVY_CHECKSUM_INPUT}" input to the SHA-256 of ${asset.name} (listed in trivy_${version}_checksums.txt on https://github.com/aquasecurity/trivy/releases/tag/v${version}), or use ${TRIVY_VERSION_INPUT} ${DEFAULT_TRIVY_VERSION} or later (signed by ${trivyReleaseIdentity(DEFAULT_TRIVY_VERSION)}).`,
    { input: TRIVY_CHECKSUM_INPUT }
  );
}
function normalizeChecksumInput(version, asset, given) {
  const trimmed = (given ?? "").trim();
  if (trimmed === "") return void 0;
  const normalized = trimmed.replace(/^sha256:/i, "").toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(normalized)) {
    throw new TrivyInstallError(
      "invalid-checksum",
      `"${TRIVY_CHECKSUM_INPUT}" must be a SHA-256 (64 hex characters) of ${asset.name}, got "${trimmed}".`,
      { input: TRIVY_CHECKSUM_INPUT }
    );
  }
  const pinned = pinnedChecksum(version, asset.key);
  if (pinned && pinned !== normalized) {
    throw new TrivyInstallError(
      "checksum-conflict",
      `"${TRIVY_CHECKSUM_INPUT}" (${normalized}) contradicts Shipgate's pinned SHA-256 of ${asset.name} (${pinned}). Remove "${TRIVY_CHECKSUM_INPUT}" to use the pinned value, or find out which one is wrong before going on.`,
      { input: TRIVY_CHECKSUM_INPUT }
    );
  }
  return normalized;
}
async function findTrivyOnPath(version, deps) {
  const candidate = await whichTrivy(deps.env);
  if (!candidate) return void 0;
  const reported = await reportedVersion(candidate, deps.exec);
  if (reported !== version) {
    deps.logger.info(
      `Ignoring ${candidate} on PATH: it reports version ${reported ?? "(unknown)"}, not ${version}.`
    );
    return void 0;
  }
  deps.logger.info(`Using Trivy ${version} already on PATH at ${candidate}.`);
  return { path: candidate, dir: path.dirname(candidate), version, source: "path" };
}
async function whichTrivy(env) {
  const isWindows = process.platform === "win32";
  const names = isWindows ? ["trivy.exe"] : ["trivy"];
  for (const dir of (env.PATH ?? env.Path ?? "").split(path.delimiter)) {
    if (!dir || !path.isAbsolute(dir)) continue;
    for (const name of names) {
      const file = path.join(dir, name);
      if (await isFile(file) && (isWindows || await isExecutable(file))) return file;
    }
  }
  return void 0;
}
async function reportedVersion(binary, exec) {
  const result = await exec(binary, ["--version"], { timeoutMs: 3e4 });
  if (result.exitCode !== 0) return void 0;
  const match = /^Version:\s*v?(\S+)/m.exec(result.stdout);
  return match?.[1] ? await validVersion(match[1]) ?? void 0 : void 0;
}
async function sha256File(file) {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk);
  return hash.digest("hex");
}
async function isFile(file) {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}
async function isExecutable(file) {
  try {
    await access(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
function errorMessage(error) {
  return error instanceof Error ? error.message : String(error);
}

var chunk4KYBWE52 = /*#__PURE__*/Object.freeze({
  __proto__: null,
  TRIVY_CHECKSUM_INPUT: TRIVY_CHECKSUM_INPUT,
  TRIVY_VERSION_INPUT: TRIVY_VERSION_INPUT,
  TrivyInstallError: TrivyInstallError,
  createToolCacheAdapter: createToolCacheAdapter,
  installTrivy: installTrivy,
  parseTrivyVersion: parseTrivyVersion,
  programExec: programExec,
  publicGoodTrustedRoot: publicGoodTrustedRoot,
  reportedVersion: reportedVersion,
  sha256File: sha256File
});

createRequire(import.meta.url);

// node_modules/zod/v4/locales/en.js
var error = () => {
  const Sizable = {
    string: { unit: "characters", verb: "to have" },
    file: { unit: "bytes", verb: "to have" },
    array: { unit: "items", verb: "to have" },
    set: { unit: "items", verb: "to have" },
    map: { unit: "entries", verb: "to have" }
  };
  function getSizing(origin) {
    return Sizable[origin] ?? null;
  }
  const FormatDictionary = {
    regex: "input",
    email: "email address",
    url: "URL",
    emoji: "emoji",
    uuid: "UUID",
    uuidv4: "UUIDv4",
    uuidv6: "UUIDv6",
    nanoid: "nanoid",
    guid: "GUID",
    cuid: "cuid",
    cuid2: "cuid2",
    ulid: "ULID",
    xid: "XID",
    ksuid: "KSUID",
    datetime: "ISO datetime",
    date: "ISO date",
    time: "ISO time",
    duration: "ISO duration",
    ipv4: "IPv4 address",
    ipv6: "IPv6 address",
    mac: "MAC address",
    cidrv4: "IPv4 range",
    cidrv6: "IPv6 range",
    base64: "base64-encoded string",
    base64url: "base64url-encoded string",
    json_string: "JSON string",
    e164: "E.164 number",
    currency_code: "currency code",
    credit_card: "credit card number",
    iban: "IBAN",
    jwt: "JWT",
    template_literal: "input"
  };
  const TypeDictionary = {
    // Compatibility: "nan" -> "NaN" for display
    nan: "NaN"
    // All other type names omitted - they fall back to raw values via ?? operator
  };
  function getTypeName(type, input) {
    if (type === "number" && typeof input === "number" && !Number.isFinite(input)) {
      return String(input);
    }
    return TypeDictionary[type] ?? type;
  }
  return (issue) => {
    switch (issue.code) {
      case "invalid_type": {
        const expected = getTypeName(issue.expected);
        const receivedType = parsedType(issue.input);
        const received = getTypeName(receivedType, issue.input);
        return `Invalid input: expected ${expected}, received ${received}`;
      }
      case "invalid_value":
        if (issue.values.length === 1)
          return `Invalid input: expected ${stringifyPrimitive(issue.values[0])}`;
        return `Invalid option: expected one of ${joinValues(issue.values, "|")}`;
      case "too_big": {
        const adj = issue.exact ? "exactly " : issue.inclusive ? "<=" : "<";
        const sizing = getSizing(issue.origin);
        if (sizing)
          return `Too big: expected ${issue.origin ?? "value"} to have ${adj}${issue.maximum.toString()} ${sizing.unit ?? "elements"}`;
        return `Too big: expected ${issue.origin ?? "value"} to be ${adj}${issue.maximum.toString()}`;
      }
      case "too_small": {
        const adj = issue.exact ? "exactly " : issue.inclusive ? ">=" : ">";
        const sizing = getSizing(issue.origin);
        if (sizing) {
          return `Too small: expected ${issue.origin} to have ${adj}${issue.minimum.toString()} ${sizing.unit}`;
        }
        return `Too small: expected ${issue.origin} to be ${adj}${issue.minimum.toString()}`;
      }
      case "invalid_format": {
        const _issue = issue;
        if (_issue.format === "starts_with") {
          return `Invalid string: must start with "${_issue.prefix}"`;
        }
        if (_issue.format === "ends_with")
          return `Invalid string: must end with "${_issue.suffix}"`;
        if (_issue.format === "includes")
          return `Invalid string: must include "${_issue.includes}"`;
        if (_issue.format === "regex")
          return `Invalid string: must match pattern ${_issue.pattern}`;
        return `Invalid ${FormatDictionary[_issue.format] ?? issue.format}`;
      }
      case "not_multiple_of":
        return `Invalid number: must be a multiple of ${issue.divisor}`;
      case "unrecognized_keys":
        return `Unrecognized key${issue.keys.length > 1 ? "s" : ""}: ${joinValues(issue.keys, ", ")}`;
      case "invalid_key":
        return `Invalid key in ${issue.origin}`;
      case "invalid_union":
        if (issue.options && Array.isArray(issue.options) && issue.options.length > 0) {
          const opts = issue.options.map((o) => `'${o}'`).join(" | ");
          return `Invalid discriminator value. Expected ${opts}`;
        }
        if (issue.inclusive === false) {
          return "Invalid input: more than one option matched";
        }
        return "Invalid input";
      case "invalid_element":
        return `Invalid value in ${issue.origin}`;
      default:
        return `Invalid input`;
    }
  };
};
function en_default() {
  return {
    localeError: error()
  };
}

// src/heap.ts
var LARGE_INPUT = 16 * 1024 * 1024;
var pending = false;
function noteParsed(characters) {
  if (characters >= LARGE_INPUT) pending = true;
}
var v8Control = {
  usedBytes: () => process.getBuiltinModule("node:v8").getHeapStatistics().used_heap_size,
  setFlags: (flags) => process.getBuiltinModule("node:v8").setFlagsFromString(flags),
  collect: () => fullCollection()
};
var raised = false;
function beforeLargeParse(characters, logger, heap = v8Control) {
  if (raised || characters < LARGE_INPUT) return;
  raised = true;
  let set = false;
  try {
    const used = heap.usedBytes();
    if (used * 2 > characters) return;
    const percent = Math.ceil(5 * characters * 100 / Math.max(used, 1));
    heap.setFlags(`--heap-growing-percent=${percent}`);
    set = true;
    heap.collect();
  } catch (error2) {
  } finally {
    if (set) {
      try {
        heap.setFlags("--heap-growing-percent=0");
      } catch {
      }
    }
  }
}
function fullCollection() {
  process.getBuiltinModule("node:v8").setFlagsFromString("--expose-gc");
  const gc = process.getBuiltinModule("node:vm").runInNewContext("gc");
  gc({ type: "major", execution: "sync" });
}
function collectParsedReports(logger, heap = v8Control) {
  if (!pending) return;
  pending = false;
  try {
    heap.collect();
  } catch (error2) {
    logger?.debug(`heap: no collection after the parse (${error2.message})`);
  }
}
var CHUNK = 4096;
var BLOCK = 128;
var BACKSLASH = 92;
var decoder = new TextDecoder("utf-8", { ignoreBOM: true });
function escaped(text) {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    out += `\\u${text.charCodeAt(i).toString(16).padStart(4, "0")}`;
  }
  return out;
}
function nonAsciiRuns(bytes) {
  const runs = [];
  let next = 0;
  for (let at = 0; at < bytes.length; at += CHUNK) {
    const end = Math.min(at + CHUNK, bytes.length);
    if (end <= next || isAscii(bytes.subarray(Math.max(at, next), end))) continue;
    for (let i = Math.max(at, next); i < end; i++) {
      if (i % BLOCK === 0 && i + BLOCK <= end && isAscii(bytes.subarray(i, i + BLOCK))) {
        i += BLOCK - 1;
        continue;
      }
      if (bytes[i] < 128) continue;
      let slashes = 0;
      while (i - slashes - 1 >= 0 && bytes[i - slashes - 1] === BACKSLASH) slashes++;
      if (slashes % 2 === 1) return void 0;
      let j = i + 1;
      while (j < bytes.length && bytes[j] >= 128) j++;
      runs.push([i, j]);
      next = j;
      i = j - 1;
    }
  }
  return runs;
}
function asciiJsonText(bytes, length = bytes.length) {
  const data = bytes.subarray(0, length);
  if (isAscii(data)) return data.toString("latin1");
  const runs = nonAsciiRuns(data);
  if (!runs) return void 0;
  const escapes = runs.map(([start, end]) => escaped(decoder.decode(data.subarray(start, end))));
  let grown = length;
  for (const [k, [start, end]] of runs.entries())
    grown += escapes[k].length - (end - start);
  if (grown <= bytes.length) {
    let shift = grown - length;
    let stretchEnd = length;
    for (let k = runs.length - 1; k >= 0; k--) {
      const [start, end] = runs[k];
      const written = escapes[k];
      bytes.copyWithin(end + shift, end, stretchEnd);
      shift -= written.length - (end - start);
      bytes.write(written, start + shift, "latin1");
      stretchEnd = start;
    }
    return bytes.toString("latin1", 0, grown);
  }
  const out = Buffer.allocUnsafe(grown);
  let from = 0;
  let to = 0;
  for (const [k, [start, end]] of runs.entries()) {
    to += data.copy(out, to, from, start);
    to += out.write(escapes[k], to, "latin1");
    from = end;
  }
  data.copy(out, to, from);
  return out.toString("latin1");
}
var slackFor = (size) => 64 * 1024 + Math.ceil(size / 256);
function readJsonText(path, cut2) {
  const fd = openSync(path, "r");
  let bytes;
  let length = 0;
  try {
    const size = fstatSync(fd).size;
    bytes = Buffer.allocUnsafe(size + slackFor(size));
    for (; ; ) {
      if (length === bytes.length) {
        const larger = Buffer.allocUnsafe(bytes.length * 2);
        bytes.copy(larger, 0, 0, length);
        bytes = larger;
      }
      const n = readSync(fd, bytes, length, bytes.length - length, null);
      if (n === 0) break;
      length += n;
    }
  } finally {
    closeSync(fd);
  }
  if (cut2) length = cut2(bytes, length);
  return asciiJsonText(bytes, length) ?? bytes.toString("utf8", 0, length);
}

// scanners/trivy/fast-entries.ts
var isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
var optStr = (v) => v === void 0 || typeof v === "string";
var optNum = (v) => v === void 0 || typeof v === "number";
function severity(v) {
  if (v === void 0) return "UNKNOWN";
  return typeof v === "string" ? parseSeverity(v) : void 0;
}
function vulnerabilityOk(v) {
  if (typeof v.VulnerabilityID !== "string" || typeof v.PkgName !== "string") return false;
  if (!optStr(v.PkgID) || !optStr(v.PkgPath) || !optStr(v.InstalledVersion) || !optStr(v.FixedVersion) || !optStr(v.Status) || !optStr(v.SeveritySource) || !optStr(v.PrimaryURL) || !optStr(v.Fingerprint) || !optStr(v.Title) || !optStr(v.Description))
    return false;
  const id = v.PkgIdentifier;
  if (id !== void 0 && !(isObject(id) && optStr(id.PURL) && optStr(id.UID))) return false;
  const layer = v.Layer;
  if (layer !== void 0 && !(isObject(layer) && optStr(layer.Digest) && optStr(layer.DiffID)))
    return false;
  const cvss = v.CVSS;
  if (cvss !== void 0) {
    if (!isObject(cvss)) return false;
    for (const source in cvss) {
      if (!Object.hasOwn(cvss, source)) continue;
      const c = cvss[source];
      if (!(isObject(c) && optNum(c.V2Score) && optNum(c.V3Score) && optNum(c.V40Score)))
        return false;
    }
  }
  const refs = v.References;
  if (refs !== void 0) {
    if (!Array.isArray(refs)) return false;
    for (let i = 0; i < refs.length; i++) if (typeof refs[i] !== "string") return false;
  }
  return true;
}
function secretOk(s) {
  return typeof s.RuleID === "string" && optStr(s.Category) && optStr(s.Title) && optNum(s.StartLine) && optNum(s.EndLine) && optStr(s.Match);
}
function misconfigurationOk(m) {
  const cause = m.CauseMetadata;
  return optStr(m.Type) && optStr(m.ID) && optStr(m.AVDID) && optStr(m.Title) && optStr(m.Message) && optStr(m.Resolution) && optStr(m.PrimaryURL) && optStr(m.Status) && (cause === void 0 || isObject(cause) && optNum(cause.StartLine) && optNum(cause.EndLine));
}
var CHECKS = {
  Vulnerabilities: vulnerabilityOk,
  Secrets: secretOk,
  Misconfigurations: misconfigurationOk
};
var FINDING_LIST_NAMES = Object.keys(CHECKS);
function acceptInPlace(list, entries) {
  const ok = CHECKS[list];
  for (const entry of entries) {
    if (!isObject(entry) || !ok(entry) || severity(entry.Severity) === void 0) return false;
  }
  for (const entry of entries) {
    entry.Severity = severity(entry.Severity);
    if (list === "Vulnerabilities" && entry.InstalledVersion === void 0)
      entry.InstalledVersion = "";
  }
  return true;
}

// scanners/trivy/schema.ts
config(en_default());
var str = string2();
var optStr2 = optional(string2());
var optNum2 = optional(number2());
var arr = (item) => optional(array(item));
var Severity = pipe(
  _default(string2(), "UNKNOWN"),
  transform((value, ctx) => {
    const severity2 = parseSeverity(value);
    if (severity2) return severity2;
    ctx.issues.push({
      code: "custom",
      input: value,
      message: `severity ${JSON.stringify(value)} is not one of Trivy's (${[...SEVERITIES].reverse().join(", ").replace(/, (?=[^,]*$)/, " or ")})`
    });
    return NEVER;
  })
);
var Layer = looseObject({ Digest: optStr2, DiffID: optStr2 });
var Cvss = looseObject({
  V2Score: optNum2,
  V3Score: optNum2,
  V40Score: optNum2
});
var TrivyVulnerability = looseObject({
  VulnerabilityID: str,
  PkgID: optStr2,
  PkgName: str,
  PkgPath: optStr2,
  PkgIdentifier: optional(looseObject({ PURL: optStr2, UID: optStr2 })),
  InstalledVersion: _default(string2(), ""),
  FixedVersion: optStr2,
  Status: optStr2,
  Layer: optional(Layer),
  SeveritySource: optStr2,
  PrimaryURL: optStr2,
  Fingerprint: optStr2,
  Title: optStr2,
  Description: optStr2,
  Severity,
  CVSS: optional(record(string2(), Cvss)),
  References: arr(string2())
});
var TrivySecret = looseObject({
  RuleID: str,
  Category: optStr2,
  Severity,
  Title: optStr2,
  StartLine: optNum2,
  EndLine: optNum2,
  Match: optStr2
});
var TrivyMisconfiguration = looseObject({
  Type: optStr2,
  // New format `DS-0002` (v0.69+); older reports carry `DS002` plus `AVDID`.
  ID: optStr2,
  AVDID: optStr2,
  Title: optStr2,
  Message: optStr2,
  Resolution: optStr2,
  Severity,
  PrimaryURL: optStr2,
  Status: optStr2,
  CauseMetadata: optional(looseObject({ StartLine: optNum2, EndLine: optNum2 }))
});
var TrivyPackage = looseObject({ ID: optStr2, Name: optStr2, Version: optStr2 });
var ModifiedFinding = looseObject({
  Type: optStr2,
  Status: optStr2,
  Statement: optStr2,
  Source: optStr2,
  Finding: optional(unknown())
});
var TrivyResult = looseObject({
  // Always written by Trivy, but may be "" (custom/WASM results).
  Target: _default(string2(), ""),
  Class: optStr2,
  Type: optStr2,
  Packages: arr(TrivyPackage),
  Vulnerabilities: arr(TrivyVulnerability),
  Misconfigurations: arr(TrivyMisconfiguration),
  Secrets: arr(TrivySecret),
  Licenses: arr(looseObject({ Name: optStr2, Severity: optStr2 })),
  ExperimentalModifiedFindings: arr(ModifiedFinding)
});
var ImageConfig = looseObject({
  history: arr(looseObject({ created_by: optStr2, empty_layer: optional(boolean2()) })),
  config: optional(
    looseObject({
      User: optStr2,
      Labels: nullish2(record(string2(), string2()))
    })
  )
});
var TrivyReport = looseObject({
  SchemaVersion: literal(2),
  Trivy: optional(looseObject({ Version: optStr2 })),
  CreatedAt: optStr2,
  // Checked before the schema (parse.ts) so the error can say what was expected.
  ArtifactName: str,
  ArtifactType: optStr2,
  Metadata: optional(
    looseObject({
      Size: optNum2,
      OS: optional(
        looseObject({
          Family: str,
          Name: _default(string2(), ""),
          EOSL: optional(boolean2())
        })
      ),
      ImageID: optStr2,
      DiffIDs: arr(string2()),
      RepoTags: arr(string2()),
      RepoDigests: arr(string2()),
      ImageConfig: optional(ImageConfig)
    })
  ),
  Results: arr(TrivyResult)
});

// scanners/trivy/unread-fields.ts
var DESCRIPTION = Buffer.from('Description"');
var REFERENCES = Buffer.from('References"');
var RESULTS = Buffer.from('"Results"');
var QUOTE = 34;
var BACKSLASH2 = 92;
var COLON = 58;
var COMMA = 44;
var OPEN_BRACE = 123;
var CLOSE_BRACE = 125;
var OPEN_BRACKET = 91;
var CLOSE_BRACKET = 93;
var QUOTES = 572662306;
var BACKSLASHES = 1549556828;
var ONES = 16843009;
var HIGHS = 2155905152;
var isSpace = (b) => b === 32 || b === 10 || b === 13 || b === 9;
function skipSpace(t, at) {
  while (at < t.end && isSpace(t.bytes[at])) at++;
  return at;
}
function pastString(t, at) {
  let from = at + 1;
  for (; ; ) {
    const close = t.bytes.indexOf(QUOTE, from);
    if (close < 0 || close >= t.end) return -1;
    let slashes = 0;
    while (t.bytes[close - 1 - slashes] === BACKSLASH2) slashes++;
    if (slashes % 2 === 0) return close + 1;
    from = close + 1;
  }
}
var holds = (word, bytes4) => {
  const x = word ^ bytes4;
  return (x - ONES & ~x & HIGHS) !== 0;
};
function pastStrings(t, at) {
  const { bytes, words, end } = t;
  const lastWord = (end >> 2) - 1;
  let i = skipSpace(t, at + 1);
  if (bytes[i] === CLOSE_BRACKET) return i + 1;
  for (; ; ) {
    if (bytes[i] !== QUOTE) return -1;
    i++;
    for (; ; ) {
      if (words && (i & 3) === 0) {
        let k = i >> 2;
        while (k < lastWord) {
          const w = words[k];
          if (holds(w, QUOTES) || holds(w, BACKSLASHES)) break;
          k++;
        }
        i = k << 2;
      }
      if (i >= end) return -1;
      const b = bytes[i];
      if (b === QUOTE) break;
      i += b === BACKSLASH2 ? 2 : 1;
    }
    i = skipSpace(t, i + 1);
    if (bytes[i] === CLOSE_BRACKET) return i + 1;
    if (bytes[i] !== COMMA) return -1;
    i = skipSpace(t, i + 1);
  }
}
function memberAt(t, key, keyLength, list) {
  const { bytes } = t;
  let before = key - 1;
  while (before >= 0 && isSpace(bytes[before])) before--;
  const opener = bytes[before];
  if (opener !== OPEN_BRACE && opener !== COMMA) return void 0;
  let i = skipSpace(t, key + keyLength);
  if (bytes[i] !== COLON) return void 0;
  i = skipSpace(t, i + 1);
  const valueEnd = list ? bytes[i] === OPEN_BRACKET ? pastStrings(t, i) : -1 : bytes[i] === QUOTE ? pastString(t, i) : -1;
  if (valueEnd < 0) return void 0;
  const after = skipSpace(t, valueEnd);
  const closer = bytes[after];
  if (closer !== COMMA && closer !== CLOSE_BRACE) return void 0;
  return {
    key,
    comma: opener === COMMA ? before : -1,
    valueEnd,
    pastComma: closer === COMMA ? after + 1 : -1
  };
}
function membersOf(t, key, from) {
  const list = key === REFERENCES;
  const found = [];
  for (let at = t.bytes.indexOf(key, from); at >= 0 && at < t.end; ) {
    const member = t.bytes[at - 1] === QUOTE ? memberAt(t, at - 1, key.length + 1, list) : void 0;
    if (member) found.push(member);
    at = t.bytes.indexOf(key, member ? member.valueEnd : at + key.length);
  }
  return found;
}
function cutUnreadFields(bytes, length) {
  const results = bytes.indexOf(RESULTS);
  if (results < 0 || results >= length) return length;
  const words = bytes.byteOffset % 4 === 0 ? new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length >> 2) : void 0;
  const t = { bytes, words, end: length };
  const descriptions = membersOf(t, DESCRIPTION, results);
  const references = membersOf(t, REFERENCES, results);
  if (!descriptions.length && !references.length) return length;
  let to = -1;
  let from = 0;
  let cutEnd = 0;
  let d = 0;
  let r = 0;
  for (; ; ) {
    const a = descriptions[d];
    const b = references[r];
    const m = a && (!b || a.key < b.key) ? a : b;
    if (!m) break;
    if (m === a) d++;
    else r++;
    if (m.key < cutEnd) continue;
    const cutFromComma = m.comma >= cutEnd;
    const start = cutFromComma ? m.comma : m.key;
    const end = cutFromComma || m.pastComma < 0 ? m.valueEnd : m.pastComma;
    if (to < 0) to = start;
    else {
      bytes.copyWithin(to, from, start);
      to += start - from;
    }
    from = end;
    cutEnd = end;
  }
  bytes.copyWithin(to, from, length);
  return to + length - from;
}

// scanners/trivy/parse.ts
var TrivyReportError = class extends Error {
  constructor(source, message) {
    super(`Trivy report ${source}: ${message}`);
    this.source = source;
    this.name = "TrivyReportError";
  }
  source;
};
function otherFormat(root) {
  if (typeof root !== "object" || root === null) return void 0;
  const r = root;
  if (typeof r.$schema === "string" && r.$schema.includes("sarif")) return "SARIF";
  if (r.bomFormat === "CycloneDX") return "CycloneDX SBOM";
  if (typeof r.spdxVersion === "string") return "SPDX SBOM";
  if ("manifests" in r && "detector" in r) return "GitHub dependency snapshot";
  return void 0;
}
var isObject2 = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
var FINDING_LISTS = {
  Vulnerabilities: TrivyVulnerability,
  Secrets: TrivySecret,
  Misconfigurations: TrivyMisconfiguration
};
function findingName(root, path) {
  const [results, r, list, i] = path;
  if (results !== "Results" || !(typeof list === "string" && list in FINDING_LISTS))
    return void 0;
  const entry = root.Results?.[r]?.[list];
  const f = Array.isArray(entry) ? entry[i] : void 0;
  if (!isObject2(f)) return void 0;
  const id = [f.VulnerabilityID, f.RuleID, f.ID, f.AVDID].find((v) => typeof v === "string");
  const pkg = typeof f.PkgName === "string" ? ` in ${f.PkgName}` : "";
  return id ? `${id}${pkg}` : void 0;
}
function describeIssues(error2, root) {
  const shown = error2.issues.slice(0, 3).map((issue) => {
    const where = issue.path.length ? issue.path.join(".") : "(root)";
    const name = findingName(root, issue.path);
    return `${where}${name ? ` (${name})` : ""}: ${issue.message}`;
  });
  const more = error2.issues.length > 3 ? ` (and ${error2.issues.length - 3} more)` : "";
  return shown.join("; ") + more;
}
var lowerCaseMaps = /* @__PURE__ */ new WeakMap();
function miscasedKey(obj, known) {
  let maps = lowerCaseMaps.get(known);
  if (!maps) {
    maps = { exact: new Set(known), byLower: new Map(known.map((k) => [k.toLowerCase(), k])) };
    lowerCaseMaps.set(known, maps);
  }
  const { exact, byLower } = maps;
  for (const key in obj) {
    if (exact.has(key)) continue;
    const expected = byLower.get(key.toLowerCase());
    if (expected && expected !== key) return { key, expected };
  }
  return void 0;
}
var REPORT_KEYS = Object.keys(TrivyReport.shape);
var RESULT_KEYS = Object.keys(TrivyResult.shape);
var ENTRY_KEYS = Object.fromEntries(
  Object.entries(FINDING_LISTS).map(([list, schema]) => [list, Object.keys(schema.shape)])
);
function checkSpelling(root) {
  const miscased = (where, found) => `${where}"${found.key}" is not a Trivy field; Trivy writes "${found.expected}". Shipgate reads only Trivy's own spelling, so it cannot tell what this report holds.`;
  const problem = miscasedKey(root, REPORT_KEYS);
  if (problem) return miscased("", problem);
  const results = Array.isArray(root.Results) ? root.Results : [];
  for (const [r, result] of results.entries()) {
    if (!isObject2(result)) continue;
    const inResult = miscasedKey(result, RESULT_KEYS);
    if (inResult) return miscased(`Results.${r}: `, inResult);
    for (const list of FINDING_LIST_NAMES) {
      const entries = Array.isArray(result[list]) ? result[list] : [];
      const keys = ENTRY_KEYS[list];
      for (let i = 0; i < entries.length; i++) {
        const entry = entries[i];
        if (!isObject2(entry)) continue;
        const inEntry = miscasedKey(entry, keys);
        if (inEntry) return miscased(`Results.${r}.${list}.${i}: `, inEntry);
      }
    }
  }
  return void 0;
}
var CANONICAL_SEVERITY = new Set(SEVERITIES);
var verbatim = /* @__PURE__ */ new WeakSet();
function readsAsWritten(root) {
  const os = isObject2(root.Metadata) ? root.Metadata.OS : void 0;
  if (isObject2(os) && os.Name === void 0) return false;
  const results = Array.isArray(root.Results) ? root.Results : [];
  for (const result of results) {
    if (!isObject2(result) || result.Target === void 0) return false;
    for (const list of ["Vulnerabilities", "Secrets", "Misconfigurations"]) {
      const entries = result[list];
      if (!Array.isArray(entries)) continue;
      for (const entry of entries) {
        if (!CANONICAL_SEVERITY.has(entry?.Severity)) return false;
        if (list === "Vulnerabilities" && entry.InstalledVersion === void 0) return false;
      }
    }
  }
  return true;
}
function isVerbatim(report) {
  return verbatim.has(report);
}
function parseTrivyReport(text, source, written = text.length) {
  if (text.trim() === "") {
    throw new TrivyReportError(source, "is empty. Trivy printed nothing: check its log above.");
  }
  noteParsed(written);
  beforeLargeParse(written);
  let root;
  try {
    root = JSON.parse(text);
  } catch (error2) {
    const head = text.trim().slice(0, 80).replace(/\s+/g, " ");
    throw new TrivyReportError(
      source,
      `is not JSON (${error2.message}); it starts with "${head}". Produce it with \`trivy image --format json\`.`
    );
  }
  if (Array.isArray(root)) {
    throw new TrivyReportError(
      source,
      "is a bare array (SchemaVersion 1, Trivy older than 0.19), not a Trivy report: Shipgate reads the object Trivy 0.19 and later writes, with SchemaVersion 2 and ArtifactName. Re-run `trivy image --format json` with a current Trivy."
    );
  }
  const other = otherFormat(root);
  if (other) {
    throw new TrivyReportError(
      source,
      `is a ${other}, not a Trivy JSON report. Pass the report of \`trivy image --format json\` instead; Shipgate derives SARIF and SBOMs from it.`
    );
  }
  if (!isObject2(root)) {
    throw new TrivyReportError(
      source,
      "is not a Trivy JSON report: expected an object with SchemaVersion 2 and ArtifactName, from `trivy image --format json`."
    );
  }
  const spelling = checkSpelling(root);
  if (spelling) throw new TrivyReportError(source, spelling);
  if (!("SchemaVersion" in root)) {
    throw new TrivyReportError(
      source,
      "has no SchemaVersion: expected SchemaVersion 2 and ArtifactName, as `trivy image --format json` (Trivy 0.19 and later) writes them."
    );
  }
  if (root.SchemaVersion !== 2) {
    throw new TrivyReportError(
      source,
      `has SchemaVersion ${JSON.stringify(root.SchemaVersion)}; Shipgate reads SchemaVersion 2 (Trivy 0.19 and later).`
    );
  }
  if (typeof root.ArtifactName !== "string" || root.ArtifactName.trim() === "") {
    throw new TrivyReportError(
      source,
      "has no ArtifactName: every report of `trivy image --format json` names the image it describes. Pass the report Trivy wrote, unedited."
    );
  }
  const asWritten = readsAsWritten(root);
  const detached = detachAcceptedLists(root);
  const parsed = TrivyReport.safeParse(root, { jitless: true });
  if (!parsed.success) {
    throw new TrivyReportError(
      source,
      `does not look like Trivy's JSON report: ${describeIssues(parsed.error, root)}.`
    );
  }
  for (const { result, list, entries } of detached) {
    const out = parsed.data.Results?.[result];
    if (out) out[list] = entries;
  }
  const modified = checkModifiedFindings(parsed.data);
  if (modified) throw new TrivyReportError(source, modified);
  if (asWritten) verbatim.add(parsed.data);
  return parsed.data;
}
function detachAcceptedLists(root) {
  const detached = [];
  if (!Array.isArray(root.Results)) return detached;
  for (const [r, result] of root.Results.entries()) {
    if (!isObject2(result)) continue;
    for (const list of FINDING_LIST_NAMES) {
      const entries = result[list];
      if (!Array.isArray(entries) || entries.length === 0) continue;
      if (!acceptInPlace(list, entries)) continue;
      result[list] = [];
      detached.push({ result: r, list, entries });
    }
  }
  return detached;
}
var MODIFIED_TYPES = {
  vulnerability: TrivyVulnerability,
  secret: TrivySecret,
  misconfiguration: TrivyMisconfiguration,
  license: looseObject({ Name: string2() })
};
function checkModifiedFindings(report) {
  for (const [r, result] of (report.Results ?? []).entries()) {
    for (const [i, m] of (result.ExperimentalModifiedFindings ?? []).entries()) {
      const where = `Results.${r}.ExperimentalModifiedFindings.${i}`;
      const refuse = (what) => `${where} ${what}; Shipgate cannot tell which finding it set aside, so it refuses the report rather than count nothing. Pass the report Trivy wrote, unedited.`;
      const schema = MODIFIED_TYPES[m.Type];
      if (!schema || !Object.hasOwn(MODIFIED_TYPES, m.Type ?? "")) {
        return refuse(
          `has Type ${JSON.stringify(m.Type ?? null)}, not one of ${Object.keys(MODIFIED_TYPES).join(", ")}`
        );
      }
      if (typeof m.Status !== "string" || m.Status.trim() === "") return refuse("has no Status");
      const finding = schema.safeParse(m.Finding);
      if (!finding.success) {
        const issue = finding.error.issues[0];
        return refuse(
          `holds a ${m.Type} Finding Shipgate cannot read (${issue ? `${issue.path.join(".") || "(root)"}: ${issue.message}` : "not an object"})`
        );
      }
      m.Finding = finding.data;
    }
  }
  return void 0;
}
var cut = /* @__PURE__ */ new WeakSet();
function holdsEverything(report) {
  return !cut.has(report);
}
async function readTrivyReport(path, options = {}) {
  let text;
  let written = 0;
  try {
    text = readJsonText(
      path,
      options.all ? void 0 : (bytes, length) => {
        written = length;
        return cutUnreadFields(bytes, length);
      }
    );
  } catch (error2) {
    const code = error2.code;
    const why = code === "ENOENT" ? "does not exist" : `cannot be read (${code ?? error2})`;
    throw new TrivyReportError(path, `${why}. Check the \`trivy-report\` path.`);
  }
  const report = parseTrivyReport(text, path, Math.max(written, text.length));
  if (!options.all) cut.add(report);
  return report;
}

createRequire(import.meta.url);

// src/sign/identity.ts
var MISSING_ID_TOKEN_MESSAGE = "Keyless signing needs a GitHub OIDC token, but ACTIONS_ID_TOKEN_REQUEST_URL / ACTIONS_ID_TOKEN_REQUEST_TOKEN are not set. Add\n    permissions:\n      id-token: write\nto the job that runs Shipgate (a job-level 'permissions:' block replaces the workflow-level one; a reusable workflow needs it granted by its caller). Pull requests from forks never receive an OIDC token and cannot sign: run signing on push/release, or set 'sign: false' for fork PRs.";
var MissingIdTokenPermissionError = class extends Error {
  name = "MissingIdTokenPermissionError";
  constructor() {
    super(MISSING_ID_TOKEN_MESSAGE);
  }
};
var IdentityTokenError = class extends Error {
  name = "IdentityTokenError";
};
function staticIdentity(token) {
  return {
    preflight() {
      if (!token) {
        throw new IdentityTokenError(
          "Keyless signing needs an OIDC token: run inside GitHub Actions with 'permissions: id-token: write', or set SIGSTORE_ID_TOKEN to a token with audience 'sigstore'."
        );
      }
    },
    async getToken() {
      this.preflight();
      return token;
    }
  };
}
function tokenClaims(token) {
  const payload = token.split(".")[1];
  if (!payload) throw new IdentityTokenError("The OIDC token is not a JWT (no payload part).");
  try {
    return JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    throw new IdentityTokenError("The OIDC token is not a JWT (its payload is not JSON).");
  }
}

createRequire(import.meta.url);

// src/sign/settings.ts
var PUBLIC_GOOD = {
  fulcioURL: "https://fulcio.sigstore.dev",
  rekorURL: "https://rekor.sigstore.dev",
  tsaURL: void 0
};
var SBOM_FORMATS = ["cyclonedx", "spdx-json", "none"];
var SIGNATURE_FORMATS = ["both", "cosign", "bundle"];
var REKOR_VERSIONS = ["1", "2"];
var SigningInputError = class extends Error {
  constructor(input, message) {
    super(message);
    this.input = input;
  }
  input;
  name = "SigningInputError";
};
function given(value) {
  const trimmed = value?.trim();
  return trimmed ? trimmed : void 0;
}
function bool(raw, name) {
  const value = given(raw[name]);
  if (value === void 0) return void 0;
  if (/^(true|yes|on|1)$/i.test(value)) return true;
  if (/^(false|no|off|0)$/i.test(value)) return false;
  throw new SigningInputError(
    name,
    `Input '${name}' must be true or false, got ${JSON.stringify(value)}.`
  );
}
function oneOf(raw, name, allowed, fallback) {
  const value = given(raw[name]);
  if (value === void 0) return fallback;
  const lower = value.toLowerCase();
  if (allowed.includes(lower)) return lower;
  throw new SigningInputError(
    name,
    `Input '${name}' must be one of ${allowed.join(", ")}, got ${JSON.stringify(value)}.`
  );
}
function serviceURL(raw, name) {
  const value = given(raw[name]);
  if (value === void 0) return void 0;
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new SigningInputError(
      name,
      `Input '${name}' must be a URL such as https://fulcio.example.com, got ${JSON.stringify(value)}.`
    );
  }
  if (url.protocol !== "https:" && !(url.protocol === "http:" && isLoopbackHost(url.host))) {
    throw new SigningInputError(
      name,
      `Input '${name}' must use https:// (plain http is accepted for 127.0.0.1/localhost only), got ${JSON.stringify(value)}.`
    );
  }
  return value.replace(/\/+$/, "");
}
function isPublicGoodRekor(url) {
  const host = new URL(url).hostname;
  const publicHost = new URL(PUBLIC_GOOD.rekorURL).hostname;
  return host === publicHost || host.endsWith(`.${publicHost}`);
}
function isPublicGoodFulcio(url) {
  return new URL(url).hostname === new URL(PUBLIC_GOOD.fulcioURL).hostname;
}
function privacyRefusal(visibility) {
  const what = visibility ? `a ${visibility} repository` : "a repository whose visibility is unknown";
  return `Refusing to sign from ${what} with the public Sigstore transparency log: the Rekor entry and the Fulcio certificate publish the repository name, the workflow path and the git ref, forever. Either opt in with 'public-transparency-log: true', or point 'rekor-url' and 'fulcio-url' (and 'trusted-root') at a private Sigstore instance.`;
}
function readSigningSettings(raw, context = {}) {
  const sign = bool(raw, "sign") ?? false;
  const sbomFormat = oneOf(raw, "sbom-format", SBOM_FORMATS, "cyclonedx");
  const attestSbomInput = bool(raw, "attest-sbom");
  const attestVulnInput = bool(raw, "attest-vulnerabilities");
  const attestVerdictInput = bool(raw, "attest-verdict");
  const rekorVersion = Number(oneOf(raw, "rekor-version", REKOR_VERSIONS, "1"));
  const signatureFormat = oneOf(
    raw,
    "signature-format",
    SIGNATURE_FORMATS,
    rekorVersion === 2 ? "bundle" : "both"
  );
  const fulcioURL = serviceURL(raw, "fulcio-url");
  const rekorURL = serviceURL(raw, "rekor-url");
  const tsaURL = serviceURL(raw, "tsa-url");
  const publicLogOptIn = bool(raw, "public-transparency-log");
  const trustedRootPath = given(raw["trusted-root"]);
  if (!sign) {
    for (const name of [
      "attest-sbom",
      "attest-vulnerabilities",
      "attest-verdict",
      "github-attestations"
    ]) {
      if (bool(raw, name) === true) {
        throw new SigningInputError(
          name,
          `Input '${name}: true' needs 'sign: true': attestations are signed with the workflow's keyless identity. Set 'sign: true' (and 'permissions: id-token: write'), or remove '${name}'.`
        );
      }
    }
    return { sign: false, sbomFormat };
  }
  if (sbomFormat === "none" && attestSbomInput === true) {
    throw new SigningInputError(
      "attest-sbom",
      "Input 'attest-sbom: true' needs an SBOM, but 'sbom-format' is none. Set 'sbom-format' to cyclonedx or spdx-json, or 'attest-sbom: false'."
    );
  }
  if (rekorVersion === 2 && signatureFormat !== "bundle") {
    throw new SigningInputError(
      "signature-format",
      `Input 'signature-format: ${signatureFormat}' cannot be used with 'rekor-version: 2': cosign's classic .sig/.att layout carries Rekor's SignedEntryTimestamp (the dev.sigstore.cosign/bundle annotation), and Rekor v2 issues none. Set 'signature-format: bundle' (or remove it), or keep 'rekor-version: 1' for admission controllers that read only .sig/.att (policy-controller's default, Kyverno ClusterPolicy).`
    );
  }
  const endpoints = {
    fulcioURL: fulcioURL ?? PUBLIC_GOOD.fulcioURL,
    rekorURL: rekorURL ?? PUBLIC_GOOD.rekorURL
  };
  if (tsaURL) endpoints.tsaURL = tsaURL;
  const customFulcio = !isPublicGoodFulcio(endpoints.fulcioURL);
  const publicRekor = isPublicGoodRekor(endpoints.rekorURL);
  if (customFulcio === publicRekor) {
    throw new SigningInputError(
      customFulcio ? "rekor-url" : "fulcio-url",
      `Inputs 'fulcio-url' (${endpoints.fulcioURL}) and 'rekor-url' (${endpoints.rekorURL}) mix the public Sigstore instance with a private one. Set both to the same instance.`
    );
  }
  if (customFulcio && !trustedRootPath) {
    throw new SigningInputError(
      "trusted-root",
      "A private Sigstore instance ('fulcio-url'/'rekor-url') needs 'trusted-root': the path to its trusted_root.json, so Shipgate can check its own signatures and 'shipgate verify' can check them later."
    );
  }
  const useSigningConfig = !fulcioURL && !rekorURL && !tsaURL;
  if (rekorVersion === 2 && !useSigningConfig && !tsaURL) {
    throw new SigningInputError(
      "tsa-url",
      "Input 'rekor-version: 2' needs 'tsa-url': Rekor v2 returns no signed entry time, so a timestamp authority's RFC 3161 timestamp is the only proof the short-lived certificate was valid when signing. Set 'tsa-url' (public Sigstore: https://timestamp.sigstore.dev/api/v1/timestamp), or give no service URL at all to take them from the public signing config."
    );
  }
  if (publicRekor && context.repositoryVisibility !== "public" && publicLogOptIn !== true) {
    throw new SigningInputError(
      "public-transparency-log",
      privacyRefusal(context.repositoryVisibility)
    );
  }
  const settings = {
    sign: true,
    sbomFormat,
    attestSbom: attestSbomInput ?? sbomFormat !== "none",
    attestVulnerabilities: attestVulnInput ?? true,
    attestVerdict: attestVerdictInput ?? true,
    githubAttestations: bool(raw, "github-attestations") ?? false,
    signatureFormat,
    rekorVersion,
    endpoints,
    useSigningConfig,
    publicTransparencyLog: publicRekor,
    publicTransparencyLogOptIn: publicLogOptIn === true
  };
  if (trustedRootPath) settings.trustedRootPath = trustedRootPath;
  return settings;
}

createRequire(import.meta.url);

var chunk6B7IDJHO = /*#__PURE__*/Object.freeze({
  __proto__: null,
  actionLogger: actionLogger,
  actionRegistryLogin: actionRegistryLogin,
  getInput: getInput2,
  info: info2,
  runUrl: runUrl,
  trivyCacheDir: trivyCacheDir
});

createRequire(import.meta.url);

// src/action/trivy.ts
function trivyServer(s) {
  const token = getInput2(TRIVY_SERVER_TOKEN_INPUT);
  if (token) setSecret(token);
  if (!s.trivyServer) {
    if (token) {
      throw new Error(
        `Input \`${TRIVY_SERVER_TOKEN_INPUT}\` is set but \`${TRIVY_SERVER_INPUT}\` is not: give the server URL, or remove the token.`
      );
    }
    return void 0;
  }
  return trivyServerWithToken(s.trivyServer, token || void 0, s.trivyServerTokenHeader);
}
function trivyProvider(settings, opts = {}) {
  const s = settings ? valuesOf(settings) : { trivyServerTokenHeader: DEFAULT_TOKEN_HEADER, maxDbAge: "48h", javaDb: "auto" };
  let handle;
  return () => {
    handle ??= (async () => {
      const server = trivyServer(s);
      const { createToolCacheAdapter, programExec, installTrivy } = await Promise.resolve().then(function () { return chunk4KYBWE52; });
      const installed = await group(
        "Install Trivy",
        () => installTrivy(
          { version: getInput2("trivy-version"), checksum: getInput2("trivy-checksum") },
          {
            toolCache: createToolCacheAdapter(),
            exec: programExec,
            logger: actionLogger,
            env: process.env
          }
        )
      );
      info(`Trivy ${installed.version} from ${installed.source}: ${installed.path}`);
      const login = actionRegistryLogin();
      const cacheDir = trivyCacheDir();
      if (getInput2("trivy-report"))
        return { path: installed.path, skipDbUpdate: false, cacheDir, login };
      const dbModule = await import('./chunk-ByKyp5R4.js');
      const { createActionsCacheAdapter, parseDbRepositories, prepareTrivyDb, TrivyDbError } = dbModule;
      const maxAge = maxDbAgeMs(s.maxDbAge);
      const useCache = parseBoolean(getInput2("cache-db"), "cache-db", true);
      const javaDb = javaDbGate(installed.path, cacheDir, useCache, dbModule, programExec);
      if (s.javaDb === "always") await javaDb.ensure();
      if (server) {
        server.maxDbAgeMs = maxAge;
        const meta = await serverDbMetadata(server);
        const db2 = checkDbAge(meta, maxAge, /* @__PURE__ */ new Date(), "server");
        info(`Trivy server ${server.url}: vulnerability DB built ${db2.ageHours} h ago`);
        return { path: installed.path, skipDbUpdate: false, cacheDir, login, server, javaDb, db: db2 };
      }
      const prepared = await group(
        "Prepare the vulnerability DB",
        () => prepareTrivyDb(
          {
            trivyPath: installed.path,
            cacheDir,
            repositories: parseDbRepositories(getInput2("db-repository")),
            useCache
          },
          {
            cache: createActionsCacheAdapter(),
            exec: programExec,
            logger: actionLogger,
            now: /* @__PURE__ */ new Date()
          }
        )
      );
      if (prepared.stale && opts.requireFreshDb) {
        throw new TrivyDbError(
          "download-failed",
          `The Trivy DB could not be refreshed and only an older cached one (${prepared.restoredFrom}) is available; a rescan does not judge shipped images with it (a finding missing from the old DB would close its issue). Run again later, or set \`db-repository\` to a mirror you can reach.`
        );
      }
      const info2 = await localVersionInfo(installed.path, prepared.cacheDir, programExec);
      const db = checkDbAge(info2.vulnerabilityDb, maxAge, /* @__PURE__ */ new Date(), "local");
      info(`Vulnerability DB built ${db.ageHours} h ago (max-db-age ${s.maxDbAge})`);
      return {
        path: installed.path,
        skipDbUpdate: prepared.ready,
        cacheDir: prepared.cacheDir,
        login,
        javaDb,
        db
      };
    })();
    return handle;
  };
}
function javaDbGate(trivyPath, cacheDir, useCache, { createActionsCacheAdapter, prepareTrivyDb }, programExec) {
  let ready;
  return {
    ensure() {
      ready ??= group("Prepare the Java DB", async () => {
        await prepareTrivyDb(
          { kind: "java", trivyPath, cacheDir, useCache },
          {
            cache: createActionsCacheAdapter(),
            exec: programExec,
            logger: actionLogger,
            now: /* @__PURE__ */ new Date()
          }
        );
      });
      return ready;
    }
  };
}

createRequire(import.meta.url);

// src/vex/comparison.ts
function notFixedByVex(comparison, suppressed) {
  const keys = new Set(suppressed.flatMap((s) => s.key ? [s.key] : []));
  if (!keys.size) return comparison;
  return { ...comparison, fixed: comparison.fixed.filter((f) => !keys.has(f.key)) };
}

createRequire(import.meta.url);

// src/layers/attribute.ts
function prefixMismatch(base, image) {
  if (base.length === 0) return void 0;
  if (base.length > image.length) {
    return `it has ${base.length} layers and the image only ${image.length}`;
  }
  const at = base.findIndex((d, i) => image[i] !== d);
  if (at === -1) return void 0;
  return `its layer ${at + 1} (${base[at]}) is not the image's layer ${at + 1} (${image[at] ?? "none"})`;
}
var CLOSING = /^(\/bin\/sh -c #\(nop\)\s+)?(CMD|ENTRYPOINT)\b/;
function baseLayersFromHistory(history, layerCount) {
  if (!history?.length) return { unknown: "the image config has no history" };
  const layerEntries = history.filter((h) => !h.empty_layer).length;
  if (layerEntries !== layerCount) {
    return {
      unknown: `the config history lists ${layerEntries} layer-creating steps for ${layerCount} layers, so it cannot say which layers are whose`
    };
  }
  let tail = history.length;
  while (tail > 0 && CLOSING.test(history[tail - 1]?.created_by?.trim() ?? "")) tail--;
  const closings = [];
  for (let i = 0; i < tail; i++) {
    if (CLOSING.test(history[i]?.created_by?.trim() ?? "")) closings.push(i);
  }
  if (closings.length === 0) {
    return {
      unknown: "the config history has no CMD or ENTRYPOINT step before the image\u2019s own steps, so where its base ends is not recorded"
    };
  }
  const boundary = closings[closings.length - 1];
  const before = history.slice(0, boundary + 1).filter((h) => !h.empty_layer).length;
  const after = layerCount - before;
  if (before === 0 || after === 0) {
    return { unknown: "the config history puts every layer on one side of its last CMD/ENTRYPOINT" };
  }
  if (!history[boundary]?.empty_layer) {
    return { unknown: "the config history has a CMD/ENTRYPOINT step that created a layer" };
  }
  return { layers: before };
}
function attributeFindings(findings, imageLayers, baseLayers) {
  const counts = { fromBase: 0, fromApp: 0, unattributed: 0 };
  const positions = /* @__PURE__ */ new Map();
  for (const [i, d] of (imageLayers ?? []).entries()) {
    const at = positions.get(d);
    if (at) at.push(i);
    else positions.set(d, [i]);
  }
  for (const f of findings) {
    const diffId = f.layer?.diffId ?? null;
    const layer = { diffId, fromBase: judge$1(diffId, positions, baseLayers) };
    if (layer.fromBase === true) counts.fromBase++;
    else if (layer.fromBase === false) counts.fromApp++;
    else counts.unattributed++;
    f.layer = layer;
  }
  return { findings, counts };
}
function judge$1(diffId, positions, baseLayers) {
  if (diffId === null || baseLayers === void 0) return null;
  const at = positions.get(diffId);
  if (!at) return null;
  const inBase = at.some((i) => i < baseLayers);
  const inApp = at.some((i) => i >= baseLayers);
  if (inBase && inApp) return null;
  return inBase;
}

createRequire(import.meta.url);

// src/policy/collate.ts
var PRIMARY = " _-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$0123456789aAbBcCdDeEfFgGhHiIjJkKlLmMnNoOpPqQrRsStTuUvVwWxXyYzZ";
var isUpper = (c) => c >= 65 && c <= 90;
var WEIGHT = new Int16Array(128).fill(-1);
{
  let w = 0;
  for (let i = 0; i < PRIMARY.length; i++) {
    const ch = PRIMARY.charCodeAt(i);
    WEIGHT[ch] = isUpper(ch) ? w - 1 : w++;
  }
}
var collator;
var icuForAll = false;
function collatorCompare(a, b) {
  collator ??= new Intl.Collator("en");
  return collator.compare(a, b);
}
function expectComparisons(count) {
  if (count <= 2e3) return;
  collator ??= new Intl.Collator("en");
  icuForAll = true;
}
function collate(a, b) {
  if (icuForAll) return collatorCompare(a, b);
  const n = Math.min(a.length, b.length);
  let caseOrder = 0;
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    const wx = x < 128 ? WEIGHT[x] : -1;
    const wy = y < 128 ? WEIGHT[y] : -1;
    if (wx < 0 || wy < 0) return collatorCompare(a, b);
    if (wx !== wy) {
      return onlyPrintable(a, i) && onlyPrintable(b, i) ? wx - wy : collatorCompare(a, b);
    }
    if (caseOrder === 0 && x !== y) caseOrder = isUpper(x) ? 1 : -1;
  }
  if (!onlyPrintable(a, n) || !onlyPrintable(b, n)) return collatorCompare(a, b);
  if (a.length !== b.length) return a.length - b.length;
  return caseOrder;
}
function onlyPrintable(s, from) {
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128 || WEIGHT[c] < 0) return false;
  }
  return true;
}

// src/policy/match.ts
function canonicalId(id) {
  return id.toUpperCase().replace(/^AVD-/, "").replace(/^([A-Z]+)-?0*(\d+)$/, "$1-$2");
}
function globToRegExp(glob) {
  let re = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === "*") {
      if (glob[i + 1] === "*") {
        re += ".*";
        i++;
      } else re += "[^/]*";
    } else if (c === "?") re += "[^/]";
    else re += c.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${re}$`);
}
function pathMatches(globs, finding) {
  const candidates2 = [finding.target];
  if (finding.kind === "vulnerability" && finding.pkgPath) candidates2.push(finding.pkgPath);
  return globs.some((g) => {
    const re = globToRegExp(g.replace(/^\.\//, ""));
    return candidates2.some((c) => re.test(c.replace(/^\.?\//, "")));
  });
}
function ruleMatches(rule, finding) {
  if (!rule.kinds.includes(finding.kind)) return false;
  const same = finding.kind === "misconfiguration" ? canonicalId(rule.id) === canonicalId(finding.id) : rule.id === finding.id;
  if (!same) return false;
  if (rule.paths && !pathMatches(rule.paths, finding)) return false;
  if (rule.packages && (finding.kind !== "vulnerability" || !rule.packages.includes(finding.pkgName)))
    return false;
  if (rule.purls) {
    const purl = finding.kind === "vulnerability" ? finding.purl : void 0;
    if (!purl || !rule.purls.some((p) => p === purl || purl.startsWith(`${p}?`))) return false;
  }
  return true;
}
var EXPIRING_SOON_DAYS = 14;
function isExpiringSoon(rule, now, days = EXPIRING_SOON_DAYS) {
  if (rule.expiresAt === void 0 || isExpired(rule, now)) return false;
  return Date.parse(rule.expiresAt) <= now.getTime() + days * 864e5;
}
function ruleAppliesToImage(rule, image) {
  if (!rule.images) return true;
  const bare = image.replace(/@sha256:[a-f0-9]{64}$/, "");
  return rule.images.some((g) => {
    const re = globToRegExp(g);
    return re.test(image) || re.test(bare);
  });
}
function isExpired(rule, now) {
  return rule.expiresAt !== void 0 && Date.parse(rule.expiresAt) < now.getTime();
}

// src/policy/evaluate.ts
function isBlocking(severity, failOn) {
  return failOn !== "NONE" && severityRank(severity) <= severityRank(failOn);
}
var madeInOrder = /* @__PURE__ */ new WeakMap();
function inEvaluatorOrder(list) {
  return madeInOrder.get(list) === list.length;
}
function compareFindings$1(a, b) {
  const bySeverity = severityRank(a.severity) - severityRank(b.severity);
  if (bySeverity) return bySeverity;
  const fixA = a.kind === "vulnerability" && a.fixable ? 0 : 1;
  const fixB = b.kind === "vulnerability" && b.fixable ? 0 : 1;
  if (fixA !== fixB) return fixA - fixB;
  const scoreA = a.kind === "vulnerability" ? a.cvssScore ?? -1 : -1;
  const scoreB = b.kind === "vulnerability" ? b.cvssScore ?? -1 : -1;
  if (scoreA !== scoreB) return scoreB - scoreA;
  return (a.id === b.id ? 0 : collate(a.id, b.id)) || (a.key === b.key ? 0 : collate(a.key, b.key));
}
function sortFindings(items, of) {
  expectComparisons(items.length);
  const idRank = collationRanks(items.map((i) => of(i).id));
  const byId = /* @__PURE__ */ new Map();
  for (const i of items) {
    const f = of(i);
    const rank = idRank.get(f.id);
    const keys = byId.get(rank);
    if (keys) keys.push(f.key);
    else byId.set(rank, [f.key]);
  }
  const keyRanks = /* @__PURE__ */ new Map();
  for (const [rank, keys] of byId) if (keys.length > 1) keyRanks.set(rank, collationRanks(keys));
  const decorated = items.map((item) => {
    const f = of(item);
    const id = idRank.get(f.id);
    return {
      item,
      severity: severityRank(f.severity),
      fix: f.kind === "vulnerability" && f.fixable ? 0 : 1,
      score: f.kind === "vulnerability" ? f.cvssScore ?? -1 : -1,
      id,
      key: keyRanks.get(id)?.get(f.key) ?? 0
    };
  });
  decorated.sort(
    (a, b) => a.severity - b.severity || a.fix - b.fix || (a.score !== b.score ? b.score - a.score : 0) || a.id - b.id || a.key - b.key
  );
  return decorated.map((d) => d.item);
}
function collationRanks(strings) {
  const distinct = [...new Set(strings)].sort(collate);
  const ranks = /* @__PURE__ */ new Map();
  let rank = 0;
  for (let i = 0; i < distinct.length; i++) {
    if (i > 0 && collate(distinct[i - 1], distinct[i]) !== 0) rank = i;
    ranks.set(distinct[i], rank);
  }
  return ranks;
}
function judge(finding, active, ignoreUnfixed, used) {
  const rule = active.find((r) => ruleMatches(r, finding));
  if (rule) {
    used.add(rule);
    return { finding, ignored: { by: "ignore-file", rule } };
  }
  if (ignoreUnfixed && finding.kind === "vulnerability" && !finding.fixable) {
    return { finding, ignored: { by: "unfixed" } };
  }
  return { finding };
}
function evaluateImage(scan, settings, active, used, baseline, appOnly) {
  const counts = emptyCounts();
  const gated = emptyCounts();
  const fixable = emptyCounts();
  const ignored = emptyCounts();
  let blocking = 0;
  const findings = sortFindings(scan.findings, (f) => f).map(
    (f) => judge(f, active, settings.ignoreUnfixed, used)
  );
  madeInOrder.set(findings, findings.length);
  for (const { finding, ignored: why } of findings) {
    if (why) {
      ignored[finding.severity]++;
      continue;
    }
    counts[finding.severity]++;
    if (finding.kind === "vulnerability" && finding.fixable) fixable[finding.severity]++;
    if (baseline?.has(finding.key)) continue;
    if (appOnly && finding.layer?.fromBase === true) continue;
    gated[finding.severity]++;
    if (isBlocking(finding.severity, settings.failOn)) blocking++;
  }
  return {
    image: scan.image,
    digest: scan.digest,
    counts,
    fixable,
    ignored,
    findings,
    gated,
    blocking
  };
}
function sumCounts(all) {
  const total = emptyCounts();
  for (const c of all) for (const s of SEVERITIES) total[s] += c[s];
  return total;
}
function describeCounts(counts, only) {
  return SEVERITIES.filter((s) => counts[s] > 0 && (!only || only(s))).map((s) => `${counts[s]} ${s.toLowerCase()}`).join(", ");
}
function reasonFor(verdict, totals, failOn, images, scope = "all") {
  const where = images > 1 ? ` across ${images} images` : "";
  const fresh = scopeHas(scope, "new") ? " new" : "";
  const own = scopeHas(scope, "app") ? " in the image's own layers" : "";
  if (failOn === "NONE") {
    const found = describeCounts(totals);
    return `Passed: fail-on is none${found ? ` (found ${found}${where})` : `; no findings${where}`}`;
  }
  const threshold = failOn.toLowerCase();
  if (verdict === "fail") {
    return `Blocked: ${describeCounts(totals, (s) => isBlocking(s, failOn))}${fresh}${own}${where} at or above the ${threshold} threshold`;
  }
  const below = describeCounts(totals);
  return `Passed: no${fresh} findings${own} at or above ${threshold}${where}${below ? ` (${below}${fresh} below the threshold)` : ""}`;
}
var unexpired = (rules, now) => rules.filter((r) => !isExpired(r, now));
var forImage = (active, image) => active.filter((r) => ruleAppliesToImage(r, image));
function evaluate(scans, settings, baselines, filters = {}) {
  const expiredRules = settings.ignoreRules.filter((r) => isExpired(r, settings.now));
  const active = unexpired(settings.ignoreRules, settings.now);
  const used = /* @__PURE__ */ new Set();
  const scope = scopeOf({ new: baselines !== void 0, app: filters.app });
  const images = scans.map(
    (scan, i) => evaluateImage(
      scan,
      settings,
      forImage(active, scan.image),
      used,
      baselines?.[i],
      filters.app === true
    )
  );
  const totals = sumCounts(images.map((i) => i.counts));
  const verdict = images.some((i) => i.blocking > 0) ? "fail" : "pass";
  return {
    verdict,
    scope,
    reason: reasonFor(
      verdict,
      sumCounts(images.map((i) => i.gated)),
      settings.failOn,
      images.length,
      scope
    ),
    failOn: settings.failOn,
    totals,
    images,
    expiredRules,
    unusedRules: active.filter((r) => !used.has(r)),
    expiringRules: active.filter((r) => isExpiringSoon(r, settings.now, settings.expiringDays))
  };
}
function setAside(scan, settings) {
  const active = forImage(unexpired(settings.ignoreRules, settings.now), scan.image);
  if (!active.length && !settings.ignoreUnfixed) return [];
  const used = /* @__PURE__ */ new Set();
  return scan.findings.filter((f) => judge(f, active, settings.ignoreUnfixed, used).ignored);
}
function finalVerdict(gate, images, errors) {
  let { verdict, reason } = gate;
  const enforced = images.flatMap(
    (img) => img.baseImage?.mode === "enforce" ? img.baseImage.violations.map((v) => `${img.image}: ${v.message}`) : []
  );
  if (enforced.length) {
    const base = `base image: ${enforced[0]}${enforced.length > 1 ? ` (+${enforced.length - 1} more)` : ""}`;
    reason = verdict === "fail" ? `${reason}; ${base}` : `Blocked: ${base}`;
    verdict = "fail";
  }
  if (errors.length) {
    verdict = "fail";
    reason = `Incomplete: ${errors.length} error${errors.length > 1 ? "s" : ""} stopped the scan (${errors[0]?.split("\n")[0]})`;
  }
  return { verdict, reason };
}
function imageReport(report, image, failures = []) {
  const gateVerdict = image.blocking > 0 ? "fail" : "pass";
  const gate = {
    verdict: gateVerdict,
    reason: reasonFor(gateVerdict, image.gated, report.failOn, 1, report.gateScope)
  };
  const own = finalVerdict(gate, [image], []);
  const verdict = failures.length ? "fail" : own.verdict;
  const reason = failures.length ? `Not signed: ${failures[0]}` : own.reason;
  return { ...report, verdict, reason, totals: image.counts, images: [image] };
}

// src/policy/fixes.ts
var zero = () => ({ CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0, UNKNOWN: 0 });
var tokenCache = /* @__PURE__ */ new Map();
function tokens(version) {
  let cached = tokenCache.get(version);
  if (!cached) {
    if (tokenCache.size >= 5e4) tokenCache.clear();
    cached = parseTokens(version);
    tokenCache.set(version, cached);
  }
  return cached;
}
function parseTokens(version) {
  const v = version.trim().replace(/^v(?=\d)/, "");
  const epoch = /^(\d+):/.exec(v);
  const rest = epoch ? v.slice(epoch[0].length) : v;
  const parts = rest.match(/\d+|[A-Za-z]+/g) ?? [];
  return [epoch ? Number(epoch[1]) : 0, ...parts.map((p) => /^\d+$/.test(p) ? Number(p) : p)];
}
function compareVersions(a, b) {
  const x = tokens(a);
  const y = tokens(b);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const p = x[i];
    const q = y[i];
    if (p === q) continue;
    if (p === void 0) return typeof q === "string" ? 1 : -1;
    if (q === void 0) return typeof p === "string" ? -1 : 1;
    if (typeof p === "number" && typeof q === "number") return p - q;
    if (typeof p === "number") return 1;
    if (typeof q === "number") return -1;
    return p < q ? -1 : 1;
  }
  return 0;
}
function candidates(fixedVersion) {
  return fixedVersion.split(/\s*,\s*/).map((s) => s.trim()).filter(Boolean);
}
function nearestFix(installed, listed) {
  const above = listed.filter((c) => compareVersions(c, installed) > 0).sort(compareVersions);
  return above[0];
}
function fixFirst(findings) {
  const byName = /* @__PURE__ */ new Map();
  const groups = [];
  const noFix = zero();
  let noFixTotal = 0;
  for (let n = 0; n < findings.length; n++) {
    const evaluated = findings[n];
    if (evaluated.ignored) continue;
    const finding = evaluated.finding;
    if (finding.kind !== "vulnerability") continue;
    if (!finding.fixable || !finding.fixedVersion) {
      noFix[finding.severity]++;
      noFixTotal++;
      continue;
    }
    const pkgPath = finding.pkgPath ?? "";
    let named = byName.get(finding.pkgName);
    if (!named) {
      named = [];
      byName.set(finding.pkgName, named);
    }
    let group;
    for (let k = 0; k < named.length && !group; k++) {
      const g = named[k];
      if (g.target === finding.target && g.pkgPath === pkgPath && g.installed === finding.installedVersion)
        group = g;
    }
    if (group) group.list.push(finding);
    else {
      const created = {
        target: finding.target,
        pkgPath,
        installed: finding.installedVersion,
        list: [finding]
      };
      named.push(created);
      groups.push(created);
    }
  }
  const judged = /* @__PURE__ */ new Map();
  const judge2 = (installed, fixedVersion) => {
    let byFixed = judged.get(installed);
    if (!byFixed) {
      byFixed = /* @__PURE__ */ new Map();
      judged.set(installed, byFixed);
    }
    let j = byFixed.get(fixedVersion);
    if (!j) {
      const listed = candidates(fixedVersion);
      const ordered = [...new Set(listed)].sort(compareVersions);
      const near = nearestFix(installed, listed);
      j = { listed, ordered, near, pick: near ?? [...listed].sort(compareVersions).at(-1) };
      byFixed.set(fixedVersion, j);
    }
    return j;
  };
  const upgrades = [];
  for (const { list } of groups) {
    const first = list[0];
    const removes = zero();
    let to;
    let exact;
    let fixedIn;
    let ids;
    if (list.length === 1) {
      removes[first.severity]++;
      const { near, pick, ordered } = judge2(first.installedVersion, first.fixedVersion);
      to = pick ?? ordered.join(", ");
      exact = near !== void 0;
      fixedIn = ordered.slice();
      ids = [first.id];
    } else {
      const idSet = /* @__PURE__ */ new Set();
      const fixedSet = /* @__PURE__ */ new Set();
      let allNear = true;
      for (const f of list) {
        removes[f.severity]++;
        idSet.add(f.id);
        const { listed, near, pick } = judge2(f.installedVersion, f.fixedVersion);
        for (const c of listed) fixedSet.add(c);
        if (!near) allNear = false;
        if (pick && (!to || compareVersions(pick, to) > 0)) to = pick;
      }
      exact = allNear;
      to ??= [...fixedSet].join(", ");
      fixedIn = [...fixedSet].sort(compareVersions);
      ids = [...idSet].sort();
    }
    const from = first.installedVersion;
    const total = list.length;
    upgrades.push(
      first.pkgPath ? {
        pkgName: first.pkgName,
        target: first.target,
        pkgPath: first.pkgPath,
        from,
        to,
        exact,
        fixedIn,
        removes,
        total,
        ids
      } : {
        pkgName: first.pkgName,
        target: first.target,
        from,
        to,
        exact,
        fixedIn,
        removes,
        total,
        ids
      }
    );
  }
  upgrades.sort((a, b) => {
    const x = a.removes;
    const y = b.removes;
    return y.CRITICAL - x.CRITICAL || y.HIGH - x.HIGH || y.MEDIUM - x.MEDIUM || y.LOW - x.LOW || y.UNKNOWN - x.UNKNOWN || b.total - a.total || (a.pkgName < b.pkgName ? -1 : a.pkgName > b.pkgName ? 1 : 0);
  });
  return { upgrades, noFix, noFixTotal };
}
function describeUpgrade(u) {
  const what = SEVERITIES.filter((s) => u.removes[s] > 0).map((s) => `${u.removes[s]} ${s.toLowerCase()}`).join(", ");
  const to = u.exact ? u.to : `${u.to} (fixed in ${u.fixedIn.join(", ")})`;
  return `${u.pkgName} ${u.from} \u2192 ${to} fixes ${what}`;
}

// src/render/base-layer-section.ts
var HEADER = ["Severity", "ID", "Package / location", "Installed", "Fixed in"];
function howKnown(l) {
  const base = l.base;
  if (!base) return "";
  const share = `${plural(base.layers, "layer")} of ${l.imageLayers ?? "?"}`;
  switch (base.how) {
    case "dockerfile":
      return `named by the Dockerfile's last \`FROM\`; its ${share} matched by diff_id`;
    case "annotation":
      return `named by the image's \`org.opencontainers.image.base.name\` annotation; its ${share} matched by diff_id`;
    case "label":
      return `named by the image's \`org.opencontainers.image.base.name\` label; its ${share} matched by diff_id`;
    case "history":
      return `inferred from the image's config history (the first ${share}; nothing outside the image confirms it)`;
  }
}
function breakdown(findings) {
  const counts = /* @__PURE__ */ new Map();
  for (const f of findings) counts.set(f.severity, (counts.get(f.severity) ?? 0) + 1);
  return SEVERITIES.filter((s) => counts.has(s)).map((s) => `${counts.get(s)} ${s.toLowerCase()}`).join(", ");
}
var LABEL = {
  CRITICAL: "\u{1F7E5} Critical",
  HIGH: "\u{1F7E7} High",
  MEDIUM: "\u{1F7E8} Medium",
  LOW: "\u{1F7E6} Low",
  UNKNOWN: "\u2B1C Unknown"
};
function row(f) {
  const id = link(escapeMarkdown(f.id), f.url);
  if (f.kind === "vulnerability") {
    return tableRow([
      LABEL[f.severity],
      id,
      f.pkgPath ? `${code(f.pkgName)}<br>${code(f.pkgPath, 80)}` : code(f.pkgName),
      code(f.installedVersion),
      f.fixedVersion ? code(f.fixedVersion, 120) : "_no fix_"
    ]);
  }
  return tableRow([LABEL[f.severity], id, code(f.target, 120), "", ""]);
}
function baseLayerSection(r, scope, rowLimit) {
  const l = r.layerAttribution;
  if (!l) return "";
  const app = scopeHas(scope, "app");
  if (!l.base) {
    if (!app) return "";
    return `**Base image layers**: unknown (${escapeInline(l.unknown ?? "no source named it", 300)}), so every finding counts as the image's own for \`fail-on-scope: app\`.`;
  }
  const fromBase = r.findings.filter((e) => !e.ignored && e.finding.layer?.fromBase === true).map((e) => e.finding);
  const name = l.base.ref ? code(l.base.ref, 300) : "(unnamed)";
  const summary = `From the base image ${name}: ${fromBase.length}${fromBase.length ? ` (${breakdown(fromBase)})` : ""}${app && fromBase.length ? ", not gated (<code>fail-on-scope: app</code>)" : ""}`;
  const digest = l.base.digest && !l.base.ref?.includes(l.base.digest) ? ` ${code(l.base.digest)}` : "";
  const lines = [`Base${digest} ${howKnown(l)}.`];
  const target = r.baseImage?.recommendedBase;
  if (target && fromBase.length) {
    lines.push(
      `**Fixed by moving to ${code(target, 300)}** (the base-image check's recommendation): these findings sit in the layers it replaces. Its own findings are not measured here.`
    );
  }
  if (l.unattributed > 0) {
    lines.push(
      `${plural(l.unattributed, "finding")} without a layer Shipgate could place ${l.unattributed === 1 ? "counts" : "count"} as the image's own.`
    );
  }
  if (fromBase.length === 0) return `**${summary}**. ${lines.join(" ")}`;
  const shown = fromBase.slice(0, Math.max(1, rowLimit));
  const table2 = [tableRow(HEADER), tableRow(HEADER.map(() => "---")), ...shown.map(row)];
  if (shown.length < fromBase.length) {
    table2.push("", `_\u2026and ${fromBase.length - shown.length} more in the JSON report._`);
  }
  return details(summary, `${lines.join("\n\n")}

${table2.join("\n")}`);
}

// src/render/distinguish.ts
function visible(f, shortPath2) {
  switch (f.kind) {
    case "vulnerability":
      return `v\0${f.id}\0${f.pkgName}\0${f.installedVersion}\0${shortPath2(f.pkgPath ?? "")}`;
    case "secret":
    case "misconfiguration":
      return `${f.kind}\0${f.id}\0${f.target}\0${f.startLine ?? ""}`;
  }
}
function distinguishers(findings, shortPath2 = (p) => p) {
  const groups = /* @__PURE__ */ new Map();
  for (const f of findings) {
    const key = visible(f, shortPath2);
    const group = groups.get(key);
    if (group) group.push(f);
    else groups.set(key, [f]);
  }
  const out = /* @__PURE__ */ new Map();
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const targets = new Set(group.map((f) => f.target));
    const paths = new Set(group.map((f) => f.kind === "vulnerability" ? f.pkgPath ?? "" : ""));
    const ids = new Set(group.map((f) => f.kind === "vulnerability" ? f.pkgId : ""));
    for (const f of group) {
      const parts = [];
      if (targets.size > 1) parts.push(f.target);
      if (f.kind === "vulnerability") {
        if (paths.size > 1 && f.pkgPath) parts.push(f.pkgPath);
        else if (targets.size === 1 && ids.size > 1) parts.push(f.pkgId);
      }
      if (parts.length) out.set(f, parts);
    }
  }
  return out;
}

// src/render/platforms.ts
var PLATFORM_HEADER = "Platform";
function scannedPlatforms(report) {
  return (report.platforms ?? []).map((p) => p.platform);
}
function platformCell(report, format = "markdown") {
  const all = scannedPlatforms(report);
  if (all.length < 2) return void 0;
  const everywhere = (f) => all.every((p) => f.platforms?.includes(p));
  if (report.findings.every((e) => everywhere(e.finding))) return void 0;
  const md = format === "markdown";
  return (f) => everywhere(f) ? md ? "_all_" : "all" : all.filter((p) => f.platforms?.includes(p)).map((p) => md ? code(p) : p).join(md ? "<br>" : ",") || (md ? "_unknown_" : "?");
}
function platformsText(report) {
  const platforms = report.platforms ?? [];
  if (platforms.length === 0) return "";
  return `platforms: ${platforms.map(
    (p) => `${p.platform} ${p.verdict === "fail" ? "FAIL" : "pass"}${p.blocking > 0 ? ` (${p.blocking} blocking)` : ""}`
  ).join(", ")}`;
}
function platformsLine(report) {
  const platforms = report.platforms ?? [];
  if (platforms.length === 0) return "";
  const parts = platforms.map(
    (p) => `${code(p.platform)} ${p.verdict === "fail" ? "\u274C" : "\u2705"}${p.blocking > 0 ? ` ${p.blocking} blocking` : ""}`
  );
  return `**Platforms** (${platforms.length}, each analysed on its own; the image fails when any fails): ${parts.join(" \xB7 ")}`;
}

// src/render/vex-section.ts
var MAX_ROWS = 100;
var VEX_STATUSES = /* @__PURE__ */ new Set(["not_affected", "fixed"]);
function documentOf(report, s) {
  return s.document === void 0 ? void 0 : report.vex?.sources[s.document];
}
function isClaimOfThisChange(record) {
  return record?.change === "new" || record?.change === "changed";
}
function changeMark(record) {
  if (record?.change === "new") return " \u{1F195} **new in this pull request**";
  if (record?.change === "changed") return " \u270F\uFE0F **changed in this pull request**";
  if (record?.change === "unknown") return " \u2754 not compared with the base branch";
  return "";
}
function documentCell(report, s) {
  const record = documentOf(report, s);
  if (!record) return s.source ? code(s.source, 120) : "_not named_";
  const signer = record.signer ? ` signed by ${code(record.signer.identity, 120)}` : "";
  return `${code(record.source, 120)}${signer}${changeMark(record)}`;
}
function packageCell(s) {
  if (!s.pkgName) return s.target ? code(s.target, 80) : "";
  return `${code(s.pkgName, 80)}${s.installedVersion ? ` ${code(s.installedVersion, 60)}` : ""}`;
}
function statusCell(s) {
  return code(s.status, 40);
}
function rows(report, list, limit) {
  return list.slice(0, limit).map((s) => [
    code(s.id, 80),
    packageCell(s),
    s.severity ? escapeInline(s.severity.toLowerCase(), 20) : "",
    statusCell(s),
    // Prose from the document's author: escaped as text (no mentions, links or references).
    s.statement ? escapeInline(s.statement, 200) : "_none given_",
    documentCell(report, s)
  ]);
}
function idList(list, shown = 5) {
  const ids = [...new Set(list.map((s) => s.id))];
  const head = ids.slice(0, shown).map((id) => code(id, 80));
  return ids.length > shown ? `${head.join(", ")} and ${ids.length - shown} more` : head.join(", ");
}
function vexImageSection(report, image, rowLimit) {
  const all = image.suppressed;
  if (!all.length) return "";
  const vex = all.filter((s) => VEX_STATUSES.has(s.status));
  const other = all.filter((s) => !VEX_STATUSES.has(s.status));
  const out = [];
  const claimed = vex.filter((s) => isClaimOfThisChange(documentOf(report, s)));
  if (claimed.length) {
    const docs = [...new Set(claimed.map((s) => documentOf(report, s)?.source ?? ""))];
    out.push(
      `> [!WARNING]
> **This pull request declares ${idList(claimed)} not affected** (${plural(claimed.length, "finding")}), through ${docs.map((d) => code(d, 120)).join(", ")}, which it adds or changes. These findings are not counted; check the VEX statements before approving.`
    );
  }
  const header = ["ID", "Package", "Severity", "Status", "Justification", "Document"];
  const limit = Math.max(1, Math.min(rowLimit, MAX_ROWS));
  const more = (n) => n > 0 ? `

_${plural(n, "more entry", "more entries")} in the JSON report (\`report\` output)._` : "";
  if (vex.length) {
    out.push(
      details(
        `Not affected by VEX: ${vex.length.toLocaleString("en-US")} (not counted)`,
        table(header, rows(report, vex, limit)) + more(vex.length - limit)
      )
    );
  }
  if (other.length) {
    out.push(
      details(
        `Set aside by Trivy outside VEX: ${other.length.toLocaleString("en-US")} (not counted)`,
        table(header, rows(report, other, limit)) + more(other.length - limit)
      )
    );
  }
  return out.join("\n\n");
}
function authorsCell(r) {
  if (r.signer) return `signed: ${code(r.signer.identity, 120)} (${code(r.signer.issuer, 80)})`;
  return r.authors.length ? r.authors.map((a) => code(a, 80)).join(", ") : "_none named_";
}
function appliedCell(r) {
  if (!r.applied) return `\u274C not applied: ${escapeInline(r.skipped ?? "unknown reason", 300)}`;
  return r.appliedAs ? `\u2705 (as OpenVEX, sha256 ${code(r.appliedAs.sha256.slice(0, 12))}\u2026)` : "\u2705";
}
function vexSourcesSection(report) {
  const sources = report.vex?.sources ?? [];
  if (!report.vex) return "";
  const applied = sources.filter((s) => s.applied).length;
  const required = report.vex.requiredAuthors;
  const intro = required ? `Only documents by ${required.map((a) => code(a, 80)).join(", ")} apply (\`vex-required-author\`).

` : "";
  if (!sources.length) return "";
  const body = table(
    ["Document", "Format", "Author", "Change", "SHA-256", "Applied"],
    sources.map((r) => [
      `${code(r.source, 160)}${r.image ? ` for ${code(r.image, 120)}` : ""}`,
      escapeInline(r.format, 20),
      authorsCell(r),
      r.change ? `${escapeInline(r.change, 20)}${changeMark(r) ? " \u26A0\uFE0F" : ""}` : "",
      code(r.sha256),
      appliedCell(r)
    ])
  );
  return details(
    `VEX documents: ${plural(sources.length, "document")} read, ${applied} applied`,
    intro + body
  );
}

// src/render/report-markdown.ts
var COMMENT_MAX_LENGTH = 65536;
var SUMMARY_MAX_LENGTH = 1e6;
var VISIBLE_FINDINGS = 10;
var SEVERITY_LABEL = {
  CRITICAL: "\u{1F7E5} Critical",
  HIGH: "\u{1F7E7} High",
  MEDIUM: "\u{1F7E8} Medium",
  LOW: "\u{1F7E6} Low",
  UNKNOWN: "\u2B1C Unknown"
};
function size(text) {
  return Buffer.byteLength(text, "utf8");
}
function renderReportMarkdown(report, opts = {}) {
  const max = opts.maxLength ?? COMMENT_MAX_LENGTH;
  const ctx = new RenderContext(report, opts);
  const longest = Math.max(0, ...report.images.map((i) => i.findings.length));
  const deepest = ctx.deepestWithin(longest, max);
  if (deepest === longest) {
    const full = ctx.render(longest);
    if (size(full) <= max) return full;
  }
  const bare = ctx.render(0);
  let rest = size(bare);
  if (rest > max) return hardCut(bare, max, ctx);
  let good = 0;
  let goodText = bare;
  let bad = deepest === longest ? deepest : deepest + 1;
  for (let probe = 0; bad - good > 1; probe++) {
    const guess = probe < 4 ? ctx.deepestWithin(bad - 1, max - rest) : Math.floor((good + bad) / 2);
    const at = Math.min(bad - 1, Math.max(good + 1, guess));
    const text = ctx.render(at);
    const bytes = size(text);
    rest = bytes - ctx.rowBytes(at);
    if (bytes <= max) {
      good = at;
      goodText = text;
    } else bad = at;
  }
  return goodText;
}
function renderAtDepth(report, opts, depth) {
  return new RenderContext(report, opts).render(depth);
}
function hardCut(text, max, ctx) {
  const tail = `

${ctx.truncationNotice("The rest of this report")}${ctx.footer()}`;
  const budget = max - size(tail);
  if (budget <= 0) return ctx.footer().slice(0, Math.max(0, max));
  const lines = text.split("\n");
  const kept = [];
  let used = 0;
  let openDetails = 0;
  for (const line of lines) {
    const extra = size(line) + 1 + openDetails * size("\n\n</details>");
    if (used + extra > budget) break;
    kept.push(line);
    used += size(line) + 1;
    openDetails += (line.match(/<details/g) ?? []).length - (line.match(/<\/details>/g) ?? []).length;
  }
  const closing = Array.from({ length: Math.max(0, openDetails) }, () => "\n\n</details>").join("");
  return `${kept.join("\n")}${closing}${tail}`;
}
function isCounted(f) {
  return f.ignored === void 0;
}
function isFixable(f) {
  return f.kind === "vulnerability" && f.fixable;
}
var RenderContext = class {
  constructor(report, opts) {
    this.report = report;
    this.opts = opts;
    this.images = report.images.map(preparedImage);
  }
  report;
  opts;
  images;
  /**
   * A lower bound on the size of `render(rowLimit)`: the finding rows it includes, each with
   * its line break. Renders only the rows it counts.
   */
  rowBytes(rowLimit) {
    const half = Math.floor(rowLimit / 2);
    let total = 0;
    for (const image of this.images) {
      total += image.introducedRows.bytes(rowLimit) + image.fixedRows.bytes(half) + image.countedRows.bytes(rowLimit) + image.ignoredRows.bytes(half);
    }
    return total;
  }
  /** The largest depth (≤ `longest`) whose rows alone fit in `max`: nothing deeper can fit. */
  deepestWithin(longest, max) {
    let over = 1;
    while (over < longest && this.rowBytes(over) <= max) over *= 2;
    over = Math.min(over, longest);
    if (this.rowBytes(over) <= max) return over;
    let fits = Math.floor(over / 2);
    while (over - fits > 1) {
      const mid = Math.floor((fits + over) / 2);
      if (this.rowBytes(mid) <= max) fits = mid;
      else over = mid;
    }
    return fits;
  }
  render(rowLimit) {
    const out = [this.headline(), this.contextLine()];
    const policy = renderPolicyMarkdown(this.report.policy);
    if (policy) out.push(policy);
    const omitted = { count: 0 };
    const notScanned = this.report.notScanned ?? [];
    const single = this.images.length === 1 && notScanned.length === 0;
    for (const image of this.images) {
      out.push(this.imageSection(image, single, rowLimit, omitted));
    }
    for (const u of notScanned) out.push(notScannedSection(u));
    if (this.images.length === 0 && notScanned.length === 0) out.push("_No images were scanned._");
    out.push(vexSourcesSection(this.report));
    out.push(...this.policyHygiene(rowLimit, omitted));
    out.push(...this.warnings());
    if (omitted.count > 0) {
      out.push(this.truncationNotice(plural(omitted.count, "more row")));
    }
    out.push(this.footer());
    return out.filter((part) => part !== "").join("\n\n");
  }
  // --- first three lines -------------------------------------------------------------
  headline() {
    const { report } = this;
    const icon = report.verdict === "fail" ? "\u274C" : "\u2705";
    let reason = report.reason.trim();
    if (reason === "") reason = report.verdict === "fail" ? "Blocked" : "Passed";
    const base = this.images.map((i) => baseImageConcern(i.report)).filter((c) => c !== void 0);
    if (base.length > 0 && !/\bbase\b/i.test(reason)) {
      reason = `${reason.replace(/[.\s]+$/, "")}; ${base.join("; ")}`;
    }
    return `### ${icon} ${escapeMarkdown(reason)}`;
  }
  contextLine() {
    const { report } = this;
    const parts = [];
    const notScanned = report.notScanned ?? [];
    if (this.images.length === 1 && this.images[0] && notScanned.length === 0) {
      parts.push(imageLabel(this.images[0].report));
    } else {
      parts.push(plural(this.images.length, "image") + (notScanned.length ? " scanned" : ""));
    }
    if (notScanned.length) parts.push(`\u274C **${notScanned.length} not scanned**`);
    parts.push(
      report.failOn === "NONE" ? "threshold: none (report only)" : `blocks at **${report.failOn.toLowerCase()}** and above`
    );
    if (report.ignoreUnfixed) parts.push("unfixed ignored");
    const introduced = this.images.reduce((n, i) => n + i.introduced.length, 0);
    if (this.images.some((i) => i.report.comparison)) {
      parts.push(`**${introduced}** new in this pull request`);
    }
    const summary = safeUrl(this.opts.summaryUrl);
    if (summary) parts.push(link("full report", summary));
    return `**Shipgate** \xB7 ${parts.join(" \xB7 ")}`;
  }
  // --- per image ---------------------------------------------------------------------
  imageSection(image, single, rowLimit, omitted) {
    const r = image.report;
    const out = [];
    if (!single) {
      const icon = r.blocking > 0 ? "\u274C" : "\u2705";
      out.push(`#### ${icon} ${imageLabel(r)}`);
    }
    out.push(this.severityTable(image));
    out.push(platformsLine(r));
    out.push(fixFirstSection(r));
    out.push(this.changes(image, rowLimit, omitted));
    out.push(this.findings(image, rowLimit, omitted));
    out.push(baseLayerSection(r, this.report.gateScope, rowLimit));
    if (r.baseImage) out.push(baseImageSection(r));
    if (r.signing) out.push(signingSection(r));
    out.push(vexImageSection(this.report, r, rowLimit));
    return out.filter((p) => p !== "").join("\n\n");
  }
  severityTable(image) {
    const r = image.report;
    const compared = r.comparison !== void 0;
    const header = ["Severity", "Found", "Fixable", "Ignored"];
    if (compared) header.push("New");
    const newBySeverity = /* @__PURE__ */ new Map();
    for (const f of image.introduced) {
      newBySeverity.set(f.severity, (newBySeverity.get(f.severity) ?? 0) + 1);
    }
    const rows2 = [];
    for (const s of SEVERITIES) {
      const found = r.counts[s];
      const ignored = r.ignored[s];
      if (s === "UNKNOWN" && found === 0 && ignored === 0) continue;
      const row2 = [SEVERITY_LABEL[s], num(found, true), num(r.fixable[s]), num(ignored)];
      if (compared) row2.push(num(newBySeverity.get(s) ?? 0));
      rows2.push(row2);
    }
    return table(header, rows2, ["l", "r", "r", "r", "r"]);
  }
  changes(image, rowLimit, omitted) {
    const r = image.report;
    const heading = "**What this change does**";
    if (!r.comparison) {
      return `${heading}: no comparison was made. Set \`compare-to\` to the base branch's image (or pass the report of a previous run) to see the findings this change introduces and fixes.`;
    }
    const c = r.comparison;
    const introduced = image.introduced;
    const fixed = image.fixed;
    const head = `${heading} compared with ${baselineLabel(c)}: **${plural(introduced.length, "finding")} introduced**${severityBreakdown(introduced)}, **${fixed.length} fixed**${severityBreakdown(fixed)}.`;
    const out = [head];
    if (introduced.length > 0) {
      const rows2 = image.introducedRows.first(rowLimit);
      omitted.count += introduced.length - rows2.length;
      out.push(
        details(
          `${plural(introduced.length, "finding")} introduced`,
          findingTable(rows2, introduced.length - rows2.length, false, image.platform !== void 0),
          introduced.length <= VISIBLE_FINDINGS
        )
      );
    }
    if (fixed.length > 0) {
      const rows2 = image.fixedRows.first(Math.floor(rowLimit / 2));
      omitted.count += fixed.length - rows2.length;
      out.push(
        details(
          `${plural(fixed.length, "finding")} fixed`,
          findingTable(rows2, fixed.length - rows2.length, false, image.platform !== void 0)
        )
      );
    }
    return out.join("\n\n");
  }
  findings(image, rowLimit, omitted) {
    const { counted, ignored } = image;
    const out = [];
    if (counted.length === 0) {
      out.push("**Findings**: none counted.");
    } else {
      const rows2 = image.countedRows.first(rowLimit);
      const cut = counted.length - rows2.length;
      omitted.count += cut;
      const top = rows2.slice(0, VISIBLE_FINDINGS);
      const rest = rows2.slice(VISIBLE_FINDINGS);
      const fixable = image.fixableCount;
      out.push(
        `**Findings that matter first** (${plural(counted.length, "finding")}, ${fixable} fixable; most severe and fixable first):`
      );
      out.push(findingTable(top, rest.length === 0 ? cut : 0, false, image.platform !== void 0));
      if (rest.length > 0) {
        out.push(
          details(
            `${plural(counted.length - top.length, "more finding")}`,
            findingTable(rest, cut, false, image.platform !== void 0)
          )
        );
      }
    }
    if (ignored.length > 0) {
      const rows2 = image.ignoredRows.first(Math.floor(rowLimit / 2));
      omitted.count += ignored.length - rows2.length;
      out.push(
        details(
          `${plural(ignored.length, "ignored finding")} (not counted)`,
          findingTable(rows2, ignored.length - rows2.length, true, image.platform !== void 0)
        )
      );
    }
    return out.join("\n\n");
  }
  // --- report-wide -------------------------------------------------------------------
  policyHygiene(rowLimit, omitted) {
    const out = [];
    const { expiredRules, unusedRules } = this.report;
    if (expiredRules.length > 0) {
      const shown = expiredRules.slice(0, Math.max(rowLimit, 20));
      omitted.count += expiredRules.length - shown.length;
      out.push(
        [
          `**\u23F0 ${plural(expiredRules.length, "expired ignore entry", "expired ignore entries")}**: these findings count again until the entry is renewed with a reason or removed.`,
          "",
          ...shown.map((rule) => `- ${ruleLine(rule, "expired")}`)
        ].join("\n")
      );
    }
    const expiring = this.report.expiringRules ?? [];
    if (expiring.length > 0) {
      const shown = expiring.slice(0, Math.max(rowLimit, 20));
      omitted.count += expiring.length - shown.length;
      out.push(
        [
          `**\u23F3 ${plural(expiring.length, "ignore entry", "ignore entries")} expiring soon** (within ${this.report.expiringDays ?? EXPIRING_SOON_DAYS} days): the findings they hide will count again; renew with a reason, or fix.`,
          "",
          ...shown.map((rule) => `- ${ruleLine(rule, "active")}`)
        ].join("\n")
      );
    }
    if (unusedRules.length > 0) {
      const shown = unusedRules.slice(0, Math.max(rowLimit, 20));
      omitted.count += unusedRules.length - shown.length;
      out.push(
        details(
          `${plural(unusedRules.length, "unused ignore entry", "unused ignore entries")}: matched nothing (candidates for removal)`,
          shown.map((rule) => `- ${ruleLine(rule, "active")}`).join("\n")
        )
      );
    }
    return out;
  }
  warnings() {
    const { warnings } = this.report;
    if (warnings.length === 0) return [];
    return [["**\u26A0\uFE0F Warnings**", "", ...warnings.map((w) => `- ${escapeInline(w, 500)}`)].join("\n")];
  }
  truncationNotice(what) {
    const summary = safeUrl(this.opts.summaryUrl);
    const where = summary ? link("the job summary", summary) : "the job summary of this workflow run";
    return `> [!NOTE]
> ${what} did not fit into this comment (GitHub's size limit). The full report is in ${where} and in the \`report\` output.`;
  }
  footer() {
    const { report } = this;
    const parts = [`${escapeMarkdown(report.tool.name)} ${escapeMarkdown(report.tool.version)}`];
    if (report.createdAt) parts.push(escapeMarkdown(report.createdAt));
    const db = report.vulnerabilityDb;
    if (db)
      parts.push(
        `vulnerability DB ${Number(db.ageHours)} h old (max-db-age ${Number(db.maxAgeHours)} h)`
      );
    const summary = safeUrl(this.opts.summaryUrl);
    if (summary) parts.push(link("job summary", summary));
    const line = `<sub>${parts.join(" \xB7 ")}</sub>`;
    return this.opts.marker ? `${line}

${this.opts.marker}` : line;
  }
};
var LazyRows = class {
  constructor(length, renderRow) {
    this.length = length;
    this.renderRow = renderRow;
  }
  length;
  renderRow;
  rows = [];
  /** `sizes[i]`: UTF-8 bytes of rows 0..i-1, each with its line break. */
  sizes = [0];
  fill(count) {
    const n = Math.min(Math.max(0, count), this.length);
    for (let i = this.rows.length; i < n; i++) {
      const row2 = this.renderRow(i);
      this.rows.push(row2);
      this.sizes.push((this.sizes[i] ?? 0) + size(row2) + 1);
    }
    return n;
  }
  /** The first `count` rows (fewer when the list is shorter). */
  first(count) {
    return this.rows.slice(0, this.fill(count));
  }
  /** Bytes of the first `count` rows, line breaks included. */
  bytes(count) {
    return this.sizes[this.fill(count)] ?? 0;
  }
};
var prepared = /* @__PURE__ */ new WeakMap();
function preparedImage(report) {
  const hit = prepared.get(report);
  if (hit && hit.findings === report.findings && hit.length === report.findings.length && hit.comparison === report.comparison)
    return hit.image;
  const image = prepareImage(report);
  prepared.set(report, {
    findings: report.findings,
    length: report.findings.length,
    comparison: report.comparison,
    image
  });
  return image;
}
function prepareImage(report) {
  const sorted = inEvaluatorOrder(report.findings) ? [...report.findings] : [...report.findings].sort((a, b) => compareFindings$1(a.finding, b.finding));
  const introducedKeys = new Set(report.comparison?.introduced ?? []);
  const counted = sorted.filter(isCounted);
  const ignored = sorted.filter((e) => !isCounted(e));
  const introduced = dedupeByKey(
    [...counted, ...ignored].filter((e) => introducedKeys.has(e.finding.key)).map((e) => e.finding)
  );
  const apart = distinguishers(
    sorted.map((e) => e.finding),
    (p) => shortPath(p)
  );
  const fixed = [...report.comparison?.fixed ?? []].sort(compareFindings$1);
  const fixedApart = distinguishers(fixed, (p) => shortPath(p));
  let fixableCount = 0;
  for (const e of counted) if (isFixable(e.finding)) fixableCount++;
  const listRows = (list, row2) => new LazyRows(list.length, (i) => row2(list[i]));
  const platform = platformCell(report);
  return {
    report,
    counted,
    ignored,
    introduced,
    introducedKeys,
    fixed,
    fixableCount,
    ...platform ? { platform } : {},
    countedRows: listRows(
      counted,
      (e) => findingRow(e.finding, e, introducedKeys.has(e.finding.key), apart, platform)
    ),
    ignoredRows: listRows(ignored, (e) => findingRow(e.finding, e, false, apart, platform)),
    introducedRows: listRows(introduced, (f) => findingRow(f, void 0, false, apart, platform)),
    // Fixed findings are the baseline's: they carry no platforms of this run.
    fixedRows: listRows(
      fixed,
      (f) => findingRow(f, void 0, false, fixedApart, platform && (() => ""))
    )
  };
}
function dedupeByKey(findings) {
  const seen = /* @__PURE__ */ new Set();
  return findings.filter((f) => {
    if (seen.has(f.key)) return false;
    seen.add(f.key);
    return true;
  });
}
function num(n, bold = false) {
  const text = formatCount(n);
  return bold && n > 0 ? `**${text}**` : text;
}
function imageLabel(r) {
  const digest = r.digest ? ` ${code(shortDigest(r.digest))}` : "";
  return `${code(r.image, 300)}${digest}`;
}
function baselineLabel(c) {
  const s = c.source;
  if (s.kind === "image") {
    return `image ${code(s.image, 300)} (${s.digest ? `digest ${code(s.digest)}` : "digest not reported by Trivy"})`;
  }
  return `report ${code(s.path, 300)} (SHA-256 ${code(s.sha256)})`;
}
function notScannedSection(u) {
  return `#### \u274C ${code(u.image, 300)}: not scanned

Nothing was measured for this image, so it has no counts (not even 0). Why: ${escapeInline(u.reason, 500)}`;
}
function shortDigest(digest) {
  const [algo, hex] = digest.split(":");
  return hex ? `${algo}:${hex.slice(0, 12)}` : digest.slice(0, 19);
}
var FIX_FIRST_SHOWN = 5;
function fixFirstSection(r) {
  const plan = r.fixFirst;
  if (!plan || plan.upgrades.length === 0 && plan.noFixTotal === 0) return "";
  const lines = ["**Fix first** (package upgrades, by the findings each removes):"];
  for (const u of plan.upgrades.slice(0, FIX_FIRST_SHOWN))
    lines.push(`- ${escapeMarkdown(describeUpgrade(u))}`);
  const more = plan.upgrades.length - FIX_FIRST_SHOWN;
  if (more > 0) lines.push(`- \u2026and ${plural(more, "more upgrade")} (all in the JSON report)`);
  if (plan.noFixTotal > 0) {
    const parts = SEVERITIES.filter((s) => plan.noFix[s] > 0).map(
      (s) => `${plan.noFix[s]} ${s.toLowerCase()}`
    );
    lines.push(
      `- No fix available yet: ${plural(plan.noFixTotal, "finding")} (${parts.join(", ")})`
    );
  }
  return lines.join("\n");
}
function severityBreakdown(findings) {
  if (findings.length === 0) return "";
  const counts = /* @__PURE__ */ new Map();
  for (const f of findings) counts.set(f.severity, (counts.get(f.severity) ?? 0) + 1);
  const parts = SEVERITIES.filter((s) => counts.has(s)).map(
    (s) => `${counts.get(s)} ${s.toLowerCase()}`
  );
  return ` (${parts.join(", ")})`;
}
function baseImageConcern(r) {
  const b = r.baseImage;
  if (!b) return void 0;
  const name = b.base?.name ?? b.os;
  const subject = name ? `base ${name}` : "image";
  if (b.runsAsRoot === true) return `${subject} runs as root`;
  if (b.violations.length > 0 && b.violations[0]) return `${subject}: ${b.violations[0].message}`;
  if (b.base && !b.base.minimal) return `${subject} is not minimal`;
  return void 0;
}
var FINDING_HEADER = ["Severity", "ID", "Package / location", "Installed", "Fixed in", "Title"];
function findingTable(rows2, omittedRows, withReason = false, withPlatform = false) {
  const header = [
    ...FINDING_HEADER,
    ...withPlatform ? [PLATFORM_HEADER] : [],
    ...withReason ? ["Ignored because"] : []
  ];
  const lines = [tableRow(header), tableRow(header.map(() => "---")), ...rows2];
  if (omittedRows > 0) {
    lines.push("", `_\u2026and ${plural(omittedRows, "more row")} left out to fit the size limit._`);
  }
  return lines.join("\n");
}
function findingRow(f, evaluated, isNew, apart = /* @__PURE__ */ new Map(), platform) {
  const id = `${link(escapeMarkdown(f.id), f.url)}${isNew ? " \u{1F195}" : ""}`;
  const [where, installed, fixed] = locationCells(f);
  const tellApart = apart.get(f);
  const cells = [
    SEVERITY_LABEL[f.severity],
    id,
    tellApart ? `${f.kind === "vulnerability" ? code(f.pkgName) : where}<br>${tellApart.map((p) => code(p, 300)).join("<br>")}` : where,
    installed,
    fixed,
    escapeInline(f.title ?? "", 90)
  ];
  if (platform) cells.push(platform(f));
  if (evaluated?.ignored) cells.push(ignoreReason(evaluated));
  return tableRow(cells);
}
function locationCells(f) {
  switch (f.kind) {
    case "vulnerability": {
      const where = f.pkgPath ? `${code(f.pkgName)}<br>${code(shortPath(f.pkgPath))}` : code(f.pkgName);
      const fixed = f.fixedVersion ? code(f.fixedVersion, 120) : `_no fix${f.status && f.status !== "affected" ? ` (${escapeMarkdown(f.status.replace(/_/g, " "))})` : ""}_`;
      return [where, code(f.installedVersion), fixed];
    }
    case "secret":
      return [`${code(f.target)}${lineSuffix(f.startLine, f.endLine)}`, "", "_rotate the secret_"];
    case "misconfiguration":
      return [
        `${code(f.target)}${lineSuffix(f.startLine, f.endLine)}`,
        "",
        f.resolution ? escapeInline(f.resolution, 120) : ""
      ];
  }
}
var SURROGATE = /[\uD800-\uDFFF]/;
function shortPath(path, max = 48) {
  if (path.length <= max) return path;
  if (!SURROGATE.test(path)) return `\u2026${path.slice(path.length - max + 1)}`;
  const chars = [...path];
  return chars.length <= max ? path : `\u2026${chars.slice(chars.length - max + 1).join("")}`;
}
function lineSuffix(start, end) {
  if (!start) return "";
  return end && end !== start ? ` lines ${start}\u2013${end}` : ` line ${start}`;
}
function ignoreReason(e) {
  const reason = e.ignored;
  if (!reason) return "";
  if (reason.by === "unfixed") return "no fix yet (`ignore-unfixed`)";
  const rule = reason.rule;
  const parts = [code(rule.source)];
  if (rule.expiresAt) parts.push(`until ${escapeMarkdown(rule.expiresAt)}`);
  if (rule.statement) parts.push(escapeInline(rule.statement, 100));
  return parts.join(" \xB7 ");
}
function ruleLine(rule, state) {
  const parts = [code(rule.id), `in ${code(rule.source)}`];
  if (rule.expiresAt) {
    parts.push(`${state === "expired" ? "expired" : "expires"} ${escapeMarkdown(rule.expiresAt)}`);
  }
  if (rule.paths?.length) parts.push(`paths ${rule.paths.map((p) => code(p, 120)).join(", ")}`);
  if (rule.purls?.length) parts.push(`purls ${rule.purls.map((p) => code(p, 120)).join(", ")}`);
  if (rule.statement) parts.push(escapeInline(rule.statement, 200));
  return parts.join(" \xB7 ");
}
function baseImageSection(r) {
  const b = r.baseImage;
  if (!b) return "";
  const unknown = (what) => `_unknown (${escapeMarkdown(what)})_`;
  const source = b.source === "registry" ? "read from the image" : "the Trivy report only";
  const rows2 = [];
  if (b.base) {
    const how = {
      annotation: "OCI annotation",
      label: "label",
      dockerfile: "Dockerfile",
      inferred: "inferred"
    }[b.base.how];
    const name = b.base.name ? code(b.base.name) : "_unnamed_";
    const digest = b.base.digest ? ` ${code(shortDigest(b.base.digest))}` : "";
    rows2.push([
      "Base",
      `${name}${digest} (${how}) ${b.base.minimal ? "\u2705 minimal" : "\u26A0\uFE0F not minimal"}`
    ]);
  } else {
    rows2.push(["Base", unknown(`not recorded in the image; ${source}`)]);
  }
  if (b.os) rows2.push(["OS", code(b.os)]);
  if (r.os?.eosl) rows2.push(["OS support", "\u274C end of life: no more security fixes"]);
  if (b.packages !== void 0) rows2.push(["Packages", num(b.packages)]);
  rows2.push(["Shell", yesNo(b.shell, "present", "none", source)]);
  rows2.push([
    "Package manager",
    b.packageManager === null ? unknown(source) : b.packageManager === false ? "none" : code(b.packageManager)
  ]);
  rows2.push([
    "User",
    b.runsAsRoot === null ? unknown(source) : b.runsAsRoot ? `\u26A0\uFE0F root${b.user ? ` (${code(b.user)})` : ""}` : code(b.user ?? "non-root")
  ]);
  if (b.compressedSize !== void 0) rows2.push(["Compressed size", formatBytes(b.compressedSize)]);
  if (b.layers !== void 0) rows2.push(["Layers", num(b.layers)]);
  const out = [
    `**Base image** (${b.mode === "enforce" ? "enforced" : "warnings only"}; ${source})`,
    table(["", ""], rows2)
  ];
  if (b.violations.length > 0) {
    const icon = b.mode === "enforce" ? "\u274C" : "\u26A0\uFE0F";
    out.push(
      b.violations.map((v) => `- ${icon} ${code(v.rule)}: ${escapeInline(v.message, 300)}`).join("\n")
    );
  }
  if (b.recommendation) out.push(`\u{1F4A1} **Recommendation**: ${escapeInline(b.recommendation, 500)}`);
  if (b.unknown.length > 0) {
    out.push(
      `<sub>Could not be determined (${source}): ${b.unknown.map((u) => escapeMarkdown(u)).join(", ")}.</sub>`
    );
  }
  return out.join("\n\n");
}
function yesNo(value, yes, no, source) {
  if (value === null) return `_unknown (${escapeMarkdown(source)})_`;
  return value ? `\u26A0\uFE0F ${yes}` : no;
}
function signingSection(r) {
  const s = r.signing;
  if (!s) return "";
  const rows2 = [];
  for (const sig of s.signatures)
    rows2.push(["Signature", escapeMarkdown(sig.format), code(sig.reference, 300)]);
  for (const att of s.attestations) {
    rows2.push([
      `Attestation ${code(att.predicateType, 120)}`,
      escapeMarkdown(att.format),
      code(att.reference, 300)
    ]);
  }
  if (s.sbom) rows2.push(["SBOM", "", code(s.sbom, 300)]);
  if (s.transparencyLog) {
    const tlog = safeUrl(s.transparencyLog);
    rows2.push([
      "Transparency log",
      "",
      tlog ? link(escapeMarkdown(s.transparencyLog), tlog) : code(s.transparencyLog)
    ]);
  }
  const pushed = s.signatures.length + s.attestations.length;
  const state = pushed === 0 ? "\u274C **Not signed**" : s.signatures.length === 0 ? "\u26A0\uFE0F **Partly signed**" : "**Signed**";
  const head = `${state} ${code(shortDigest(s.digest))}: ${plural(s.signatures.length, "signature")}, ${plural(s.attestations.length, "attestation")}`;
  return rows2.length > 0 ? `${head}

${table(["What", "Format", "Reference"], rows2)}` : head;
}

createRequire(import.meta.url);
var LONG_ARRAY = 256;
var BATCH = 1 << 20;
var PAUSE_EVERY = 256;
function* emitJsonPausing(value, emit, texts) {
  if (typeof value !== "object" || value === null || !hasLongArray(value)) {
    const text = JSON.stringify(value);
    if (text === void 0) return false;
    emit(text);
    return true;
  }
  if (Array.isArray(value)) {
    const long = value.length >= LONG_ARRAY;
    emit("[");
    for (let i = 0; i < value.length; i++) {
      if (i > 0) emit(",");
      if (long) {
        const element = value[i];
        const known = typeof element === "object" && element !== null && texts?.get(element);
        emit(known || (JSON.stringify(element) ?? "null"));
        if (i % PAUSE_EVERY === PAUSE_EVERY - 1) yield;
      } else if (!(yield* emitJsonPausing(value[i], emit, texts))) emit("null");
    }
    emit("]");
    return true;
  }
  emit("{");
  let first = true;
  for (const [key, v] of Object.entries(value)) {
    if (v === void 0 || typeof v === "function" || typeof v === "symbol") continue;
    emit(`${first ? "" : ","}${JSON.stringify(key)}:`);
    first = false;
    yield* emitJsonPausing(v, emit, texts);
  }
  emit("}");
  return true;
}
function emitJson(value, emit, texts) {
  const steps = emitJsonPausing(value, emit, texts);
  for (; ; ) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
function hasLongArray(value) {
  if (Array.isArray(value)) {
    if (value.length >= LONG_ARRAY) return true;
    for (const v of value) if (typeof v === "object" && v !== null && hasLongArray(v)) return true;
    return false;
  }
  if ("toJSON" in value) return false;
  for (const key in value) {
    const v = value[key];
    if (typeof v === "object" && v !== null && hasLongArray(v)) return true;
  }
  return false;
}
function writeAll(fd, text) {
  const written = writeSync(fd, text);
  const total = Buffer.byteLength(text, "utf8");
  if (written === total) return;
  writeBytes(fd, Buffer.from(text, "utf8"), written);
}
function writeBytes(fd, bytes, at = 0, end = bytes.length) {
  while (at < end) at += writeSync(fd, bytes, at, end - at);
}
function batchesTo(fd) {
  const batch = Buffer.allocUnsafe(BATCH);
  let used = 0;
  const flush = () => {
    writeBytes(fd, batch, 0, used);
    used = 0;
  };
  return {
    emit(piece) {
      if (piece.length * 3 > BATCH - used) {
        flush();
        if (piece.length * 3 > BATCH) {
          writeAll(fd, piece);
          return;
        }
      }
      used += batch.write(piece, used, "utf8");
    },
    end() {
      if (used + 1 > BATCH) flush();
      batch[used++] = 10;
      flush();
    }
  };
}
function writeJsonTo(fd, value) {
  const out = batchesTo(fd);
  emitJson(value, out.emit);
  out.end();
}
async function intoFile(path, fill) {
  const file = await open(path, "w");
  try {
    await fill(file.fd);
  } finally {
    await file.close();
  }
}
function writeJsonFile(path, report) {
  return intoFile(path, (fd) => writeJsonTo(fd, report));
}
function writeJsonFilePausing(path, report, texts) {
  return intoFile(path, async (fd) => {
    const out = batchesTo(fd);
    const steps = emitJsonPausing(report, out.emit, texts);
    while (!steps.next().done) await setImmediate();
    out.end();
  });
}

// src/github/comment-key.ts
function repositoryOf(image) {
  const withoutDigest = image.trim().replace(/@.*$/, "");
  return withoutDigest.replace(/:[^/:]*$/, "");
}
function repositories(images) {
  return [...new Set(images.map(repositoryOf).filter(Boolean))].sort();
}
function commentKeys(input) {
  const images = input.images.length ? input.images : [input.fallback];
  const suffix = input.platform ? ` platform=${input.platform}` : "";
  const repos = repositories(images);
  const job = input.explicit || `${repos.join(",")}${suffix}`;
  const sameRepos = (oldKey) => {
    const old = repositories(oldKey.split(","));
    return old.length === repos.length && old.every((r, i) => r === repos[i]);
  };
  const jobAdopts = (oldKey) => !input.explicit && oldKey !== job && sameRepos(oldKey);
  const shared = new Set(input.images.map(repositoryOf).filter((r, i, all) => all.indexOf(r) !== i));
  return {
    job,
    adopts: jobAdopts,
    image(image) {
      const repo = repositoryOf(image);
      const own = shared.has(repo) ? image : `${repo}${suffix}`;
      const key = input.explicit ? `${input.explicit}:${own}` : own;
      const prefix = input.explicit ? `${input.explicit}:` : "";
      return {
        key,
        adopts: (oldKey) => oldKey !== key && !shared.has(repo) && oldKey.startsWith(prefix) && !oldKey.slice(prefix.length).includes(",") && repositoryOf(oldKey.slice(prefix.length)) === repo
      };
    }
  };
}

// src/github/marker.ts
var PREFIX = "<!-- shipgate:comment key=";
var SUFFIX = " -->";
function encodeMarkerKey(key) {
  return encodeURIComponent(key).replace(
    /[-!'()*~.]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`
  );
}
function commentMarker(key) {
  const trimmed = key.trim();
  if (trimmed === "")
    throw new Error("The comment key is empty: pass the image reference or set `comment-key`.");
  return `${PREFIX}${encodeMarkerKey(trimmed)}${SUFFIX}`;
}
function endsWithMarker(body, marker) {
  const lines = body.split(/\r\n|\r|\n/);
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = (lines[i] ?? "").trim();
    if (line !== "") return line === marker;
  }
  return false;
}
function withMarker(body, marker) {
  return endsWithMarker(body, marker) ? body : `${body.trimEnd()}

${marker}
`;
}
function markerKey(body) {
  const lines = body.split(/\r\n|\r|\n/);
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = (lines[i] ?? "").trim();
    if (line === "") continue;
    if (!line.startsWith(PREFIX) || !line.endsWith(SUFFIX)) return void 0;
    try {
      return decodeURIComponent(line.slice(PREFIX.length, -SUFFIX.length));
    } catch {
      return void 0;
    }
  }
  return void 0;
}
var TrivyRunError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "TrivyRunError";
  }
};
function tail(text, lines = 15) {
  return text.split(/\r?\n/).filter((l) => l.trim()).slice(-lines).join("\n");
}
function command(trivyPath) {
  return trivyPath.includes("/") || trivyPath.includes("\\") ? resolve(trivyPath) : trivyPath;
}

// scanners/trivy/run.ts
var JAVA_DB_NEEDED = /'--skip-java-db-update' cannot be specified on the first run|The first run cannot skip downloading Java DB/;
function durationMs(value) {
  const re = /(\d+(?:\.\d+)?)(ms|h|m|s)/g;
  let total = 0;
  let consumed = "";
  for (const m of value.matchAll(re)) {
    const n = Number(m[1]);
    total += m[2] === "h" ? n * 36e5 : m[2] === "m" ? n * 6e4 : m[2] === "s" ? n * 1e3 : n;
    consumed += m[0];
  }
  if (!total || consumed !== value) {
    throw new TrivyRunError(`timeout "${value}" is not a duration; write it like 5m, 90s or 1h30m.`);
  }
  return total;
}
function hintFor(stderr, image) {
  if (/MANIFEST_UNKNOWN|manifest unknown|unable to find the specified image|not found/i.test(stderr)) {
    return `Check that ${image} exists and was pushed before this step, and that the runner is logged in to its registry (docker/login-action).`;
  }
  if (/UNAUTHORIZED|DENIED|401|403|authentication required/i.test(stderr)) {
    return `The registry refused access to ${image}: log in first (docker/login-action) or give the job \`packages: read\`.`;
  }
  if (/TOOMANYREQUESTS|rate limit/i.test(stderr)) {
    return "The registry rate-limited the download; retry later or set `db-repository` to another mirror.";
  }
  if (/context deadline exceeded|timeout/i.test(stderr)) {
    return "Trivy ran out of time: raise the `timeout` input (large images often need 10m or more).";
  }
  return "See the Trivy output above.";
}
function scanArgs(opts, output, ignoreFile) {
  const args = [
    "image",
    "--format",
    "json",
    "--output",
    output,
    "--list-all-pkgs",
    "--severity",
    SEVERITIES.join(","),
    "--exit-code",
    "0",
    "--scanners",
    opts.scanners.join(","),
    "--timeout",
    opts.timeout,
    // An empty ignore file, so a stray .trivyignore in the workspace cannot filter the report
    // behind Shipgate's back: Shipgate applies the ignore file itself and reports expiries.
    "--ignorefile",
    ignoreFile,
    "--no-progress"
  ];
  if (opts.server) args.push(...clientArgs(opts.server).args);
  else if (opts.skipDbUpdate) args.push("--skip-db-update");
  if (opts.javaDb) args.push("--skip-java-db-update");
  for (const repo of JAVA_DB_REPOSITORIES) args.push("--java-db-repository", repo);
  if (opts.cacheDir) args.push("--cache-dir", opts.cacheDir);
  if (opts.platform) args.push("--platform", opts.platform);
  if (opts.vex?.length) {
    for (const file of opts.vex) args.push("--vex", file);
    args.push("--show-suppressed");
  }
  args.push("--", opts.image);
  return args;
}
async function scanImage(opts, logger) {
  const outputDir = resolve(opts.outputDir);
  const jsonPath = join(outputDir, "trivy.json");
  const ignoreFile = join(outputDir, "empty.trivyignore");
  await writeFile(ignoreFile, "");
  const args = scanArgs(
    { ...opts, cacheDir: opts.cacheDir && resolve(opts.cacheDir) },
    jsonPath,
    ignoreFile
  );
  logger.info(`[command]${opts.trivyPath} ${args.join(" ")}`);
  const grace = opts.graceMs ?? 6e4;
  const limit = durationMs(opts.timeout) + grace;
  const started = Date.now();
  const run = (timeout = limit) => runProgram(command(opts.trivyPath), args, {
    timeoutMs: Math.max(1e3, timeout),
    // Not the runner's job tokens or the action's inputs: Trivy needs neither (child-env.ts).
    env: {
      ...childEnv(),
      TRIVY_DISABLE_TELEMETRY: "true",
      TRIVY_SKIP_VERSION_CHECK: "true",
      ...opts.env,
      // The server token in the environment only: argv is logged and visible to `ps`.
      ...opts.server ? clientArgs(opts.server).env : {},
      // Last, so neither the handle's env nor the runner's can send them to another host.
      ...trivyLoginEnv(opts.image, opts.login)
    },
    cwd: outputDir
  });
  let result = await run();
  if (result.failed && opts.javaDb && JAVA_DB_NEEDED.test(result.stderr ?? "")) {
    logger.info(`${opts.image} holds Java archives: fetching Trivy's Java DB once for the job.`);
    await opts.javaDb.ensure();
    result = await run(limit - (Date.now() - started));
  }
  if (result.failed) {
    if (result.timedOut) {
      throw new TrivyRunError(
        `Trivy did not finish scanning ${opts.image} within ${opts.timeout} (+${Math.round(grace / 1e3)}s grace) and was stopped. Raise the \`timeout\` input.`
      );
    }
    const why = failureOf(result);
    const stderr = tail(result.stderr ?? "");
    throw new TrivyRunError(
      `Trivy ${why} while scanning ${opts.image}. ${hintFor(stderr, opts.image)}${stderr ? `
Last lines of Trivy's output:
${stderr}` : ""}`
    );
  }
  if (result.stderr) logger.debug(result.stderr);
  let report;
  try {
    report = await readTrivyReport(jsonPath, { all: opts.readAll === true });
  } catch (error) {
    const stderr = tail(result.stderr ?? "");
    throw new TrivyRunError(
      `Trivy exited 0 but its report for ${opts.image} is unusable: ${error.message}${stderr ? `
Last lines of Trivy's output:
${stderr}` : ""}`
    );
  }
  if (opts.server?.maxDbAgeMs !== void 0) checkServerDb(report, opts.server.maxDbAgeMs);
  return { jsonPath, report };
}
function checkServerDb(report, maxAgeMs) {
  const server = report.Trivy?.Server;
  if (server === void 0) return;
  const meta = parseVersionInfo(JSON.stringify(server)).vulnerabilityDb;
  if (!meta) return;
  try {
    checkDbAge(meta, maxAgeMs, /* @__PURE__ */ new Date(), "server");
  } catch (error) {
    throw new TrivyRunError(`${report.ArtifactName}: ${error.message}`);
  }
}
var JAVA_DB_REPOSITORIES = DEFAULT_JAVA_DB_REPOSITORIES;

// scanners/trivy/normalize.ts
var STATUSES = [
  "fixed",
  "affected",
  "will_not_fix",
  "fix_deferred",
  "end_of_life",
  "under_investigation",
  "not_affected",
  "unknown"
];
function status(value) {
  return STATUSES.find((s) => s === value);
}
function stableTarget(result) {
  if (result.Class === "os-pkgs") return `os:${result.Type ?? "unknown"}`;
  return result.Target;
}
function pkgClass(result) {
  if (result.Class === "os-pkgs" || result.Class === "lang-pkgs") return result.Class;
  return "other";
}
function cvssScore(v) {
  if (!v.CVSS) return void 0;
  const score = (source) => {
    const c = v.CVSS?.[source];
    return c?.V40Score ?? c?.V3Score ?? c?.V2Score;
  };
  const preferred = (v.SeveritySource ? score(v.SeveritySource) : void 0) ?? score("nvd");
  if (preferred !== void 0) return preferred;
  const all = Object.keys(v.CVSS).map(score).filter((s) => s !== void 0);
  return all.length ? Math.max(...all) : void 0;
}
function vulnerability(result, v) {
  const st = status(v.Status);
  const fixedVersion = v.FixedVersion?.trim() || void 0;
  const pkgId = v.PkgID ?? `${v.PkgName}@${v.InstalledVersion}`;
  return {
    kind: "vulnerability",
    id: v.VulnerabilityID,
    severity: v.Severity,
    title: v.Title,
    target: result.Target,
    // Template strings, not arrays joined: two strings per finding, 20,000 findings (issue 13).
    key: `vuln|${stableTarget(result)}|${v.PkgName}|${v.PkgPath ?? ""}|${v.VulnerabilityID}`,
    url: v.PrimaryURL,
    pkgName: v.PkgName,
    pkgId,
    pkgPath: v.PkgPath,
    pkgType: result.Type,
    pkgClass: pkgClass(result),
    installedVersion: v.InstalledVersion,
    fixedVersion,
    status: st,
    // Reports older than Trivy 0.44 have no Status: a FixedVersion is the only signal.
    fixable: st ? st === "fixed" : fixedVersion !== void 0,
    cvssScore: cvssScore(v),
    purl: v.PkgIdentifier?.PURL,
    layer: layerOf(v.Layer)
  };
}
var DIFF_ID = /^sha256:[a-f0-9]{64}$/;
var validDiffIds = /* @__PURE__ */ new Set();
function layerOf(layer) {
  const diffId = layer?.DiffID;
  let valid = typeof diffId === "string" && validDiffIds.has(diffId);
  if (!valid && typeof diffId === "string" && DIFF_ID.test(diffId)) {
    if (validDiffIds.size >= 1e4) validDiffIds.clear();
    validDiffIds.add(diffId);
    valid = true;
  }
  return { diffId: valid ? diffId : null, fromBase: null };
}
function secret(result, s) {
  return {
    kind: "secret",
    id: s.RuleID,
    severity: s.Severity,
    title: s.Title,
    target: result.Target,
    key: ["secret", result.Target, s.RuleID, s.StartLine ?? ""].join("|"),
    category: s.Category,
    startLine: s.StartLine,
    endLine: s.EndLine,
    match: s.Match,
    // Trivy writes Layer on secrets too; the schema keeps it as an unknown key.
    layer: layerOf(s.Layer)
  };
}
function misconfiguration(result, m) {
  const status2 = m.Status?.trim().toUpperCase();
  if (status2 === "PASS" || status2 === "EXCEPTION") return void 0;
  const id = m.ID ?? m.AVDID ?? "unknown-check";
  const startLine = m.CauseMetadata?.StartLine;
  return {
    kind: "misconfiguration",
    id,
    severity: m.Severity,
    title: m.Title,
    target: result.Target,
    key: ["misconfig", result.Target, id, startLine ?? ""].join("|"),
    url: m.PrimaryURL,
    message: m.Message,
    resolution: m.Resolution,
    startLine,
    endLine: m.CauseMetadata?.EndLine
  };
}
function exactIdentity(f) {
  if (f.kind === "vulnerability")
    return `${f.target}\0${f.pkgId}\0${f.pkgPath ?? ""}\0${f.id}`;
  return `${f.key}\0${f.target}`;
}
function findingsOf(report, seen = /* @__PURE__ */ new Set()) {
  const out = [];
  const add = (f) => {
    if (!f) return;
    const identity = exactIdentity(f);
    if (seen.has(identity)) return;
    seen.add(identity);
    out.push(f);
  };
  for (const result of report.Results ?? []) {
    for (const v of result.Vulnerabilities ?? []) add(vulnerability(result, v));
    for (const s of result.Secrets ?? []) add(secret(result, s));
    for (const m of result.Misconfigurations ?? []) add(misconfiguration(result, m));
  }
  return out;
}
function metadataOf(report) {
  const m = report.Metadata;
  const config = m?.ImageConfig?.config;
  return {
    os: m?.OS ? { family: m.OS.Family, name: m.OS.Name, eosl: m.OS.EOSL } : void 0,
    imageId: m?.ImageID,
    repoDigests: m?.RepoDigests ?? [],
    repoTags: m?.RepoTags ?? [],
    size: m?.Size,
    layers: m?.DiffIDs?.length,
    user: config?.User,
    labels: config?.Labels ?? {},
    history: (m?.ImageConfig?.history ?? []).map((h) => h.created_by ?? "")
  };
}
function packagesOf(report) {
  const inventory = {};
  for (const result of report.Results ?? []) {
    if (!result.Packages) continue;
    const slot = result.Class === "os-pkgs" ? "os" : "lang";
    inventory[slot] = (inventory[slot] ?? 0) + result.Packages.length;
  }
  return inventory;
}
var SUPPRESSING = /* @__PURE__ */ new Set(["not_affected", "fixed", "ignored"]);
function findingId(f) {
  const id = [f.VulnerabilityID, f.RuleID, f.ID, f.AVDID, f.Name].find(
    (v) => typeof v === "string" && v !== ""
  );
  return id ?? "unknown";
}
function restore(result, m) {
  if (m.Type === "vulnerability") return vulnerability(result, m.Finding);
  if (m.Type === "secret") return secret(result, m.Finding);
  if (m.Type === "misconfiguration")
    return misconfiguration(result, m.Finding);
  return void 0;
}
function modifiedOf(report, sources) {
  const out = { suppressed: [], restored: [], warnings: [] };
  for (const result of report.Results ?? []) {
    for (const m of result.ExperimentalModifiedFindings ?? []) {
      const f = m.Finding ?? {};
      const id = findingId(f);
      const status2 = m.Status ?? "";
      const what = `${id}${typeof f.PkgName === "string" ? ` in ${f.PkgName}` : ""}`;
      let why;
      let document;
      if (!SUPPRESSING.has(status2)) {
        why = `Trivy set ${what} aside with status ${JSON.stringify(status2.slice(0, 40))}, which does not suppress (only not_affected, fixed or ignored do)`;
      } else if (sources.kind === "scan") {
        document = m.Source === void 0 ? void 0 : sources.files.get(m.Source);
        if (document === void 0) {
          why = `Trivy set ${what} aside citing ${JSON.stringify((m.Source ?? "no source").slice(0, 120))}, which is none of the VEX documents Shipgate gave it`;
        }
      }
      const finding = restore(result, m);
      if (why) {
        if (finding) out.restored.push(finding);
        out.warnings.push(`${why}: it counts.`);
        continue;
      }
      const entry = { id, status: status2, type: m.Type };
      if (m.Source !== void 0) entry.source = m.Source;
      if (m.Statement) entry.statement = m.Statement;
      if (typeof f.PkgName === "string") entry.pkgName = f.PkgName;
      if (typeof f.InstalledVersion === "string") entry.installedVersion = f.InstalledVersion;
      if (typeof f.Severity === "string") entry.severity = f.Severity;
      entry.target = result.Target;
      if (finding) entry.key = finding.key;
      if (document !== void 0) entry.document = document;
      out.suppressed.push(entry);
    }
  }
  return out;
}
function digestOf(metadata) {
  const first = metadata.repoDigests.find((d) => d.includes("@sha256:"));
  return first?.slice(first.indexOf("@") + 1);
}
function toImageScan(report, opts) {
  const metadata = metadataOf(report);
  const modified = modifiedOf(report, opts.suppressions ?? { kind: "report" });
  const known = /* @__PURE__ */ new Set();
  const findings = findingsOf(report, known);
  for (const f of modified.restored) {
    const identity = exactIdentity(f);
    if (known.has(identity)) continue;
    known.add(identity);
    findings.push(f);
  }
  return {
    image: opts.image ?? report.ArtifactName ?? opts.artifacts.trivyJson,
    digest: digestOf(metadata),
    artifactType: report.ArtifactType,
    trivyVersion: report.Trivy?.Version,
    scannedAt: report.CreatedAt,
    metadata,
    packages: packagesOf(report),
    findings,
    licenseFindings: (report.Results ?? []).reduce((n, r) => n + (r.Licenses?.length ?? 0), 0),
    suppressed: modified.suppressed,
    ...modified.warnings.length ? { warnings: modified.warnings } : {},
    artifacts: opts.artifacts
  };
}
function filterReport(report, drop) {
  return {
    ...report,
    Results: report.Results?.map((result) => ({
      ...result,
      Vulnerabilities: result.Vulnerabilities?.filter((v) => !drop(vulnerability(result, v))),
      Secrets: result.Secrets?.filter((s) => !drop(secret(result, s))),
      Misconfigurations: result.Misconfigurations?.filter((m) => {
        const f = misconfiguration(result, m);
        return !f || !drop(f);
      })
    }))
  };
}
function packagesOnly(report) {
  return {
    ...report,
    Results: report.Results?.map(
      ({ Vulnerabilities: _v, Secrets: _s, Misconfigurations: _m, ...rest }) => rest
    )
  };
}
async function baselineFindings(path, image) {
  const bytes = await readFile(path);
  const record = {
    kind: "report",
    path,
    sha256: createHash("sha256").update(bytes).digest("hex")
  };
  const text = bytes.toString("utf8");
  let root;
  try {
    root = JSON.parse(text);
  } catch {
    throw new Error(
      `compare-to ${path} is not JSON; give a Shipgate or Trivy JSON report, or an image reference.`
    );
  }
  if (root?.schema === "shipgate.report/v1") {
    const report = root;
    const match = report.images.find((i) => i.image === image) ?? (report.images.length === 1 ? report.images[0] : void 0);
    if (!match) {
      throw new Error(
        `compare-to ${path} is a Shipgate report of ${report.images.map((i) => i.image).join(", ")}, none of which is ${image}.`
      );
    }
    if (!Array.isArray(match.findings)) {
      throw new Error(`compare-to ${path}: ${match.image} lists no findings to compare with.`);
    }
    return { findings: match.findings.map((f) => f.finding), record };
  }
  const findings = toImageScan(parseTrivyReport(text, path), {
    artifacts: { trivyJson: path }
  }).findings;
  return { findings, record };
}
async function convertReport(trivyPath, input, format, output, logger, env) {
  const outputPath = resolve(output);
  const args = ["convert", "--format", format, "--output", outputPath, resolve(input)];
  logger.info(`[command]${trivyPath} ${args.join(" ")}`);
  const result = await runProgram(command(trivyPath), args, {
    timeoutMs: 3e5,
    cwd: dirname(outputPath),
    env: {
      ...childEnv(),
      TRIVY_DISABLE_TELEMETRY: "true",
      TRIVY_SKIP_VERSION_CHECK: "true",
      ...env
    }
  });
  if (result.failed) {
    throw new TrivyRunError(
      `trivy convert --format ${format} failed for ${input} (${failureOf(result)}).
${tail(result.stderr ?? "")}`
    );
  }
  return output;
}

// src/report/sarif.ts
function isSarifLog(value) {
  const v = value;
  return typeof v === "object" && v !== null && typeof v.version === "string" && Array.isArray(v.runs) && v.runs.every((r) => typeof r?.tool?.driver === "object" && r.tool.driver !== null);
}
function mergeSarif(logs) {
  const first = logs[0];
  if (!first) throw new Error("mergeSarif needs at least one SARIF document");
  const runs = logs.flatMap((l) => l.runs);
  const base = runs[0];
  if (!base) return { ...first, runs: [] };
  const rules = [];
  const index = /* @__PURE__ */ new Map();
  const results = [];
  for (const run of runs) {
    const own = run.tool.driver.rules ?? [];
    for (const result of run.results ?? []) {
      const rule = result.ruleId ?? (result.ruleIndex !== void 0 ? own[result.ruleIndex]?.id : void 0);
      if (rule === void 0) {
        results.push(result);
        continue;
      }
      if (!index.has(rule)) {
        index.set(rule, rules.length);
        rules.push(own.find((r) => r.id === rule) ?? { id: rule });
      }
      results.push({ ...result, ruleId: rule, ruleIndex: index.get(rule) });
    }
  }
  const merged = {
    ...base,
    tool: { ...base.tool, driver: { ...base.tool.driver, rules } },
    results
  };
  return { ...first, runs: [merged] };
}
var RANK = { CRITICAL: 4, HIGH: 3, MEDIUM: 2, LOW: 1, UNKNOWN: 0 };
var SEVERITY_NUMBER = {
  CRITICAL: 9.5,
  HIGH: 8,
  MEDIUM: 5.5,
  LOW: 2,
  UNKNOWN: 0
};
function sarifLevel(severity) {
  return RANK[severity] >= 3 ? "error" : severity === "MEDIUM" ? "warning" : "note";
}
function scoreOf(severity, cvss, source) {
  const v3 = source ? cvss?.[source]?.V3Score : void 0;
  return typeof v3 === "number" && Number.isFinite(v3) && v3 > 0 && v3 <= 10 ? v3 : SEVERITY_NUMBER[severity];
}
function ruleFactsOf(report) {
  const facts = /* @__PURE__ */ new Map();
  const scores = /* @__PURE__ */ new Map();
  const add = (id, kind, severity, score, url, title, pkg) => {
    const had = facts.get(id);
    if (!had) {
      const created = {
        kind,
        severity,
        score: "",
        ...url ? { url } : {},
        ...title ? { title } : {},
        packages: pkg ? [pkg] : []
      };
      facts.set(id, created);
      scores.set(created, score);
      return;
    }
    const rank = RANK[severity];
    if (rank > RANK[had.severity] || rank === RANK[had.severity] && score > scores.get(had)) {
      had.severity = severity;
      scores.set(had, score);
    }
    had.url ??= url;
    had.title ??= title;
    if (pkg) had.packages.push(pkg);
  };
  for (const result of report.Results ?? []) {
    for (const v of result.Vulnerabilities ?? []) {
      add(
        v.VulnerabilityID,
        "vulnerability",
        v.Severity,
        scoreOf(v.Severity, v.CVSS, v.SeveritySource),
        v.PrimaryURL || void 0,
        v.Title || void 0,
        v.FixedVersion ? { name: v.PkgName, installed: v.InstalledVersion, fixed: v.FixedVersion } : { name: v.PkgName, installed: v.InstalledVersion }
      );
    }
    for (const s of result.Secrets ?? []) {
      add(
        s.RuleID,
        "secret",
        s.Severity,
        SEVERITY_NUMBER[s.Severity],
        void 0,
        s.Title || void 0
      );
    }
    for (const m of result.Misconfigurations ?? []) {
      const id = m.ID ?? m.AVDID;
      if (!id) continue;
      add(
        id,
        "misconfiguration",
        m.Severity,
        SEVERITY_NUMBER[m.Severity],
        m.PrimaryURL || void 0,
        m.Title || void 0
      );
    }
  }
  for (const [rule, score] of scores) rule.score = score.toFixed(1);
  return facts;
}
function uriOf(path) {
  return path.split("/").map((s) => encodeURIComponent(s)).join("/");
}
function validUri(uri) {
  if (!/[^A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]/.test(uri) && !/%(?![0-9A-Fa-f]{2})/.test(uri)) {
    return uri;
  }
  return uriOf(uri);
}
function shapeSarif(log, opts) {
  const merged = log.runs.length === 1 ? log : mergeSarif([log]);
  const run = merged.runs[0];
  if (!run) throw new Error("trivy convert wrote SARIF without a run.");
  const rules = (run.tool.driver.rules ?? []).map(
    (rule) => shapeRule(rule, opts.facts.get(rule.id))
  );
  const results = (run.results ?? []).map((result) => {
    const id = result.ruleId ?? (result.ruleIndex !== void 0 ? rules[result.ruleIndex]?.id : void 0);
    return shapeResult(result, id ? opts.facts.get(id) : void 0, opts);
  });
  const properties = {
    ...run.properties,
    ...opts.platform ? { platform: opts.platform } : {}
  };
  return {
    version: merged.version,
    ...merged.$schema ? { $schema: merged.$schema } : {},
    runs: [
      {
        ...run,
        tool: { ...run.tool, driver: { ...run.tool.driver, rules } },
        results,
        automationDetails: { id: opts.category },
        properties
      }
    ]
  };
}
function shapeRule(rule, facts) {
  if (!facts) return rule;
  const props = rule.properties ?? {};
  const tags = Array.isArray(props.tags) ? props.tags.map(String) : [facts.kind];
  for (const tag of ["security", facts.severity]) if (!tags.includes(tag)) tags.push(tag);
  const help = rule.help;
  const fixedInHelp = typeof help?.text === "string" && /Fixed Version:/.test(help.text);
  return {
    ...rule,
    defaultConfiguration: {
      ...rule.defaultConfiguration,
      level: sarifLevel(facts.severity)
    },
    ...facts.kind === "vulnerability" && !fixedInHelp ? { help: helpOf(rule.id, facts) } : {},
    properties: { ...props, tags, "security-severity": facts.score }
  };
}
function helpOf(id, facts) {
  const fixed = (p) => p.fixed ?? "no fix available";
  const text = [
    `Vulnerability ${id}`,
    `Severity: ${facts.severity}`,
    ...facts.packages.map((p) => `Package: ${p.name} ${p.installed}
Fixed Version: ${fixed(p)}`),
    ...facts.url ? [`Link: ${facts.url}`] : []
  ].join("\n");
  const rows = facts.packages.map(
    (p) => `|${facts.severity}|${code(p.name)}|${code(p.installed)}|${p.fixed ? code(p.fixed) : "no fix available"}|`
  );
  const markdown = [
    `**Vulnerability ${escapeInline(id)}**`,
    "| Severity | Package | Installed Version | Fixed Version |",
    "| --- | --- | --- | --- |",
    ...rows,
    ...facts.title ? ["", escapeInline(facts.title, 300)] : []
  ].join("\n");
  return { text, markdown };
}
function shapeResult(result, facts, opts) {
  const level = result.level ?? (facts ? sarifLevel(facts.severity) : void 0);
  const locations = result.locations ?? [];
  if (level) result.level = level;
  result.locations = opts.location && facts?.kind === "vulnerability" ? [dockerfileLocation(opts.location, locations[0], opts.image)] : locations.map(withValidUri);
  return result;
}
function dockerfileLocation(where, original, image) {
  const message = original?.message?.text ?? image;
  return {
    physicalLocation: {
      artifactLocation: { uri: uriOf(where.path) },
      region: { startLine: where.line, startColumn: 1, endLine: where.line, endColumn: 1 }
    },
    message: { text: message }
  };
}
function withValidUri(location) {
  const physical = location.physicalLocation;
  const uri = physical?.artifactLocation?.uri;
  if (typeof uri !== "string") return location;
  const valid = validUri(uri);
  if (valid === uri) return location;
  return {
    ...location,
    physicalLocation: {
      ...physical,
      artifactLocation: { ...physical?.artifactLocation, uri: valid }
    }
  };
}

// src/derive/run.ts
function shapeSarifInto(input, shape, fd) {
  const parsed = JSON.parse(readJsonText(input));
  if (!isSarifLog(parsed)) throw new Error(`trivy convert wrote ${input}, which is not SARIF.`);
  writeJsonTo(fd, shapeSarif(parsed, shape));
}
var convert = (trivyPath, step, logger) => convertReport(trivyPath, step.input, step.format, step.output, logger);
async function runDerivation(plan, logger) {
  const images = [];
  try {
    for (const image of plan.images) {
      const done = {};
      images.push(done);
      const sbom = image.sbom ? convert(plan.trivyPath, image.sbom, logger) : void 0;
      sbom?.catch(() => void 0);
      if (image.sarif) {
        const { convert: step, shape, path } = image.sarif;
        const out = await convert(plan.trivyPath, step, logger);
        await replaceWith(path, (file) => shapeSarifInto(out, shape, file.fd));
        done.sarif = path;
      }
      if (sbom) done.sbom = await sbom;
    }
    return { images };
  } catch (error) {
    return { images, error: error instanceof Error ? error.message : String(error) };
  }
}

// src/layers/index.ts
async function attributePlatforms(scan, platforms, stage) {
  const judged = /* @__PURE__ */ new Map();
  let first;
  for (const p of platforms) {
    const own = toImageScan(p.report, { image: scan.image, artifacts: { trivyJson: p.trivyJson } });
    own.digest = p.digest;
    const result = await stage.attribute(own, p.report);
    first ??= result;
    for (const f of result.findings) {
      if (!f.layer) continue;
      const id = exactIdentity(f);
      judged.set(id, [...judged.get(id) ?? [], f.layer]);
    }
  }
  const counts = { fromBase: 0, fromApp: 0, unattributed: 0 };
  for (const f of scan.findings) {
    const on = judged.get(exactIdentity(f)) ?? [];
    const fromBase = on.some((l) => l.fromBase === false) ? false : on.length > 0 && on.every((l) => l.fromBase === true) ? true : null;
    f.layer = { diffId: on[0]?.diffId ?? f.layer?.diffId ?? null, fromBase };
    if (fromBase === true) counts.fromBase++;
    else if (fromBase === false) counts.fromApp++;
    else counts.unattributed++;
  }
  const layers = first?.layers ?? { base: null, unknown: "no platform was attributed", ...counts };
  return {
    findings: scan.findings,
    layers: { ...layers, ...counts },
    refused: first?.refused ?? []
  };
}
async function attributeLayers(scanned, stage, opts) {
  const out = [];
  for (const { scan, report, platforms } of scanned) {
    let layers;
    try {
      const result = platforms?.length ? await attributePlatforms(scan, platforms, stage) : await stage.attribute(scan, report);
      scan.findings = result.findings;
      layers = result.layers;
      for (const r of result.refused) {
        if (opts.app || r.how !== "dockerfile") opts.warnings.push(r.message);
        else opts.logger.info(`layers: ${r.message}`);
      }
    } catch (error) {
      const { findings, counts } = attributeFindings(scan.findings, void 0, void 0);
      scan.findings = findings;
      layers = {
        base: null,
        unknown: `the layer attribution failed: ${redactedMessage(error)}`,
        ...counts
      };
    }
    if (layers.base) {
      const b = layers.base;
      opts.logger.info(
        `layers: ${scan.image}: base ${b.ref ?? "(from history)"} (${b.how}), ${b.layers} of ${layers.imageLayers ?? "?"} layers; ${layers.fromBase} finding(s) from the base, ${layers.fromApp} from the image's own layers, ${layers.unattributed} unattributed`
      );
    }
    if (layers.base === null) {
      const why = `${scan.image}: the base image is unknown (${layers.unknown ?? "no source named it"})`;
      if (opts.app) {
        opts.warnings.push(
          `${why}, so fail-on-scope app counts every finding of this image as the image's own. Give \`dockerfile\`, or build with the org.opencontainers.image.base.name/digest annotations.`
        );
      } else opts.logger.info(`layers: ${why}; no finding is attributed to a base image.`);
    } else if (opts.app && layers.unattributed > 0) {
      opts.warnings.push(
        `${scan.image}: ${layers.unattributed} finding(s) have no layer Trivy named, or one the scanned image does not have, so fail-on-scope app counts them as the image's own.`
      );
    }
    out.push(layers);
  }
  return out;
}

// src/platforms/merge.ts
function repositoryOf2(image) {
  return image.replace(/@.*$/, "").replace(/:[^/:]+$/, "");
}
function relabel(report, ref, image) {
  const rename = (target) => target.startsWith(ref) ? image + target.slice(ref.length) : target;
  return {
    ...report,
    ArtifactName: image,
    Results: report.Results?.map((r) => ({ ...r, Target: rename(r.Target) }))
  };
}
function uniqueBy(items, id) {
  const seen = /* @__PURE__ */ new Set();
  return items.filter((item) => {
    const k = id(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
function mergeReports(image, indexDigest, reports) {
  const groups = /* @__PURE__ */ new Map();
  for (const report of reports) {
    for (const r of report.Results ?? []) {
      const k = [r.Target, r.Class ?? "", r.Type ?? ""].join("\0");
      groups.set(k, [...groups.get(k) ?? [], r]);
    }
  }
  const results = [...groups.values()].map((rs) => {
    const first2 = rs[0];
    const all = (key) => rs.flatMap((r) => r[key] ?? []);
    const merged = { ...first2 };
    if (rs.some((r) => r.Vulnerabilities)) {
      merged.Vulnerabilities = uniqueBy(
        all("Vulnerabilities"),
        (v) => [
          v.PkgID ?? `${v.PkgName}@${v.InstalledVersion}`,
          v.PkgPath ?? "",
          v.VulnerabilityID
        ].join("\0")
      );
    }
    if (rs.some((r) => r.Secrets)) {
      merged.Secrets = uniqueBy(
        all("Secrets"),
        (s) => JSON.stringify([s.RuleID, s.StartLine, s.Match])
      );
    }
    if (rs.some((r) => r.Misconfigurations)) {
      merged.Misconfigurations = uniqueBy(
        all("Misconfigurations"),
        (m) => JSON.stringify([m.ID ?? m.AVDID, m.CauseMetadata?.StartLine, m.Status])
      );
    }
    if (rs.some((r) => r.ExperimentalModifiedFindings)) {
      merged.ExperimentalModifiedFindings = uniqueBy(
        all("ExperimentalModifiedFindings"),
        (m) => {
          const f = m.Finding ?? {};
          return JSON.stringify([
            m.Type,
            m.Status,
            m.Source,
            f.VulnerabilityID ?? f.RuleID ?? f.ID ?? f.AVDID ?? f.Name,
            f.PkgID ?? f.PkgName,
            f.PkgPath ?? "",
            f.InstalledVersion ?? ""
          ]);
        }
      );
    }
    if (rs.some((r) => r.Packages)) {
      merged.Packages = uniqueBy(
        all("Packages"),
        (p) => JSON.stringify([p.ID ?? `${p.Name}@${p.Version}`, p.FilePath ?? ""])
      );
    }
    return merged;
  });
  const first = reports[0];
  return {
    ...first,
    ArtifactName: image,
    Metadata: {
      ...first.Metadata,
      RepoDigests: [`${repositoryOf2(image)}@${indexDigest}`],
      RepoTags: image.includes("@") ? [] : [image]
    },
    Results: results
  };
}
function mergedScan(image, indexDigest, platforms, mergedReport, trivyJson, suppressions) {
  const scan = toImageScan(mergedReport, {
    image,
    artifacts: { trivyJson },
    ...suppressions ? { suppressions } : {}
  });
  scan.digest = indexDigest;
  const on = /* @__PURE__ */ new Map();
  for (const p of platforms) {
    for (const f of findingsOf(p.report)) {
      const id = exactIdentity(f);
      on.set(id, [...on.get(id) ?? [], p.platform]);
    }
  }
  for (const f of scan.findings) f.platforms = [...new Set(on.get(exactIdentity(f)) ?? [])];
  return scan;
}

// src/render/compare.ts
function compareFindings(current, baseline, baselineName2, source) {
  const before = new Set(baseline.map((f) => f.key));
  const now = new Set(current.map((f) => f.key));
  const introduced = [];
  const seenIntroduced = /* @__PURE__ */ new Set();
  for (const f of current) {
    if (before.has(f.key) || seenIntroduced.has(f.key)) continue;
    seenIntroduced.add(f.key);
    introduced.push(f.key);
  }
  const fixed = [];
  const seenFixed = /* @__PURE__ */ new Set();
  for (const f of baseline) {
    if (now.has(f.key) || seenFixed.has(f.key)) continue;
    seenFixed.add(f.key);
    fixed.push(f);
  }
  return { baseline: baselineName2, source, introduced, fixed };
}

// src/report/assemble.ts
function imageReportOf(scan, evaluated) {
  return {
    ...evaluated,
    os: scan.metadata.os,
    artifactType: scan.artifactType,
    trivyVersion: scan.trivyVersion,
    scannedAt: scan.scannedAt,
    packages: scan.packages,
    suppressed: scan.suppressed,
    artifacts: scan.artifacts,
    fixFirst: fixFirst(evaluated.findings)
  };
}
function shipgateReport(opts) {
  const { evaluation } = opts;
  const notScanned = opts.notScanned ?? [];
  return {
    schema: "shipgate.report/v1",
    tool: { name: "shipgate", version: opts.version },
    createdAt: opts.createdAt.toISOString(),
    verdict: opts.final?.verdict ?? evaluation.verdict,
    reason: opts.final?.reason ?? evaluation.reason,
    failOn: evaluation.failOn,
    gateScope: evaluation.scope,
    ignoreUnfixed: opts.ignoreUnfixed,
    // A sum over some of the images would read as the job's total: leave it out instead.
    ...notScanned.length ? {} : { totals: evaluation.totals },
    images: opts.images,
    notScanned,
    expiredRules: evaluation.expiredRules,
    unusedRules: evaluation.unusedRules,
    expiringRules: evaluation.expiringRules,
    warnings: opts.warnings ?? []
  };
}
var SEGMENT_MAX = 64;
var NAME_MAX = 160;
var FILE_MAX = 120;
var hash8 = (text) => createHash("sha256").update(text).digest("hex").slice(0, 8);
function sanitizeSegments(text) {
  const segments = text.split("/").filter((s) => !/^\.*$/.test(s)).map(
    (s) => s.replace(/[^A-Za-z0-9._:-]+/g, "_").replace(/:{2,}/g, "_").slice(0, SEGMENT_MAX)
  );
  const joined = segments.join("/").slice(0, NAME_MAX).replace(/\/+$/, "");
  return joined || "image";
}
function stableName(image, keepTag) {
  const withoutDigest = image.trim().replace(/@.*$/, "");
  return keepTag ? withoutDigest : repositoryOf(image) || withoutDigest;
}
function sarifNames(subjects) {
  const repos = subjects.map((s) => repositoryOf(s.image));
  const sharedRepo = (i) => repos.filter((r) => r === repos[i]).length > 1;
  const names = subjects.map((s, i) => {
    const raw = stableName(s.image, sharedRepo(i));
    const safe = sanitizeSegments(raw);
    return safe === raw ? safe : `${safe}-${hash8(raw)}`;
  });
  const platformOf = (i) => {
    const p = subjects[i]?.platform;
    return p ? `/${sanitizeSegments(p)}` : "";
  };
  let bodies = names.map((n, i) => `${n}${platformOf(i)}`);
  bodies = disambiguate(
    bodies,
    (i) => `${names[i]}-${hash8(`${subjects[i]?.image}`)}${platformOf(i)}`
  );
  bodies = disambiguate(bodies, (i) => `${names[i]}-${i + 1}${platformOf(i)}`);
  const categories = bodies.map((b) => `shipgate/${b}/`);
  let files = bodies.map((b) => fileNameOf(b));
  files = disambiguate(
    files,
    (i) => fileNameOf(bodies[i], hash8(categories[i])),
    true
  );
  files = disambiguate(files, (i) => fileNameOf(bodies[i], String(i + 1)), true);
  return categories.map((category, i) => ({ category, file: files[i] }));
}
function fileNameOf(body, suffix) {
  const flat = body.replace(/[/:]+/g, "_").replace(/^[.-]+/, "_").slice(0, FILE_MAX);
  return `${flat}${suffix ? `-${suffix}` : ""}.sarif`;
}
function disambiguate(values, redo, ignoreCase = false) {
  const key = (v) => ignoreCase ? v.toLowerCase() : v;
  const count = /* @__PURE__ */ new Map();
  for (const v of values) count.set(key(v), (count.get(key(v)) ?? 0) + 1);
  return values.map((v, i) => (count.get(key(v)) ?? 0) > 1 ? redo(i) : v);
}
async function dockerfileLocation2(dockerfile, root) {
  const fallback = "so SARIF points at the image instead.";
  const rel = relative(resolve(root), resolve(root, dockerfile));
  if (rel === "" || rel.startsWith("..") || isAbsolute(rel)) {
    return {
      warning: `The dockerfile ${JSON.stringify(dockerfile)} is outside the repository (${root}), ${fallback}`
    };
  }
  let text;
  try {
    text = await readFile(resolve(root, dockerfile), "utf8");
  } catch (error) {
    return {
      warning: `Could not read the dockerfile ${JSON.stringify(dockerfile)} (${error.code ?? error.message}), ${fallback}`
    };
  }
  let line;
  try {
    line = analyzeDockerfile(text, dockerfile).finalBaseLine;
  } catch (error) {
    return { warning: `${error.message} SARIF points at the image instead.` };
  }
  if (!line) return { warning: `The dockerfile has no FROM line, ${fallback}` };
  return { path: rel.split(sep).join("/"), line };
}

// src/pipeline.ts
async function pool(items, limit, work) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i], i).then(
        (value) => ({ status: "fulfilled", value }),
        (reason) => ({ status: "rejected", reason })
      );
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
function slug(image, index) {
  return `${index + 1}-${image.replace(/[^A-Za-z0-9._-]+/g, "_").slice(0, 80)}`;
}
async function analyse(image, outputDir, trivy, req, deps, platform = singlePlatform(req.platform)) {
  await mkdir(outputDir, { recursive: true });
  const vexFiles = await req.vex?.filesFor(image, outputDir) ?? [];
  const { jsonPath, report } = await scanImage(
    {
      trivyPath: trivy.path,
      image,
      outputDir,
      scanners: req.scanners,
      timeout: req.timeout,
      platform,
      cacheDir: trivy.cacheDir,
      skipDbUpdate: trivy.skipDbUpdate,
      graceMs: req.graceMs,
      env: trivy.env,
      ...trivy.login ? { login: trivy.login } : {},
      ...trivy.server ? { server: trivy.server } : {},
      ...trivy.javaDb ? { javaDb: trivy.javaDb } : {},
      ...vexFiles.length ? { vex: vexFiles.map((f) => f.path) } : {},
      ...readsWhole(req) ? { readAll: true } : {}
    },
    deps.logger
  );
  const suppressions = {
    kind: "scan",
    files: new Map(vexFiles.map((f) => [f.path, f.source]))
  };
  const artifacts = { trivyJson: jsonPath };
  return { scan: toImageScan(report, { image, artifacts, suppressions }), report, suppressions };
}
function platformDir(c) {
  return `${c.platform.replace(/\//g, "_")}-${c.digest.replace(/^sha256:/, "").slice(0, 16)}`;
}
var UNLISTED = /* @__PURE__ */ new Set([
  "not-found",
  "unreachable",
  "unauthorized",
  "denied"
]);
function unlisted(error) {
  return error instanceof RegistryError && UNLISTED.has(error.kind);
}
async function scanAll(req, deps) {
  if (req.reportFile) {
    const report = await readTrivyReport(req.reportFile, { all: readsWhole(req) });
    const scan = toImageScan(report, {
      image: req.images[0],
      artifacts: { trivyJson: req.reportFile }
    });
    return { scanned: [{ scan, report }], notScanned: [], errors: [], warnings: [] };
  }
  const trivy = await deps.trivy();
  if (!trivy) {
    throw new Error(
      "Trivy is not available: install it, or pass an existing report with `trivy-report`."
    );
  }
  const errors = [];
  const warnings = [];
  const failed = /* @__PURE__ */ new Map();
  const named = req.platform?.kind === "some" ? req.platform.platforms : void 0;
  const listing = deps.platforms;
  const listed = listing ? await pool(req.images, req.concurrency, (image) => listing(image, named)) : [];
  const indexes = /* @__PURE__ */ new Map();
  const targets = [];
  for (const [i, image] of req.images.entries()) {
    const dir = join(req.outputDir, slug(image, i));
    const l = listed[i];
    if (l?.status === "rejected") {
      const error = l.reason;
      if (!unlisted(error)) {
        failed.set(i, `${image}: ${error.message}`);
        continue;
      }
      if (named && named.length > 1) {
        failed.set(
          i,
          `${image}: its platforms could not be listed (${error.message.split("\n")[0]}), so ${named.join(", ")} cannot each be scanned. Give Shipgate read access to the registry (registry-username/password or docker login), or scan one platform per job.`
        );
        continue;
      }
      warnings.push(
        `${image}: its platforms could not be listed (${error.message.split("\n")[0]}); Trivy scanned the image it resolves${named?.length === 1 ? ` for ${named[0]}` : ""}. If this is a multi-platform image, its other platforms were not scanned.`
      );
    }
    if (l?.status === "fulfilled" && l.value.kind === "index") {
      indexes.set(i, l.value.digest);
      for (const c of l.value.children) {
        targets.push({
          image: i,
          ref: `${repositoryOf2(image)}@${c.digest}`,
          dir: join(dir, platformDir(c)),
          child: c
        });
      }
      continue;
    }
    targets.push({ image: i, ref: image, dir });
  }
  const settled = await pool(targets, req.concurrency, (t) => {
    deps.baseImage?.prefetch?.(t.ref);
    return analyse(
      t.ref,
      t.dir,
      trivy,
      req,
      deps,
      t.child ? void 0 : singlePlatform(req.platform)
    );
  });
  const byImage = /* @__PURE__ */ new Map();
  for (const [n, t] of targets.entries()) {
    byImage.set(t.image, [
      ...byImage.get(t.image) ?? [],
      { target: t, result: settled[n] }
    ]);
  }
  const scanned = [];
  const notScanned = [];
  for (const [i, image] of req.images.entries()) {
    const early = failed.get(i);
    const runs = byImage.get(i) ?? [];
    const broken = runs.filter((r) => r.result.status === "rejected");
    if (early || broken.length || runs.length === 0) {
      const reasons = early ? [early] : broken.map((r) => {
        const reason = r.result.reason;
        const message = reason?.message ?? String(reason);
        return r.target.child ? `${r.target.child.platform}: ${message}` : message;
      });
      errors.push(...reasons);
      notScanned.push({
        image,
        reason: broken.length && runs.some((r) => r.target.child) ? `${broken.length} of ${runs.length} platforms not scanned: ${reasons.join("; ")}` : reasons.join("; ")
      });
      continue;
    }
    const indexDigest = indexes.get(i);
    const only = runs[0]?.result;
    if (indexDigest === void 0 && only?.status === "fulfilled") {
      scanned.push(only.value);
      continue;
    }
    if (indexDigest === void 0) continue;
    scanned.push(
      await mergePlatforms(
        image,
        indexDigest,
        runs.map(({ target, result }) => {
          const { report, scan, suppressions } = result.value;
          const child = target.child;
          return {
            platform: child.platform,
            digest: child.digest,
            ref: target.ref,
            report: relabel(report, target.ref, image),
            trivyJson: scan.artifacts.trivyJson,
            ...suppressions ? { suppressions } : {}
          };
        }),
        join(req.outputDir, slug(image, i))
      )
    );
  }
  return { scanned, notScanned, errors, warnings };
}
async function mergePlatforms(image, indexDigest, platforms, dir) {
  const report = mergeReports(
    image,
    indexDigest,
    platforms.map((p) => p.report)
  );
  await mkdir(dir, { recursive: true });
  const trivyJson = join(dir, "trivy.merged.json");
  await writeFile(trivyJson, JSON.stringify(report));
  const files = /* @__PURE__ */ new Map();
  for (const p of platforms) {
    if (p.suppressions?.kind === "scan") for (const [k, v] of p.suppressions.files) files.set(k, v);
  }
  const suppressions = platforms.some((p) => p.suppressions) ? { kind: "scan", files } : void 0;
  const scan = mergedScan(image, indexDigest, platforms, report, trivyJson, suppressions);
  return { scan, report, platforms, ...suppressions ? { suppressions } : {} };
}
var TAMPERED = /* @__PURE__ */ new Set([
  "compromised-version",
  "checksum-mismatch",
  "broken-archive",
  "binary-check-failed",
  "signature-malformed",
  "signature-invalid",
  "signature-identity"
]);
function ignoredIdentities(scan, settings) {
  return new Set(setAside(scan, settings).map(exactIdentity));
}
function readsWhole(req) {
  return req.sarifPath !== void 0 && (req.ignoreUnfixed || req.ignoreFile !== void 0 || (req.ignoreRules?.length ?? 0) > 0);
}
function sarifSubjects(scanned, req) {
  const platform = singlePlatform(req.platform);
  return scanned.map(({ scan }) => ({ image: scan.image, ...platform ? { platform } : {} }));
}
var derivationError = (message) => `Could not derive SARIF/SBOM from the Trivy report: ${message}`;
async function derive(scanned, policy, req, deps) {
  const warnings = [];
  const settled = (d) => ({ done: Promise.resolve(d) });
  if (!req.sarifPath && !req.sbomFormat) return settled({ sarif: [], warnings });
  let trivy;
  try {
    trivy = await deps.trivy();
  } catch (error) {
    if (error instanceof TrivyInstallError && (error.input || TAMPERED.has(error.code))) {
      throw error;
    }
    warnings.push(`Trivy could not be installed for the conversions: ${error.message}`);
  }
  if (!trivy) {
    warnings.push(
      "SARIF and SBOM files were not written: they are converted from the report by `trivy convert`, and no trivy binary is available."
    );
    return settled({ sarif: [], warnings });
  }
  try {
    return await planAndStart(scanned, policy, req, deps, trivy, warnings);
  } catch (error) {
    return settled({ sarif: [], warnings, error: derivationError(error.message) });
  }
}
async function planAndStart(scanned, policy, req, deps, trivy, warnings) {
  const subjects = sarifSubjects(scanned, req);
  const names = sarifNames(subjects);
  let location;
  if (req.sarifPath && req.sarif?.dockerfile) {
    const found = await dockerfileLocation2(req.sarif.dockerfile, req.sarif.root ?? process.cwd());
    if ("warning" in found) warnings.push(found.warning);
    else location = found;
  }
  let sink;
  let sarifError;
  if (req.sarifPath && scanned.length) {
    const target = sarifTarget(req.sarifPath, scanned.length);
    sink = await openSarifTarget(target, req.sarifPath, req.sarif?.confineTo).catch((error) => {
      sarifError = error;
      return void 0;
    });
  }
  const plan = { trivyPath: trivy.path, images: [] };
  for (const [i, { scan, report }] of scanned.entries()) {
    const dir = join(req.outputDir, slug(scan.image, i));
    await mkdir(dir, { recursive: true });
    const image = {};
    plan.images.push(image);
    if (req.sbomFormat) {
      const input = join(dir, "trivy.packages.json");
      await writeFile(input, JSON.stringify(packagesOnly(report)));
      const ext = req.sbomFormat === "cyclonedx" ? "cdx.json" : "spdx.json";
      image.sbom = { input, format: req.sbomFormat, output: join(dir, `sbom.${ext}`) };
    }
    if (sink) {
      const ignored = ignoredIdentities(scan, policy);
      let input = scan.artifacts.trivyJson;
      let judged = report;
      if (ignored.size > 0 || !isVerbatim(report) || !input) {
        const whole = holdsEverything(report) ? report : await readWhole(input);
        judged = filterReport(whole, (f) => ignored.has(exactIdentity(f)));
        input = join(dir, "trivy.policy.json");
        await writeFile(input, JSON.stringify(judged));
      }
      const name = names[i];
      image.sarif = {
        convert: { input, format: "sarif", output: join(dir, "trivy.sarif") },
        shape: {
          category: name.category,
          image: scan.image,
          ...subjects[i]?.platform ? { platform: subjects[i].platform } : {},
          facts: ruleFactsOf(judged),
          ...location ? { location } : {}
        },
        path: sink.place(name.file)
      };
    }
  }
  const scans = scanned.map((s) => s.scan);
  const listsPackages = scanned.map((s) => s.report.Results?.some((r) => r.Packages?.length));
  const done = runDerivation(plan, deps.logger).then((outcome) => {
    const sarif = [];
    for (const [i, written] of outcome.images.entries()) {
      const scan = scans[i];
      const platform = subjects[i]?.platform;
      if (written.sarif) {
        scan.artifacts.sarif = written.sarif;
        sarif.push({
          image: scan.image,
          ...platform ? { platform } : {},
          category: names[i].category,
          path: written.sarif
        });
      }
      if (written.sbom) {
        if (req.sbomFormat === "cyclonedx") scan.artifacts.cyclonedx = written.sbom;
        else scan.artifacts.spdx = written.sbom;
        if (!listsPackages[i]) {
          warnings.push(
            `${scan.image}: the Trivy report lists no packages (made with --list-all-pkgs=false?), so its SBOM has no components.`
          );
        }
      }
    }
    const failure = outcome.error ?? (sarifError === void 0 ? void 0 : sarifError.message);
    return { sarif, warnings, ...failure ? { error: derivationError(failure) } : {} };
  });
  return { done };
}
async function readWhole(path) {
  if (!path) throw new Error("internal: a report read in part has no file to read whole");
  return readTrivyReport(path, { all: true });
}
async function loadBaseline(source, image, index, req, deps) {
  if (source.kind === "report") return baselineFindings(source.path, image);
  const trivy = await deps.trivy();
  if (!trivy) throw new Error(`comparing with ${source.image} needs Trivy to scan it.`);
  const dir = join(req.outputDir, `baseline-${slug(source.image, index)}`);
  const named = req.platform?.kind === "some" ? req.platform.platforms : void 0;
  const listed = deps.platforms ? await deps.platforms(source.image, named).catch((error) => {
    if (unlisted(error)) return void 0;
    throw error;
  }) : void 0;
  if (listed?.kind === "index") {
    const findings = [];
    for (const c of listed.children) {
      const ref = `${repositoryOf2(source.image)}@${c.digest}`;
      const { scan: scan2 } = await analyse(ref, join(dir, platformDir(c)), trivy, req, deps, void 0);
      findings.push(...scan2.findings);
    }
    return { findings, record: { kind: "image", image: source.image, digest: listed.digest } };
  }
  const { scan } = await analyse(source.image, dir, trivy, req, deps);
  return {
    findings: scan.findings,
    record: { kind: "image", image: source.image, digest: scan.digest }
  };
}
function baselineName(source) {
  return source.kind === "image" ? source.image : source.path;
}
async function loadBaselines(scans, req, deps, warnings) {
  const out = [];
  for (const [i, scan] of scans.entries()) {
    const source = req.compareTo?.[req.compareTo.length === 1 ? 0 : i];
    if (!source) {
      out.push(void 0);
      continue;
    }
    const name = baselineName(source);
    try {
      out.push({ name, ...await loadBaseline(source, scan.image, i, req, deps) });
    } catch (error) {
      warnings.push(`No comparison with ${name} for ${scan.image}: ${error.message}`);
      out.push(void 0);
    }
  }
  return out;
}
async function checkBaseImage(stage, scan, errors, warnings) {
  try {
    return await stage.check(scan);
  } catch (error) {
    const message = `Base-image check for ${scan.image} failed: ${error.message}`;
    if (stage.mode === "enforce") errors.push(message);
    else warnings.push(message);
    return void 0;
  }
}
async function platformResults(image, platforms, policy, baselineKeys, scopeNew, deps, errors, warnings) {
  const scans = platforms.map(
    (p) => toImageScan(p.report, { image: image.image, artifacts: { trivyJson: p.trivyJson } })
  );
  const evaluation = evaluate(scans, policy, scopeNew ? scans.map(() => baselineKeys) : void 0);
  const out = [];
  for (const [n, p] of platforms.entries()) {
    const e = evaluation.images[n];
    const scan = scans[n];
    if (!e || !scan) continue;
    const result = {
      platform: p.platform,
      digest: p.digest,
      verdict: e.blocking > 0 ? "fail" : "pass",
      counts: e.counts,
      gated: e.gated,
      blocking: e.blocking,
      trivyJson: p.trivyJson,
      ...scan.metadata.os ? { os: scan.metadata.os } : {}
    };
    if (deps.baseImage) {
      const own = { ...scan, image: p.ref, digest: p.digest };
      const base = await checkBaseImage(deps.baseImage, own, errors, warnings);
      if (base) result.baseImage = { ...base, platform: p.platform };
    }
    out.push(result);
  }
  const worst = out.map((r) => r.baseImage).filter((b) => b !== void 0).sort((a, b) => b.violations.length - a.violations.length)[0];
  if (worst) image.baseImage = worst;
  return out;
}
async function runPipeline(req, given) {
  let trivyOnce;
  const deps = { ...given, trivy: () => trivyOnce ??= given.trivy() };
  if (req.reportFile && (req.sarifPath || req.sbomFormat)) {
    deps.trivy().catch(() => void 0);
  }
  const now = deps.now();
  const ignoreRules = [
    // The YAML parser loads only for runs that have an ignore file (issue 13).
    ...req.ignoreFile ? await (await import('./chunk-BG_XBwih.js')).readIgnoreFile(req.ignoreFile) : [],
    ...req.ignoreRules ?? []
  ];
  await mkdir(req.outputDir, { recursive: true });
  const { scanned, notScanned, errors, warnings } = await scanAll(req, deps);
  const scans = scanned.map((s) => s.scan);
  for (const scan of scans) {
    for (const w of scan.warnings ?? []) warnings.push(`${scan.image}: ${w}`);
    if (scan.licenseFindings) {
      warnings.push(
        `${scan.image}: the report holds ${scan.licenseFindings} licence finding(s); Shipgate does not evaluate licences, so they neither pass nor fail the gate.`
      );
    }
  }
  const derivation = await derive(
    scanned,
    { ignoreRules, ignoreUnfixed: req.ignoreUnfixed, now },
    req,
    deps
  );
  const baselines = await loadBaselines(scans, req, deps, warnings);
  const scope = req.gateScope ?? "all";
  const layers = deps.layers ? await attributeLayers(scanned, deps.layers, {
    app: scopeHas(scope, "app"),
    logger: deps.logger,
    warnings
  }) : [];
  const evaluation = evaluate(
    scans,
    {
      failOn: req.failOn,
      ignoreUnfixed: req.ignoreUnfixed,
      ignoreRules,
      now,
      expiringDays: req.expiringDays
    },
    // Without a baseline for an image, every finding of it counts: stricter, never looser.
    scopeHas(scope, "new") ? baselines.map((b) => b ? new Set(b.findings.map((f) => f.key)) : void 0) : void 0,
    { app: scopeHas(scope, "app") }
  );
  const images = [];
  for (const [i, scan] of scans.entries()) {
    const evaluated = evaluation.images[i];
    if (!evaluated) continue;
    const image = imageReportOf(scan, evaluated);
    if (layers[i]) image.layerAttribution = layers[i];
    const baseline = baselines[i];
    if (baseline) {
      image.comparison = notFixedByVex(
        compareFindings(scan.findings, baseline.findings, baseline.name, baseline.record),
        scan.suppressed
      );
    }
    const platforms = scanned[i]?.platforms;
    if (platforms) {
      const policy = {
        failOn: req.failOn,
        ignoreUnfixed: req.ignoreUnfixed,
        ignoreRules,
        now,
        expiringDays: req.expiringDays
      };
      const keys = req.gateScope === "new" ? new Set(baseline?.findings.map((f) => f.key) ?? []) : void 0;
      image.platforms = await platformResults(
        image,
        platforms,
        policy,
        keys && baseline ? keys : void 0,
        req.gateScope === "new",
        deps,
        errors,
        warnings
      );
    } else if (deps.baseImage) {
      image.baseImage = await checkBaseImage(deps.baseImage, scan, errors, warnings);
    }
    images.push(image);
  }
  const scannedImages = scanned.length;
  scanned.length = 0;
  collectParsedReports(deps.logger);
  const derived = await derivation.done;
  warnings.push(...derived.warnings);
  if (derived.error) errors.push(derived.error);
  const sarif = derived.sarif;
  if (req.vex) warnings.push(...req.vex.warnings);
  const report = shipgateReport({
    evaluation,
    images,
    notScanned,
    version: deps.version,
    createdAt: now,
    ignoreUnfixed: req.ignoreUnfixed,
    warnings,
    final: finalVerdict(evaluation, images, errors)
  });
  if (req.vex) {
    report.vex = { sources: req.vex.records };
    if (req.vex.requiredAuthors) report.vex.requiredAuthors = req.vex.requiredAuthors;
  }
  const db = scannedImages && !req.reportFile ? (await deps.trivy())?.db : void 0;
  if (db) report.vulnerabilityDb = db;
  const reportPath = join(req.outputDir, "shipgate-report.json");
  if (!req.deferReportFile) await writeJsonFile(reportPath, report);
  return {
    report,
    reportPath,
    ...sarif[0] ? { sarifPath: sarif[0].path, sarif } : {},
    errors
  };
}

// src/github/authorship.ts
var ACTIONS_BOT = { login: "github-actions[bot]", type: "Bot" };
async function resolveOwnAuthor(expectedAuthor, github, logger) {
  const expected = expectedAuthor?.trim();
  if (expected) return byLogin(expected, void 0, `\`${expected}\` (expectedAuthor)`);
  const user = github.authenticatedUser ? await github.authenticatedUser() : void 0;
  const own = user ? byLogin(user.login, void 0, `\`${user.login}\` (the token's user)`) : byLogin(
    ACTIONS_BOT.login,
    ACTIONS_BOT.type,
    `\`${ACTIONS_BOT.login}\` (the token is a GitHub App installation token)`
  );
  logger.debug(`Shipgate's own comments are those by ${own.description}.`);
  return own;
}
function byLogin(login, type, description) {
  const wanted = login.toLowerCase();
  return {
    description,
    accepts: (author) => author !== void 0 && author.login.toLowerCase() === wanted && (type === void 0 || author.type === type)
  };
}
function checkOwnComment(author, own, logger) {
  if (!author || own.accepts(author)) return;
  logger.warning(
    `The pull-request comment was posted as \`${author.login}\`, but Shipgate only treats comments by ${own.description} as its own, so the next run will post a new comment instead of updating this one. Set \`comment-author: ${author.login}\` (expectedAuthor) to let it update this comment.`
  );
}

createRequire(import.meta.url);

// src/version.ts
var VERSION = "0.1.0";

createRequire(import.meta.url);

// src/settings/record.ts
function settingsRecord(settings) {
  const values = {};
  const tables = [
    [SCAN_SPEC, settings.scan],
    [COMMENT_SPEC, settings.comment]
  ];
  for (const [spec, resolved] of tables) {
    for (const [field, row] of Object.entries(spec)) {
      const setting = resolved[field];
      if (!row.policy || !setting) continue;
      values[row.key] = { value: setting.value ?? null, from: shortOrigin(setting.origin) };
    }
  }
  return settings.policy ? { policy: settings.policy, values } : { values };
}
function shown(value) {
  if (value === null || value === void 0) return "_none_";
  if (Array.isArray(value))
    return value.length ? value.map((v) => code(String(v))).join(", ") : "_none_";
  return code(String(value));
}
function settingsMarkdown(record) {
  const rows = Object.entries(record.values).map(([key, { value, from }]) => [
    code(key),
    shown(value),
    escapeInline(from.replace(/`/g, ""))
  ]);
  const policy = record.policy ? `Policy file ${code(record.policy.file)}${record.policy.sha256 ? ` (sha256 ${code(record.policy.sha256)})` : ""}.

` : "";
  return details(
    "Settings and where they came from",
    `${policy}${table(["Setting", "Value", "From"], rows)}`
  );
}

createRequire(import.meta.url);

// src/sign/github-identity.ts
var SIGSTORE_AUDIENCE = "sigstore";
function githubIdentity(env = process.env) {
  return {
    /** Whether the runner offers a token at all (the job has `id-token: write`). */
    available() {
      return Boolean(env.ACTIONS_ID_TOKEN_REQUEST_URL && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN);
    },
    preflight() {
      if (!this.available()) throw new MissingIdTokenPermissionError();
    },
    async getToken() {
      this.preflight();
      try {
        const token = await getIDToken(SIGSTORE_AUDIENCE);
        registerSecret(token);
        return token;
      } catch (error) {
        throw new IdentityTokenError(
          `GitHub refused the OIDC token for audience '${SIGSTORE_AUDIENCE}': ${redactedMessage(error).replace(/\s+/g, " ").trim()}. Check 'permissions: id-token: write' on this job.`
        );
      }
    }
  };
}

createRequire(import.meta.url);

// src/stages/base-image.ts
function baseImageStage(policy, opts) {
  let client;
  const cache = opts.blobCache ?? new BlobCache();
  const reads = /* @__PURE__ */ new Map();
  const read = (image) => {
    let facts = reads.get(image);
    if (!facts) {
      client ??= Promise.resolve(opts.client()).then((c) => c.withBlobCache(cache));
      facts = Promise.all([import('./chunk-DR-6OqHf.js'), client]).then(
        ([{ inspectImage }, c]) => inspectImage(image, {
          platform: opts.platform,
          client: c,
          logger: opts.logger,
          dockerfile: opts.dockerfile,
          ...opts.timeoutMs === void 0 ? {} : { timeoutMs: opts.timeoutMs }
        })
      );
      facts.catch(() => void 0);
      reads.set(image, facts);
    }
    return facts;
  };
  return {
    mode: policy.mode,
    prefetch(image) {
      if (!opts.offline) void read(image);
    },
    async check(scan) {
      if (opts.offline) return judgeBaseImage(factsFromScan(scan), policy);
      const pinned = scan.digest && !scan.image.includes("@") ? `${scan.image.replace(/:[^/:]+$/, "")}@${scan.digest}` : scan.image;
      const facts = await (reads.has(scan.image) ? read(scan.image) : read(pinned));
      assertSameImage(scan, facts);
      facts.packages ??= scan.packages.os;
      return judgeBaseImage(facts, policy);
    }
  };
}
function assertSameImage(scan, facts) {
  if (!scan.digest || !facts.digest) return;
  if (scan.digest === facts.digest || scan.digest === facts.indexDigest) return;
  throw new Error(
    `${scan.image} changed while it was scanned: Trivy analysed ${scan.digest}, the base-image check read ${facts.digest}. Scan an image pinned by digest (${scan.image.replace(/[:@][^/]*$/, "")}@sha256:\u2026), or re-run once the tag stops moving.`
  );
}

// src/modes/scan.ts
async function vexFor(settings, env) {
  const s = valuesOf(settings);
  if (!s.vex.length) return void 0;
  if (s.trivyReport) {
    return {
      records: [],
      warnings: [
        "`vex` is not applied to a given Trivy report (`trivy-report`): Trivy applies VEX while it scans. The report's own suppressions are shown as they are."
      ],
      filesFor: async () => []
    };
  }
  const [{ VexSourceError }, { parseVexSources }, { vexStage }] = await Promise.all([
    import('./chunk-0z2Yte2t.js'),
    import('./chunk-CdncVZ79.js'),
    import('./chunk-BjUQij9d.js')
  ]);
  try {
    const sources = parseVexSources(s.vex.join("\n"), settings.vex.origin);
    const oci = sources.some((v) => v.kind === "oci") ? await ociReader(settings, env) : void 0;
    return await vexStage(sources, {
      workspace: env.vex?.workspace ?? process.cwd(),
      outputDir: env.outputDir,
      requiredAuthors: s.vexRequiredAuthor,
      base: env.vex?.base,
      oci
    });
  } catch (error) {
    if (error instanceof VexSourceError) throw new InputError(settings.vex.origin, error.message);
    throw error;
  }
}
async function ociReader(settings, env) {
  const s = valuesOf(settings);
  const need = (what) => new InputError(
    settings.vex.origin,
    `\`oci\` keeps only VEX attestations signed by the expected identity: set ${what} (as for mode: verify).`
  );
  if (s.vexCertificateIdentity && s.vexCertificateIdentityRegexp)
    throw new InputError(
      settings.vexCertificateIdentity.origin,
      "give either `certificate-identity` or `certificate-identity-regexp`, not both."
    );
  const identity = s.vexCertificateIdentity ? { exact: s.vexCertificateIdentity } : s.vexCertificateIdentityRegexp ? { regexp: s.vexCertificateIdentityRegexp } : void 0;
  if (!identity) throw need("`certificate-identity` (or `certificate-identity-regexp`)");
  if (!s.vexCertificateOidcIssuer) throw need("`certificate-oidc-issuer`");
  const [{ ociVexReader }, { registryStore }, { loadTrustedRoot }] = await Promise.all([
    import('./chunk-BvcHbPvM.js'),
    import('./chunk-DccvJInj.js'),
    import('./chunk-CeT1tSLj.js')
  ]);
  const path = s.vexTrustedRoot;
  const client = await env.registryClient();
  return ociVexReader({
    store: () => registryStore(client),
    trustedRoot: () => loadTrustedRoot(path ? { path } : {}),
    policy: { identity, issuer: s.vexCertificateOidcIssuer },
    requiredAuthors: s.vexRequiredAuthor
  });
}
async function runScan(settings, env) {
  const s = valuesOf(settings);
  const basePolicy = baseImagePolicyOf(s);
  const offline = s.images.length === 0;
  const blobCache = new BlobCache();
  let client;
  const registryClient = () => {
    client ??= Promise.resolve(env.registryClient());
    return client;
  };
  const attribute = scopeHas(s.failOnScope, "app") || basePolicy !== void 0 && !offline;
  return runPipeline(
    {
      images: s.images,
      reportFile: s.trivyReport,
      failOn: s.failOn,
      ignoreUnfixed: s.ignoreUnfixed,
      ignoreFile: s.ignoreFile,
      ignoreRules: env.exceptions,
      expiringDays: env.expiringDays,
      scanners: s.scanners,
      timeout: s.timeout,
      platform: s.platform,
      sarifPath: env.sarifPath,
      sarif: { ...env.sarif, ...s.dockerfile ? { dockerfile: s.dockerfile } : {} },
      outputDir: env.outputDir,
      concurrency: s.maxParallel,
      compareTo: s.compareTo,
      gateScope: s.failOnScope,
      sbomFormat: env.sbomFormat,
      deferReportFile: env.deferReportFile,
      // The VEX attestations are read with the scan's one client (its tokens, its manifests).
      vex: await vexFor(settings, { ...env, registryClient })
    },
    {
      logger: env.logger,
      trivy: env.trivy,
      now: () => /* @__PURE__ */ new Date(),
      version: VERSION,
      platforms: async (image, named) => (await registryClient()).platforms(
        parseReference(image),
        named,
        describeOrigin(settings.platform.origin)
      ),
      baseImage: basePolicy ? baseImageStage(basePolicy, {
        client: registryClient,
        platform: singlePlatform(s.platform),
        dockerfile: s.dockerfile,
        logger: env.logger,
        offline,
        // The whole read of an image, retries included, stops at the user's timeout.
        timeoutMs: durationMs(s.timeout),
        blobCache
      }) : void 0,
      layers: attribute ? lazyLayerStage({
        client: registryClient,
        blobCache,
        platform: singlePlatform(s.platform),
        dockerfile: s.dockerfile,
        logger: env.logger,
        offline,
        timeoutMs: durationMs(s.timeout)
      }) : void 0
    }
  );
}
function lazyLayerStage(opts) {
  let stage;
  return {
    async attribute(scan, report) {
      stage ??= import('./chunk-D-XtlE_I.js').then(({ layerStage }) => layerStage(opts));
      return (await stage).attribute(scan, report);
    }
  };
}

createRequire(import.meta.url);

// src/github/comment.ts
async function publishComment(input, deps) {
  const { github, logger } = deps;
  let marker;
  try {
    marker = commentMarker(input.key);
  } catch (error) {
    return { status: "failed", reason: error.message, forkReadOnly: false };
  }
  const body = withMarker(input.body, marker);
  if (body.length > COMMENT_MAX_LENGTH) {
    return {
      status: "failed",
      reason: `The comment is ${body.length} characters, over GitHub's limit of ${COMMENT_MAX_LENGTH}; render it with maxLength ${COMMENT_MAX_LENGTH}.`,
      forkReadOnly: false
    };
  }
  try {
    const pages = github.listComments()[Symbol.asyncIterator]();
    const firstPage = pages.next();
    firstPage.catch(() => void 0);
    const own = await resolveOwnAuthor(input.expectedAuthor, github, logger);
    const ours = [];
    const adopted = [];
    for (let page = await firstPage; !page.done; page = await pages.next()) {
      for (const comment of page.value) {
        const oldKey = input.adopts ? markerKey(comment.body) : void 0;
        const adoptable = oldKey !== void 0 && input.adopts?.(oldKey) === true;
        if (!comment.body.includes(marker) && !adoptable) continue;
        const by = comment.author?.login ?? "an unknown account";
        if (!own.accepts(comment.author)) {
          logger.debug(
            `Ignoring comment ${comment.id} by ${by}: it carries the marker for key "${input.key}" but Shipgate only owns comments by ${own.description}.`
          );
        } else if (endsWithMarker(comment.body, marker)) ours.push(comment);
        else if (adoptable) adopted.push(comment);
        else {
          logger.debug(
            `Ignoring comment ${comment.id} by ${by}: the marker for key "${input.key}" is not its last line.`
          );
        }
      }
    }
    logger.debug(`Found ${ours.length} Shipgate comment(s) for key "${input.key}".`);
    if (adopted.length) {
      logger.info(
        `Taking over ${adopted.length} Shipgate comment(s) keyed the old way for "${input.key}".`
      );
      if (!ours.length) ours.push(...adopted.splice(-1));
      for (const old of adopted) await deleteQuietly(github, old.id, logger);
    }
    if (input.mode === "update" && ours[0]) {
      const [keep, ...duplicates] = ours;
      for (const dup of duplicates) await deleteQuietly(github, dup.id, logger);
      if (keep.body === body) {
        logger.info(`Pull-request comment unchanged: ${keep.url ?? keep.id}`);
        return { status: "skipped", url: keep.url };
      }
      const updated = await github.updateComment(keep.id, body);
      logger.info(`Updated the pull-request comment: ${updated.url ?? updated.id}`);
      return { status: "updated", url: updated.url ?? keep.url };
    }
    for (const old of ours) await github.deleteComment(old.id);
    const created = await github.createComment(body);
    logger.info(`Created the pull-request comment: ${created.url ?? created.id}`);
    checkOwnComment(created.author, own, logger);
    return { status: "created", url: created.url };
  } catch (error) {
    return describeFailure(error, input.fromFork === true);
  }
}
async function deleteQuietly(github, id, logger) {
  try {
    await github.deleteComment(id);
  } catch (error) {
    logger.warning(`Could not delete duplicate Shipgate comment ${id}: ${error.message}`);
  }
}
var NOTHING_LOST = "The full result is in the job summary and the `report` output.";
function describeFailure(error, fromFork) {
  if (!(error instanceof GitHubApiError)) {
    return {
      status: "failed",
      reason: `Could not write the pull-request comment: ${error?.message ?? String(error)}. ${NOTHING_LOST}`,
      forkReadOnly: false
    };
  }
  const said = `GitHub answered ${error.status} to ${error.request}: ${error.message}`;
  const notAccessible = /not accessible by integration/i.test(error.message);
  switch (true) {
    case error.status === 0:
      return fail(
        `Could not reach the GitHub API (${error.message}) for ${error.request}. Check GITHUB_API_URL and the runner's network. ${NOTHING_LOST}`
      );
    case error.status === 401:
      return fail(
        `${said}. The token was rejected: check the \`github-token\` input. ${NOTHING_LOST}`
      );
    case (error.status === 403 && /rate limit/i.test(error.message)):
      return fail(
        `${said}. Rate-limited even after retrying; the next run will update the comment. ${NOTHING_LOST}`
      );
    case (error.status === 403 && (fromFork || notAccessible)):
      return {
        status: "failed",
        forkReadOnly: fromFork || notAccessible,
        reason: fromFork ? `This pull request comes from a fork, so the workflow token is read-only and cannot comment (${error.status}: ${error.message}). ${NOTHING_LOST} To comment on fork pull requests, post from a \`workflow_run\` workflow (see Shipgate's README).` : `${said}. The token cannot write comments: give the job \`permissions: pull-requests: write\` (for pull requests from forks the token is always read-only; see Shipgate's README). ${NOTHING_LOST}`
      };
    case error.status === 403:
      return fail(`${said}. Give the job \`permissions: pull-requests: write\`. ${NOTHING_LOST}`);
    case error.status === 404:
      return fail(
        `${said}. The pull request or repository was not found, or the token cannot see it (private repositories need \`permissions: pull-requests: write\`). ${NOTHING_LOST}`
      );
    case error.status === 422:
      return fail(`${said}. GitHub rejected the comment. ${NOTHING_LOST}`);
    default:
      return fail(`${said}. ${NOTHING_LOST}`);
  }
}
function fail(reason) {
  return { status: "failed", reason, forkReadOnly: false };
}
function shouldComment(mode, eventName, payload) {
  if (mode === "never") return { comment: false, why: "`comment` is `never`." };
  const p = payload ?? {};
  const isPullRequestEvent = eventName === "pull_request" || eventName === "pull_request_target";
  let issueNumber;
  let fromFork;
  if (isPullRequestEvent && typeof p.pull_request?.number === "number") {
    issueNumber = p.pull_request.number;
    const head = p.pull_request.head?.repo?.full_name;
    const base = p.pull_request.base?.repo?.full_name;
    fromFork = eventName === "pull_request" && base !== void 0 && head !== base;
  } else if (eventName === "issue_comment" && p.issue?.pull_request && typeof p.issue.number === "number") {
    issueNumber = p.issue.number;
  } else if (eventName === "workflow_run") {
    issueNumber = p.workflow_run?.pull_requests?.find((pr) => typeof pr.number === "number")?.number;
  }
  if (mode === "auto" && !isPullRequestEvent) {
    return {
      comment: false,
      why: `\`comment: auto\` comments on pull_request events only; this is \`${eventName}\`.`
    };
  }
  if (issueNumber === void 0) {
    return {
      comment: false,
      why: eventName === "workflow_run" ? "This workflow_run has no pull request attached (GitHub leaves `pull_requests` empty for forks): pass the pull-request number from the first workflow, see the README." : `No pull request belongs to this \`${eventName}\` event.`
    };
  }
  return {
    comment: true,
    issueNumber,
    fromFork,
    why: `Commenting on pull request #${issueNumber}${fromFork ? " (from a fork: the token may be read-only)" : ""}.`
  };
}

// src/action/comment.ts
async function commentOnPullRequest(report, inputs, keys, options) {
  const decision = inputs.pullRequest !== void 0 && inputs.when !== "never" ? {
    comment: true,
    issueNumber: inputs.pullRequest,
    fromFork: false,
    why: `\`pull-request\` is ${inputs.pullRequest}.`
  } : shouldComment(inputs.when, workflowEvent().eventName, workflowEvent().payload);
  info2(`Pull-request comment: ${decision.why}`);
  if (!decision.comment || decision.issueNumber === void 0) {
    setOutput("comment-status", "disabled");
    return;
  }
  try {
    const { owner, repo } = workflowRepo();
    const { createOctokitCommenter } = await import('./chunk-BGNBXpIJ.js');
    const commenter = createOctokitCommenter({
      token: inputs.token,
      apiUrl: process.env.GITHUB_API_URL,
      owner,
      repo,
      issueNumber: decision.issueNumber,
      logger: actionLogger
    });
    const comments = inputs.per === "image" && options.perImage && report.images.length > 1 ? report.images.map((image) => ({
      body: imageReport(
        report,
        image,
        options.failures.filter((f) => f.image === image.image).map((f) => f.message)
      ),
      ...keys.image(image.image)
    })) : [{ body: report, key: keys.job, adopts: keys.adopts }];
    const statuses = [];
    const urls = [];
    for (const c of comments) {
      const body = renderReportMarkdown(c.body, {
        maxLength: COMMENT_MAX_LENGTH,
        summaryUrl: runUrl(),
        marker: commentMarker(c.key)
      });
      const result = await publishComment(
        {
          body,
          key: c.key,
          adopts: c.adopts,
          mode: inputs.mode,
          fromFork: decision.fromFork,
          expectedAuthor: inputs.author
        },
        { github: commenter, logger: actionLogger }
      );
      statuses.push(result.status);
      if (result.status === "failed") {
        warning(result.reason);
        report.warnings.push(result.reason);
      } else {
        if (result.url) urls.push(result.url);
        info2(`Pull-request comment ${result.status}${result.url ? `: ${result.url}` : ""}`);
      }
    }
    const order = ["failed", "created", "updated", "skipped"];
    setOutput("comment-status", order.find((s) => statuses.includes(s)) ?? "skipped");
    setOutput("comment-url", urls.join("\n"));
  } catch (error) {
    const reason = `The pull-request comment was not written: ${error.message}`;
    setOutput("comment-status", "failed");
    warning(reason);
    report.warnings.push(reason);
  }
}

// src/sign/fork.ts
function forkPullRequest(eventName, payload) {
  if (eventName !== "pull_request" || !payload?.pull_request) return void 0;
  const base = payload.pull_request.base?.repo?.full_name ?? payload.repository?.full_name;
  if (!base) return void 0;
  const head = payload.pull_request.head?.repo?.full_name ?? "(deleted fork)";
  return head.toLowerCase() === base.toLowerCase() ? void 0 : { head, base };
}
function forkSkipReason(fork) {
  return `Signing skipped: this pull request comes from the fork ${fork.head}, and GitHub gives runs for fork pull requests no OIDC token ('id-token: write' is withheld by design), so nothing was signed. The scan, the gate and the comment ran as usual; images are signed when the change reaches ${fork.base} (push or release).`;
}

// src/action/signing.ts
function readSigning() {
  const raw = Object.fromEntries(
    [
      "sign",
      "attest-sbom",
      "attest-vulnerabilities",
      "attest-verdict",
      "github-attestations",
      "sbom-format",
      "signature-format",
      "rekor-version",
      "fulcio-url",
      "rekor-url",
      "tsa-url",
      "public-transparency-log",
      "trusted-root"
    ].map((name) => [name, getInput2(name)])
  );
  const { eventName, payload } = workflowEvent();
  const repository = payload.repository;
  const visibility = repository?.visibility ?? (repository?.private === true ? "private" : repository?.private === false ? "public" : void 0);
  const settings = readSigningSettings(raw, {
    repositoryVisibility: visibility
  });
  if (!settings.sign) return settings;
  const identity = githubIdentity();
  if (!identity.available()) {
    const fork = forkPullRequest(eventName, payload);
    if (fork) return { sign: false, sbomFormat: settings.sbomFormat, skipped: forkSkipReason(fork) };
  }
  identity.preflight();
  return settings;
}
async function vulnerabilityDbFromCache() {
  const { readDbMetadata } = await import('./chunk-ByKyp5R4.js');
  const meta = await readDbMetadata(join(trivyCacheDir(), "db"));
  if (!meta?.UpdatedAt) return void 0;
  return { updatedAt: meta.UpdatedAt, ...meta.NextUpdate ? { nextUpdate: meta.NextUpdate } : {} };
}

// src/action/summary.ts
async function renderSummary(report, settings) {
  try {
    const [{ runUrl: runUrl2 }, { renderReportMarkdown: renderReportMarkdown2, SUMMARY_MAX_LENGTH }, { settingsMarkdown }] = await Promise.all([
      Promise.resolve().then(function () { return chunk6B7IDJHO; }),
      Promise.resolve().then(function () { return chunkYCTOMYW2; }),
      Promise.resolve().then(function () { return chunk2RKFXYOB; })
    ]);
    const body = renderReportMarkdown2(report, {
      maxLength: SUMMARY_MAX_LENGTH,
      summaryUrl: runUrl2()
    });
    return { markdown: `${body}

${settingsMarkdown(settings)}
` };
  } catch (error) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }
}

// src/modes/action-scan.ts
async function actionScan(settings) {
  const { scan, comment } = settings;
  const signing = readSigning();
  const token = comment.githubToken.value;
  for (const secret of [token, process.env.GITHUB_TOKEN]) registerSecret(secret);
  const temp = process.env.RUNNER_TEMP || tmpdir();
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
  const outputDir = join(
    temp,
    `shipgate-${process.env.GITHUB_RUN_ID ?? "local"}-${randomBytes(4).toString("hex")}`
  );
  const result = await runScan(scan, {
    logger: actionLogger,
    trivy: trivyProvider(scan),
    // The registry code loads on first use: a report judged offline never reads a registry.
    registryClient: async () => (await import('./chunk-F0eklHwQ.js')).registryClient(),
    outputDir,
    // One file per image in a directory unless `sarif` names one file for one image.
    sarifPath: scan.sarif.value ?? `${join(outputDir, "sarif")}/`,
    sarif: {
      root: workspace,
      // The checkout is the pull request's: a link in it must not carry SARIF elsewhere.
      confineTo: [workspace, temp]
    },
    sbomFormat: signing.sbomFormat === "none" ? void 0 : signing.sbomFormat,
    exceptions: settings.exceptions,
    expiringDays: settings.policyReport?.warnExpiryDays,
    deferReportFile: true,
    // VEX paths are read in the checkout; on pull requests compared with the base commit.
    vex: await actionVex(scan, token)
  });
  const { report } = result;
  if (settings.policyReport) {
    report.policy = settings.policyReport;
    report.expiringDays = settings.policyReport.warnExpiryDays;
  }
  for (const warning2 of report.warnings) warning(warning2);
  for (const image of report.images) {
    const b = image.baseImage;
    if (b?.mode === "warn" && b.violations.length > 0) {
      warning(
        `Base image of ${image.image} (base-image-policy: warn, the step does not fail on it): ${b.violations.map((v) => v.message).join(" ")}`
      );
    }
  }
  const signable = report.verdict === "pass" && !result.errors.length;
  if (signing.sign && !signable) {
    const note = "Not signed: the image did not pass the gate, and a signature would tell admission controllers it did.";
    warning(note);
    report.warnings.push(note);
  }
  const willSign = signing.sign && signable;
  const { signStage } = await Promise.resolve().then(function () { return chunk4ZB5HP2K; });
  const signer = willSign ? await loadSigner() : void 0;
  const using = () => {
    if (!signer) throw new Error("internal: signing modules used on a run that does not sign");
    return signer;
  };
  const signed = await signStage(
    report,
    // A fork PR's skipped signing (sign: false with a reason) passes through as it is.
    signable || !signing.sign ? signing : { sign: false, sbomFormat: signing.sbomFormat },
    {
      store: () => using().registryStore(using().registryClient()),
      identity: () => using().githubIdentity(),
      trustedRoot: async () => {
        if (!signing.sign) return void 0;
        return using().loadTrustedRoot(
          signing.trustedRootPath ? { path: signing.trustedRootPath } : {}
        );
      },
      uploader: lazyArtifactUploader(),
      logger: actionLogger,
      vulnerabilityDb: vulnerabilityDbFromCache,
      github: {
        token,
        apiUrl: process.env.GITHUB_API_URL,
        serverUrl: process.env.GITHUB_SERVER_URL,
        repository: process.env.GITHUB_REPOSITORY
      }
    },
    { signPlatforms: scan.signPlatforms.value }
  );
  if (signed.failed.length) {
    report.verdict = "fail";
    report.reason = `Not signed: ${signed.failed[0]?.message}${signed.failed.length > 1 ? ` (+${signed.failed.length - 1} more)` : ""}`;
  }
  const { texts } = redactDeepForJson(report, LONG_ARRAY);
  const keys = commentKeys({
    explicit: scan.commentKey.value,
    images: scan.images.value,
    fallback: report.images[0]?.image ?? "report",
    platform: describePlatforms(scan.platform.value)
  });
  const record = settingsRecord(settings);
  const warnings = report.warnings.length;
  const commenting = commentOnPullRequest(
    report,
    {
      when: comment.comment.value,
      mode: comment.commentMode.value,
      per: comment.commentPer.value,
      token,
      author: comment.commentAuthor.value,
      pullRequest: comment.pullRequest.value
    },
    keys,
    {
      // An incomplete scan gets one comment for the job: per-image verdicts would hide it.
      perImage: !result.errors.length,
      failures: signed.failed
    }
  );
  commenting.catch(() => void 0);
  await writeJsonFilePausing(result.reportPath, { ...report, settings: record }, texts);
  let summary = await renderSummary(report, record);
  await commenting;
  if (report.warnings.length !== warnings) {
    await writeJsonFile(result.reportPath, { ...report, settings: record });
    summary = await renderSummary(report, record);
  }
  return {
    ...result,
    signingFailures: signed.failed,
    signingOutputs: signed.outputs,
    settings: record,
    summary
  };
}
async function actionVex(scan, token) {
  if (!scan.vex.value.length) return void 0;
  const { actionVexBase } = await import('./chunk-D3A7k0XZ.js');
  return {
    workspace: process.env.GITHUB_WORKSPACE || process.cwd(),
    base: actionVexBase(token)
  };
}
function lazyArtifactUploader() {
  let uploader;
  return {
    async upload(name, files, rootDirectory) {
      if (!process.env.ACTIONS_RUNTIME_TOKEN)
        throw new Error("Unable to get the ACTIONS_RUNTIME_TOKEN env variable");
      uploader ??= import('./chunk-_hFdtL74.js').then((m) => m.actionsArtifactUploader());
      return (await uploader).upload(name, files, rootDirectory);
    }
  };
}
async function loadSigner() {
  const [{ githubIdentity: githubIdentity2 }, { registryStore }, { loadTrustedRoot }, { registryClient }] = await Promise.all([
    import('./chunk-D8DkKmvn.js'),
    import('./chunk-DccvJInj.js'),
    import('./chunk-CeT1tSLj.js'),
    import('./chunk-F0eklHwQ.js')
  ]);
  return { githubIdentity: githubIdentity2, registryStore, loadTrustedRoot, registryClient };
}

var chunk2DSOKEV6 = /*#__PURE__*/Object.freeze({
  __proto__: null,
  actionScan: actionScan
});

createRequire(import.meta.url);

var chunkYCTOMYW2 = /*#__PURE__*/Object.freeze({
  __proto__: null,
  COMMENT_MAX_LENGTH: COMMENT_MAX_LENGTH,
  SUMMARY_MAX_LENGTH: SUMMARY_MAX_LENGTH,
  renderAtDepth: renderAtDepth,
  renderReportMarkdown: renderReportMarkdown
});

createRequire(import.meta.url);

var chunk2RKFXYOB = /*#__PURE__*/Object.freeze({
  __proto__: null,
  settingsMarkdown: settingsMarkdown,
  settingsRecord: settingsRecord
});

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

createRequire(import.meta.url);

// src/sign/signing-config.ts
var SIGNING_CONFIG_TARGET = "signing_config.v0.2.json";
var REKOR_V2_SIGNING_CONFIG_TARGET = "signing_config_rekor_v2.v0.2.json";
var SigningConfigError = class extends Error {
  name = "SigningConfigError";
};
function pick(services, version, now) {
  const t = now.getTime();
  return (services ?? []).filter((s) => s.majorApiVersion === version).filter((s) => {
    const start = Date.parse(s.validFor?.start ?? "");
    const end = Date.parse(s.validFor?.end ?? "");
    return (Number.isNaN(start) || start <= t) && (Number.isNaN(end) || t < end);
  }).sort((a, b) => Date.parse(b.validFor?.start ?? "") - Date.parse(a.validFor?.start ?? ""))[0];
}
function endpointsFromSigningConfig(config, now, rekorVersion = 1) {
  if (!config.mediaType?.startsWith("application/vnd.dev.sigstore.signingconfig.")) {
    throw new SigningConfigError(
      `the signing config has media type ${JSON.stringify(config.mediaType)}, not application/vnd.dev.sigstore.signingconfig.v0.2+json`
    );
  }
  const fulcio = pick(config.caUrls, 1, now);
  const rekor = pick(config.rekorTlogUrls, rekorVersion, now);
  if (!fulcio) throw new SigningConfigError("the signing config lists no valid Fulcio (v1)");
  if (!rekor)
    throw new SigningConfigError(`the signing config lists no valid Rekor v${rekorVersion} log`);
  const tsa = pick(config.tsaUrls, 1, now);
  if (rekorVersion === 2 && !tsa) {
    throw new SigningConfigError(
      "the signing config lists a Rekor v2 log but no valid timestamp authority, which Rekor v2 signatures need"
    );
  }
  const endpoints = {
    fulcioURL: fulcio.url.replace(/\/+$/, ""),
    rekorURL: rekor.url.replace(/\/+$/, "")
  };
  if (tsa) endpoints.tsaURL = tsa.url;
  return endpoints;
}
async function publicGoodEndpoints(options = {}) {
  const rekorVersion = options.rekorVersion ?? 1;
  const now = options.now ?? /* @__PURE__ */ new Date();
  let tuf;
  let text;
  try {
    tuf = await tufClient(options);
    text = await tuf.getTarget(SIGNING_CONFIG_TARGET);
  } catch (error) {
    throw new SigningConfigError(
      `Cannot fetch the public Sigstore signing config (${SIGNING_CONFIG_TARGET}) over TUF (${tufRepositoryName(options)}): ${error.message}. Check the runner's network access; without it (air-gapped runners, GHES without egress) set 'fulcio-url', 'rekor-url' and 'tsa-url' to reachable Sigstore services and 'trusted-root' to their trusted_root.json.`
    );
  }
  try {
    const config = JSON.parse(text);
    if (rekorVersion === 2 && !pick(config.rekorTlogUrls, 2, now)) {
      let optIn;
      try {
        optIn = await tuf.getTarget(REKOR_V2_SIGNING_CONFIG_TARGET);
      } catch (error) {
        throw new SigningConfigError(
          `${SIGNING_CONFIG_TARGET} lists no Rekor v2 log and ${REKOR_V2_SIGNING_CONFIG_TARGET} could not be read (${error.message}); set 'rekor-url' to a Rekor v2 log and 'tsa-url', or use 'rekor-version: 1'`
        );
      }
      return endpointsFromSigningConfig(JSON.parse(optIn), now, 2);
    }
    return endpointsFromSigningConfig(config, now, rekorVersion);
  } catch (error) {
    throw new SigningConfigError(
      `The public Sigstore signing config is unusable: ${error.message}.`
    );
  }
}

// src/stages/sign.ts
async function signStage(report, settings, deps, opts = {}) {
  const failed = [];
  let githubAttestations;
  const sboms = report.images.map((i) => ({ image: i.image, path: i.artifacts.cyclonedx ?? i.artifacts.spdx })).filter((s) => Boolean(s.path));
  if (deps.uploader && settings.sbomFormat !== "none") {
    for (const s of sboms)
      await uploadSbom(deps.uploader, s.path, s.image, settings.sbomFormat, deps.logger);
  }
  if (!settings.sign && settings.skipped) {
    deps.logger.warning(settings.skipped);
    report.warnings.push(settings.skipped);
  }
  const step = settings.sign ? await import('./chunk-DuajwMxS.js') : void 0;
  if (settings.sign && step) {
    const { SigningError, signingSession } = step;
    let trustedRoot;
    try {
      trustedRoot = await deps.trustedRoot();
    } catch (error) {
      const message = redact(
        `The Sigstore trust root could not be loaded (${error.message}); signatures are pushed without the pre-push check.`
      );
      deps.logger.warning(message);
      report.warnings.push(message);
    }
    let session;
    const warn = (message) => {
      const clean = redact(message);
      deps.logger.warning(clean);
      report.warnings.push(clean);
    };
    githubAttestations = settings.githubAttestations ? await githubAttestationsFor(deps, warn) : void 0;
    for (const image of report.images) {
      try {
        session ??= signingSession(settings, {
          store: deps.store(),
          identity: deps.identity(),
          logger: deps.logger,
          trustedRoot,
          signingConfig: () => publicGoodEndpoints({ rekorVersion: settings.rekorVersion }),
          ...githubAttestations ? { onVerified: githubAttestations.publish.bind(githubAttestations) } : {}
        });
        image.signing = await session.sign({
          image: image.image,
          digest: image.digest,
          sbomPath: settings.attestSbom ? image.artifacts.cyclonedx ?? image.artifacts.spdx : void 0,
          vuln: settings.attestVulnerabilities ? {
            trivyJsonPath: image.artifacts.trivyJson,
            trivyVersion: image.trivyVersion,
            scannedAt: image.scannedAt
          } : void 0,
          verdict: settings.attestVerdict ? await verdictFor(report, image, deps) : void 0
        });
        if (image.signing) image.digest ??= image.signing.digest;
        if (opts.signPlatforms) {
          const repo = image.image.replace(/@.*$/, "").replace(/:[^/:]+$/, "");
          for (const p of image.platforms ?? []) {
            try {
              p.signing = await session.sign({
                image: `${repo}@${p.digest}`,
                digest: p.digest,
                vuln: settings.attestVulnerabilities ? {
                  trivyJsonPath: p.trivyJson,
                  trivyVersion: image.trivyVersion,
                  scannedAt: image.scannedAt
                } : void 0
              });
            } catch (error) {
              if (error instanceof SigningError && error.partial)
                p.signing = redactDeep(error.partial);
              const message = redact(
                `Signing ${image.image} for ${p.platform} (${p.digest}) failed: ${error.message}`
              );
              failed.push({ image: image.image, message });
              report.warnings.push(message);
            }
          }
        }
      } catch (error) {
        if (error instanceof SigningError && error.partial)
          image.signing = redactDeep(error.partial);
        const message = redact(`Signing ${image.image} failed: ${error.message}`);
        failed.push({ image: image.image, message });
        report.warnings.push(message);
      }
    }
  }
  const signed = step ? step.signingOutputs(report.images.flatMap((i) => i.signing ? [i.signing] : [])) : { digest: "", signature: "", attestations: "[]", "signature-verified": "" };
  return {
    failed,
    outputs: {
      ...signed,
      sbom: sboms[0]?.path ?? "",
      "github-attestations": JSON.stringify(githubAttestations?.posted ?? [])
    }
  };
}
async function githubAttestationsFor(deps, warn) {
  const { GitHubAttestations, attestationsApiUnavailable, octokitAttestationsApi } = await import('./chunk-B-L4AWoS.js');
  const target = deps.github ?? { token: "" };
  const unavailable = attestationsApiUnavailable(target);
  const api = unavailable ? void 0 : await octokitAttestationsApi(target, deps.logger);
  return new GitHubAttestations(api, target, deps.logger, warn, unavailable);
}
function gatePolicyOf(report) {
  const rules = /* @__PURE__ */ new Map();
  const add = (r) => {
    rules.set(`${r.source}\0${r.id}`, {
      id: r.id,
      source: r.source,
      ...r.expiresAt ? { expiresAt: r.expiresAt } : {}
    });
  };
  for (const image of report.images)
    for (const f of image.findings) if (f.ignored?.by === "ignore-file") add(f.ignored.rule);
  for (const r of report.unusedRules) add(r);
  return {
    failOn: report.failOn,
    scope: report.gateScope,
    ignoreUnfixed: report.ignoreUnfixed,
    ignores: [...rules.values()].sort(
      (a, b) => `${a.source} ${a.id}` < `${b.source} ${b.id}` ? -1 : 1
    ),
    ...report.vulnerabilityDb ? { maxDbAgeHours: report.vulnerabilityDb.maxAgeHours } : {}
  };
}
async function verdictFor(report, image, deps) {
  let db;
  try {
    db = dbFromTrivyReport(JSON.parse(await readFile(image.artifacts.trivyJson, "utf8")));
  } catch {
    db = void 0;
  }
  db ??= await deps.vulnerabilityDb?.().catch(() => void 0) ?? {};
  const policy = gatePolicyOf(report);
  const time = (deps.now ?? (() => /* @__PURE__ */ new Date()))();
  return (signed) => gateVerdictPredicate({
    repository: signed.repository,
    digest: signed.digest,
    passed: report.verdict === "pass" && image.blocking === 0,
    policy,
    policyUri: signed.policyUri,
    shipgateVersion: VERSION,
    trivyVersion: image.trivyVersion,
    db: db ?? {},
    ...report.vulnerabilityDb ? {
      measuredDb: {
        updatedAt: report.vulnerabilityDb.updatedAt,
        ageHours: report.vulnerabilityDb.ageHours
      }
    } : {},
    counts: image.counts,
    ignored: Object.values(image.ignored).reduce((a, b) => a + b, 0),
    suppressedByVex: image.suppressed.length,
    timeVerified: time
  });
}

var chunk4ZB5HP2K = /*#__PURE__*/Object.freeze({
  __proto__: null,
  gatePolicyOf: gatePolicyOf,
  signStage: signStage
});

export { inferBase as $, SIGSTORE_AUDIENCE as A, githubIdentity as B, CACHE_DB_INPUT as C, DEFAULT_LIMITS as D, notFixedByVex as E, policyReport as F, ArtifactServiceUnavailable as G, settingsMarkdown as H, ImageLimitError as I, JAVA_DB_CACHE_KEY_PREFIX as J, trivyProvider as K, GitHubApiError as L, MISSING_ID_TOKEN_MESSAGE as M, attributeFindings as N, prefixMismatch as O, PUBLIC_GOOD as P, baseLayersFromHistory as Q, REKOR_VERSIONS as R, SBOM_FORMATS as S, TrivyDbError as T, filesystemFacts as U, execContext as V, effectiveUser as W, declaredBase as X, LayeredFilesystem as Y, isWantedFile as Z, classifyBaseName as _, analyzeDockerfile as a, normalizePath as a0, string2 as a1, _regex as a2, _maxLength as a3, object as a4, array as a5, int as a6, _nonnegative as a7, escapeMarkdown as a8, table as a9, boolean2 as aA, durationMs as aB, runScan as aC, commentKeys as aD, commentMarker as aE, settingsRecord as aF, platformsText as aG, describeUpgrade as aH, distinguishers as aI, platformCell as aJ, chunk4KYBWE52 as aK, chunk6B7IDJHO as aL, chunk2DSOKEV6 as aM, code as aa, link as ab, SUMMARY_MAX_LENGTH as ac, renderReportMarkdown as ad, isBlocking as ae, resolveOwnAuthor as af, plural as ag, endsWithMarker as ah, encodeMarkerKey as ai, COMMENT_MAX_LENGTH as aj, union as ak, tuple as al, literal as am, runPipeline as an, VERSION as ao, refine as ap, strictObject as aq, optional as ar, _positive as as, _minLength as at, _gte as au, _lte as av, clone as aw, globalRegistry as ax, _enum as ay, url as az, prepareTrivyDb as b, createActionsCacheAdapter as c, DB_CACHE_KEY_PREFIX as d, DB_REPOSITORY_INPUT as e, factsFromScan as f, DEFAULT_DB_REPOSITORIES as g, DEFAULT_JAVA_DB_REPOSITORIES as h, dbCacheKey as i, TrivyReportError as j, holdsEverything as k, isVerbatim as l, parseTrivyReport as m, readTrivyReport as n, IdentityTokenError as o, parseDbRepositories as p, MissingIdTokenPermissionError as q, readDbMetadata as r, staticIdentity as s, tokenClaims as t, SIGNATURE_FORMATS as u, SigningInputError as v, isPublicGoodFulcio as w, isPublicGoodRekor as x, privacyRefusal as y, readSigningSettings as z };
