export * from './origin.js'
export * from './resolve.js'
export * from './spec.js'
