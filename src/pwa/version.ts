/** This build's version, for Settings ("Version …") and bug reports. */
export const BUILD_ID: string = import.meta.env.QUIRE_BUILD_ID ?? 'dev';
