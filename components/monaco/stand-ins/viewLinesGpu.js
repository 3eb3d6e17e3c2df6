// Stand-in: the GPU renderer's lines (see viewGpuContext.js).
export class ViewLinesGpu {}
