export * from './origin.js'
export * from './policy-file.js'
export * from './resolve.js'
export * from './spec.js'
