export declare const E2E_ROOT: string
export declare const E2E_DATA: string
export declare const E2E_WWW: string
export declare const E2E_LOG: string
