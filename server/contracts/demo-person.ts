/** The test person (and licence holder) the demo manifests give as fixtures; the simulated agencies accept any well-formed values. */
export const DEMO_PERSON = { name: '张三', idNumber: '510600199001010010' }
