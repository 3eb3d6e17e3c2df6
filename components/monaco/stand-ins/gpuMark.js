// Stand-in: the GPU renderer's debug marks (see viewGpuContext.js).
export class GpuMarkOverlay {}
