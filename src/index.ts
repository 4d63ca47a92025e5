import { keepYoungGenerationSmall } from './heap.js'
import { run } from './main.js'

keepYoungGenerationSmall()
await run()
