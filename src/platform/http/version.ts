export const AIMS_VERSION = '0.1.0';
