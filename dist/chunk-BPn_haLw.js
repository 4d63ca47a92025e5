import { createRequire } from 'node:module';
import { spawn } from 'node:child_process';

createRequire(import.meta.url);

// src/child-env.ts
var RUNNER_CREDENTIALS = /* @__PURE__ */ new Set([
  "ACTIONS_RUNTIME_TOKEN",
  "ACTIONS_RUNTIME_URL",
  "ACTIONS_RESULTS_URL",
  "ACTIONS_CACHE_URL",
  "ACTIONS_ID_TOKEN_REQUEST_TOKEN",
  "ACTIONS_ID_TOKEN_REQUEST_URL"
]);
function isShipgateOnly(name) {
  return name.toUpperCase().startsWith("INPUT_") || RUNNER_CREDENTIALS.has(name.toUpperCase());
}
function childEnv(env = process.env) {
  const out = {};
  for (const [k, v] of Object.entries(env)) {
    if (v !== void 0 && !isShipgateOnly(k)) out[k] = v;
  }
  return out;
}
var DEFAULT_MAX_OUTPUT = 16 * 1024 * 1024;
var Tail = class {
  constructor(max) {
    this.max = max;
  }
  max;
  text = "";
  add(chunk) {
    this.text += chunk;
    if (this.text.length > this.max * 2) this.text = this.text.slice(-this.max);
  }
  toString() {
    return this.text.length > this.max ? this.text.slice(-this.max) : this.text;
  }
};
function withoutFinalNewline(text) {
  return text.endsWith("\r\n") ? text.slice(0, -2) : text.endsWith("\n") ? text.slice(0, -1) : text;
}
var running = /* @__PURE__ */ new Set();
var exitHook = false;
function stopOnExit() {
  if (exitHook) return;
  exitHook = true;
  process.once("exit", () => {
    for (const child of running) child.kill("SIGTERM");
  });
}
function runProgram(file, args, opts) {
  return new Promise((resolve) => {
    const max = opts.maxOutput ?? DEFAULT_MAX_OUTPUT;
    const stdout = new Tail(max);
    const stderr = new Tail(max);
    let timedOut = false;
    let startError;
    let child;
    try {
      child = spawn(file, [...args], {
        env: opts.env,
        cwd: opts.cwd,
        stdio: [opts.input === void 0 ? "ignore" : "pipe", "pipe", "pipe"],
        windowsHide: true
      });
    } catch (error) {
      resolve({
        stdout: "",
        stderr: "",
        failed: true,
        timedOut: false,
        startError: error.code ?? error.message
      });
      return;
    }
    running.add(child);
    stopOnExit();
    child.stdout?.setEncoding("utf8").on("data", (d) => stdout.add(d));
    child.stderr?.setEncoding("utf8").on("data", (d) => stderr.add(d));
    if (opts.input !== void 0 && child.stdin) {
      child.stdin.on("error", () => {
      });
      child.stdin.end(opts.input);
    }
    let killTimer;
    const timer = opts.timeoutMs !== void 0 ? setTimeout(() => {
      timedOut = true;
      child.kill("SIGTERM");
      killTimer = setTimeout(() => child.kill("SIGKILL"), opts.killGraceMs ?? 5e3);
    }, opts.timeoutMs) : void 0;
    child.on("error", (error) => {
      startError ??= error.code ?? error.message;
    });
    child.on("close", (code, signal) => {
      running.delete(child);
      if (timer) clearTimeout(timer);
      if (killTimer) clearTimeout(killTimer);
      const exitCode = code ?? void 0;
      resolve({
        ...exitCode !== void 0 && startError === void 0 ? { exitCode } : {},
        ...signal ? { signal } : {},
        stdout: withoutFinalNewline(stdout.toString()),
        stderr: withoutFinalNewline(stderr.toString()),
        failed: timedOut || startError !== void 0 || exitCode !== 0,
        timedOut,
        ...startError !== void 0 ? { startError } : {}
      });
    });
  });
}
function failureOf(result) {
  if (result.startError !== void 0) return `could not be started (${result.startError})`;
  if (result.timedOut) return "timed out and was stopped";
  if (result.signal) return `was ended by ${result.signal}`;
  return `exited with code ${result.exitCode}`;
}
function programExecWith(envOf) {
  return async (file, args, options = {}) => {
    const result = await runProgram(file, args, {
      env: envOf(options.env),
      ...options.timeoutMs !== void 0 ? { timeoutMs: options.timeoutMs } : {}
    });
    return {
      exitCode: result.exitCode ?? 1,
      stdout: result.stdout,
      stderr: result.stderr || (result.failed ? `${file} ${failureOf(result)}` : "")
    };
  };
}

export { childEnv as c, failureOf as f, programExecWith as p, runProgram as r };
