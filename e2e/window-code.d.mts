export declare const DEMO_POINT_ID: string

export type WindowCode = { id: string; name: string; link: string; png: Buffer }

export declare function fetchWindowCode(
  url: string,
  options?: { pointId?: string; password?: string },
): Promise<WindowCode>

export declare function forgedLink(link: string): string

export declare function writeFakeCameraVideo(
  path: string,
  png: Buffer,
  options?: { width?: number; height?: number; frames?: number },
): Promise<void>

export declare function readCodeImage(png: Buffer): Promise<string | null>

export declare function fakeCameraArgs(videoPath: string): string[]
