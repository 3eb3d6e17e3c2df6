// Stand-ins for the colour picker's hover classes. Hover only tests parts
// against them with instanceof, and no colour parts are ever made here.
export class ColorHover {}
export class HoverColorPickerParticipant {}
