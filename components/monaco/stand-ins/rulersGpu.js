// Stand-in: the GPU renderer's rulers (see viewGpuContext.js).
export class RulersGpu {}
