/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** The build's version (build/pwa.ts: QUIRE_BUILD_ID, else package.json's version). */
  readonly QUIRE_BUILD_ID: string;
}
