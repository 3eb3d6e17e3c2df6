// Stand-in for Monaco's GPU text renderer, made only when the
// experimentalGpuAcceleration option is 'on'; it is off here.
export class ViewGpuContext {}
